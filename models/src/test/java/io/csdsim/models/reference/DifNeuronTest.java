package io.csdsim.models.reference;

import io.csdsim.models.quant.IntNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DIF neuron of DESIGN §3.2 on one-layer networks whose spikes are worked out by hand. */
class DifNeuronTest
{
    /** Identity weights: neuron i receives input i. */
    private static IntNetwork identity(final int t, final int d, final int k, final int theta, final int v0, final long[] bias)
    {
        final short[] m = new short[k * k];
        for (int i = 0; i < k; i++)
        {
            m[i * k + i] = 1;
        }
        return SmallNetworks.oneLayer(t, d, k, k, m, theta, v0, bias);
    }

    private static int[] ticksOf(final SpikeTrains trains, final int neuron)
    {
        final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList out = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
        for (int t = 0; t < trains.ticks(); t++)
        {
            if (trains.spikes(1, t).contains(neuron))
            {
                out.add(t);
            }
        }
        return out.toArray();
    }

    @Test
    void firesAThermometerCodeFromTheStartOfItsWindow()
    {
        // T = 4, D = 3: input injected at tick 1, window [1 + 3, 1 + 3 + 3] = [4, 7].
        final IntNetwork net = identity(4, 3, 1, 4, 2, null);
        final SpikeTrains[] tr = new SpikeTrains[1];
        final ExecutionResult r = new FunctionalSpiking(net, Schedule.canonical(net)).run(new int[] {9}, tr);
        // v = 2 + 9 = 11 → spikes while v >= 4: 11 → 7 → 3: two spikes, at ticks 4 and 5.
        assertArrayEquals(new int[] {4, 5}, ticksOf(tr[0], 0));
        assertEquals(2, r.counts()[1][0]);
    }

    @Test
    void saturatesAtTSpikes()
    {
        final IntNetwork net = identity(4, 3, 1, 4, 2, null);
        final SpikeTrains[] tr = new SpikeTrains[1];
        final ExecutionResult r = new FunctionalSpiking(net, Schedule.canonical(net)).run(new int[] {1000}, tr);
        assertArrayEquals(new int[] {4, 5, 6, 7}, ticksOf(tr[0], 0));
        assertEquals(4, r.counts()[1][0]);
    }

    @Test
    void negativeInputNeverFires()
    {
        final IntNetwork net = identity(4, 3, 1, 4, 2, null);
        final ExecutionResult r = new FunctionalSpiking(net, Schedule.canonical(net)).run(new int[] {-50});
        assertEquals(0, r.counts()[1][0]);
        assertEquals(0, new QuantizedReference(net).run(new int[] {-50}).counts()[1][0]);
    }

    @Test
    void initialPotentialAndBiasCountOnce()
    {
        // θ = 10: input 5 with v0 = 0 gives 0 spikes, with v0 = 5 one, with v0 = 5 and bias 10 two.
        final int[] in = {5};
        assertEquals(0, new FunctionalSpiking(identity(4, 3, 1, 10, 0, null), Schedule.canonical(identity(4, 3, 1, 10, 0, null))).run(in).counts()[1][0]);
        final IntNetwork v5 = identity(4, 3, 1, 10, 5, null);
        assertEquals(1, new FunctionalSpiking(v5, Schedule.canonical(v5)).run(in).counts()[1][0]);
        final IntNetwork b10 = identity(4, 3, 1, 10, 5, new long[] {10});
        assertEquals(2, new FunctionalSpiking(b10, Schedule.canonical(b10)).run(in).counts()[1][0]);
        assertEquals(2, new QuantizedReference(b10).run(in).counts()[1][0]);
    }

