package io.csdsim.models.reference;

import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariant 1 of DESIGN §4 as a property: with D >= T−1, FunctionalSpiking's counts equal
 * QuantizedReference's for every neuron, on random small CSDformers under random per-edge delays.
 */
class InvariantOneTest
{
    @Test
    void countsEqualTheQuantizedReferenceOnRandomGraphsAndTimings()
    {
        final SplittableRandom r = new SplittableRandom(20261122);
        long spikes = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            final int t = 1 + r.nextInt(5);
            final int d = t - 1 + r.nextInt(3);
            final ModelGraph g = SmallNetworks.randomModel(r, t, d);
            final IntNetwork net = SmallNetworks.quantize(g, 3 + r.nextInt(8));
            final Schedule schedule = trial % 3 == 0 ? Schedule.canonical(net) : SmallNetworks.randomSchedule(net, r, 3);
            final FunctionalSpiking fs = new FunctionalSpiking(net, schedule);
            final QuantizedReference qr = new QuantizedReference(net);
            for (final int[] px : SyntheticImages.generate(net.input, 2, r.nextLong()))
            {
                final int[] in = net.encode(px);
                final ExecutionResult a = qr.run(in);
                final ExecutionResult b = fs.run(in);
                assertEquals(0, b.saturations(), "trial " + trial + ": membranes saturated");
                for (int id = 0; id < net.populationCount(); id++)
                {
                    final IntPopulation p = net.population(id);
                    if (p.spiking())
                    {
                        assertArrayEquals(a.counts()[id], b.counts()[id], "trial " + trial + " population " + p.name + " T=" + t + " D=" + d);
                        spikes += a.totalSpikes(id);
                    }
                }
                assertArrayEquals(a.logits(), b.logits(), "trial " + trial + " logits");
            }
        }
        assertTrue(spikes > 10_000, "the random models must actually spike: " + spikes);
    }
}
