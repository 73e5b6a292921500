package io.csdsim.models.csdformer;

import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.QuantizationError;
import io.csdsim.models.reference.QuantizedReference;
import io.csdsim.models.reference.Schedule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSDformer-4-384 CIFAR-10 zoo model: firing-rate band, invariant 1, and the integer rule's error. */
class ZooModelTest
{
    private static ModelGraph graph;
    private static IntNetwork net;
    private static int[][] images;

    @BeforeAll
    static void create()
    {
        graph = ZooModels.create(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 2, null);
        net = IntQuantizer.quantize(graph, QuantizationParams.DEFAULT);
        // Fresh images, not the calibration ones.
        images = SyntheticImages.generate(net.input, 3, 4242);
    }

    @Test
    void everyPopulationFiresInTheDefaultBandOnFreshImages()
    {
        final QuantizedReference qr = new QuantizedReference(net);
        final long[] spikes = new long[net.populationCount()];
        for (final int[] px : images)
        {
            final ExecutionResult r = qr.run(net.encode(px));
            for (int id = 0; id < spikes.length; id++)
            {
                if (net.population(id).kind == IntPopulation.Kind.DIF)
                {
                    spikes[id] += r.totalSpikes(id);
                }
            }
        }
        for (int id = 0; id < spikes.length; id++)
        {
            final IntPopulation p = net.population(id);
            if (p.kind == IntPopulation.Kind.DIF)
            {
                final double rate = (double)spikes[id] / ((double)p.size * net.timeWindow * images.length);
                assertTrue(rate >= 0.05 && rate <= 0.30, p.name + " fires at " + rate);
            }
        }
    }

    @Test
    void functionalSpikingEqualsTheQuantizedReferenceAtDEqualsTMinusOne()
    {
        final FunctionalSpiking fs = new FunctionalSpiking(net, Schedule.canonical(net));
        final QuantizedReference qr = new QuantizedReference(net);
        for (int i = 0; i < 2; i++)
        {
            final int[] in = net.encode(images[i]);
            final ExecutionResult a = qr.run(in);
            final ExecutionResult b = fs.run(in);
            assertEquals(0, b.saturations());
            for (int id = 0; id < net.populationCount(); id++)
            {
                if (net.population(id).spiking())
                {
                    assertArrayEquals(a.counts()[id], b.counts()[id], net.population(id).name);
                }
            }
            assertArrayEquals(a.logits(), b.logits());
        }
    }

    @Test
    void theIntegerRuleAddsASmallReportedError()
    {
        final QuantizationError err = new QuantizationError(graph, net, images);
        assertEquals(4 + 4 * 8, err.rows().size());
        for (final QuantizationError.Row r : err.rows())
        {
            System.out.printf("%-12s max|Δz| %.4g  (%.4f θ)  end-to-end count mismatch %.3f %%%n", r.population(), r.maxAbsDelta(),
                r.maxDeltaOverThreshold(), 100 * r.countMismatch());
            // Weight and bias rounding at 8 bits with per-projection power-of-two scales stays well under a step.
            assertTrue(r.maxDeltaOverThreshold() < 0.05, r.toString());
            if (r.population().endsWith("sn_a") || r.population().endsWith("sn_o"))
            {
                // The attention products are exact in integers: counts times counts.
                assertTrue(r.maxAbsDelta() < 1e-9, r.toString());
            }
        }
        System.out.println("class agreement float vs integer: " + err.classAgreement());
    }
}
