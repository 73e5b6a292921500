package io.csdsim.models.reference;

import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unevenness error (the paper's Table 4): the fraction of neurons whose FunctionalSpiking count
 * differs from QuantizedReference's falls as D grows and is exactly 0 at D = T−1.
 */
class UnevennessTest
{
    @Test
    void mismatchFallsWithDelayAndVanishesAtTMinusOne()
    {
        final int t = 4;
        final CsdformerConfig c = CsdformerConfig.custom(2, 32, 2, 16, 3, 10, false, t, t - 1);
        final ModelGraph g = ZooModels.create(c, 3, ZooModels.DEFAULT_TARGET_RATE, 4, null);
        final IntNetwork base = IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
        final int[][] images = SyntheticImages.generate(base.input, 4, 99);
        final double[] rate = new double[t];
        final int[] classAgree = new int[t];
        System.out.println("D  mismatched neurons  same class as reference");
        for (int d = 0; d < t; d++)
        {
            final IntNetwork net = base.withDelay(d);
            final FunctionalSpiking fs = new FunctionalSpiking(net, Schedule.canonical(net));
            final QuantizedReference qr = new QuantizedReference(net);
            long diff = 0;
            long total = 0;
            for (final int[] px : images)
            {
                final int[] in = net.encode(px);
                final ExecutionResult a = qr.run(in);
                final ExecutionResult b = fs.run(in);
                for (int id = 0; id < net.populationCount(); id++)
                {
                    if (net.population(id).spiking())
                    {
                        for (int e = 0; e < a.counts()[id].length; e++)
                        {
                            diff += a.counts()[id][e] != b.counts()[id][e] ? 1 : 0;
                        }
                        total += a.counts()[id].length;
                    }
                }
                classAgree[d] += a.predictedClass() == b.predictedClass() ? 1 : 0;
            }
            rate[d] = (double)diff / total;
            System.out.printf("%d  %8.4f %%  %d/%d%n", d, 100 * rate[d], classAgree[d], images.length);
        }
        assertTrue(rate[0] > 0, "D = 0 must show unevenness error");
        for (int d = 1; d < t; d++)
        {
            assertTrue(rate[d] <= rate[d - 1], "mismatch must not grow with D: " + java.util.Arrays.toString(rate));
        }
        assertTrue(rate[t - 2] < rate[0], "mismatch must fall");
        assertEquals(0.0, rate[t - 1]);
    }
}