    @Test
    void neverFiresOutsideItsWindow()
    {
        // D = 6 with T = 3: the input arrives at tick 1, long before the window [7, 9]; nothing may fire
        // before it, and nothing after it however much charge is left.
        final IntNetwork net = identity(3, 6, 2, 3, 1, null);
        final SpikeTrains[] tr = new SpikeTrains[1];
        new FunctionalSpiking(net, Schedule.canonical(net)).run(new int[] {100, 5}, tr);
        for (int t = 0; t < tr[0].ticks(); t++)
        {
            final boolean inWindow = t >= 7 && t <= 9;
            if (!inWindow)
            {
                assertTrue(tr[0].spikes(1, t).isEmpty(), "spike outside the window at tick " + t);
            }
        }
        assertArrayEquals(new int[] {7, 8, 9}, ticksOf(tr[0], 0));
        assertArrayEquals(new int[] {7, 8}, ticksOf(tr[0], 1));
    }

    @Test
    void countEqualsTheQuantizedActivationForEveryInputInRange()
    {
        final int t = 5;
        for (int theta = 1; theta <= 7; theta++)
        {
            for (int v0 = -3; v0 <= 7; v0++)
            {
                final int k = 41;
                final int[] in = new int[k];
                for (int i = 0; i < k; i++)
                {
                    in[i] = i - 10;
                }
                final IntNetwork net = identity(t, t - 1, k, theta, v0, null);
                final ExecutionResult fs = new FunctionalSpiking(net, Schedule.canonical(net)).run(in);
                for (int i = 0; i < k; i++)
                {
                    final int expected = Math.max(0, Math.min(t, Math.floorDiv(in[i] + v0, theta)));
                    assertEquals(expected, fs.counts()[1][i], "x=" + in[i] + " θ=" + theta + " v0=" + v0);
                }
            }
        }
    }

    @Test
    void saturatingMembraneIsCounted()
    {
        final short[] m = {127};
        final IntNetwork net = SmallNetworks.oneLayer(2, 1, 1, 1, m, 3, 0, null);
        // 24-bit membrane: 127 × 100000 = 12.7 M exceeds 2^23 − 1.
        final ExecutionResult r = new FunctionalSpiking(net, Schedule.canonical(net)).run(new int[] {100000});
        assertEquals(1, r.saturations());
        assertEquals(2, r.counts()[1][0]);
    }

    @Test
    void theDifReferenceUnitFiresWhereFunctionalSpikingDoes()
    {
        // One layer of 16 neurons, each fed its own input (identity weights), random thresholds' inputs and biases:
        // io.csdsim.models.neuron.DifReference, stepped unit by unit, against the network executor.
        final java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int spikes = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            final int t = 2 + r.nextInt(5);
            final int d = r.nextInt(t + 1);
            final int k = 16;
            final int theta = 1 + r.nextInt(20);
            final int v0 = r.nextInt(theta);
            final long[] bias = new long[k];
            final int[] x = new int[k];
            for (int i = 0; i < k; i++)
            {
                bias[i] = r.nextInt(-10, 10);
                x[i] = r.nextInt(-50, 120);
            }
            final IntNetwork net = identity(t, d, k, theta, v0, bias);
            final Schedule schedule = Schedule.canonical(net);
            final SpikeTrains[] tr = new SpikeTrains[1];
            new FunctionalSpiking(net, schedule).run(x, tr);
            for (int i = 0; i < k; i++)
            {
                final io.csdsim.models.neuron.DifReference unit = new io.csdsim.models.neuron.DifReference(
                    new io.csdsim.models.neuron.DifReference.Parameters(theta, v0, bias[i], schedule.windowStart(1), t), net.membraneBits);
                final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList fired = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
                for (int tick = 0; tick < tr[0].ticks(); tick++)
                {
                    // The input stage injects its current once, in the tick after its own window opens.
                    if (unit.step(tick == schedule.windowStart(0) + 1 ? x[i] : 0))
                    {
                        fired.add(tick);
                    }
                }
                assertArrayEquals(ticksOf(tr[0], i), fired.toArray(), "trial " + trial + ", neuron " + i);
                spikes += fired.size();
            }
        }
        assertTrue(spikes > 500, "the units must fire: " + spikes);
    }
}
