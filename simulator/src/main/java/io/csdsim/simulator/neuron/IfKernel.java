package io.csdsim.simulator.neuron;

import io.csdsim.models.neuron.IfReference;

/**
 * Integrate-and-fire (docs/neuron-models.md): {@code v = sat(v + input + bias)}, an optional floor,
 * a spike on v ≥ θ or v > θ, then a soft, hard or no reset. Every unit is stepped every tick: a unit
 * at or past θ after a soft reset fires again without input.
 */
final class IfKernel extends EveryTickKernel
{
    private final long[] v;
    private final IfReference.Parameters p;
    /** Scratch: the units of [lo, hi) that fired in one step, in unit order, from index lo on. */
    private final int[] fired;

    IfKernel(final int units, final IfReference.Parameters p, final int membraneBits)
    {
        super(membraneBits);
        this.p = p;
        v = new long[units];
        fired = new int[units];
        java.util.Arrays.fill(v, clamp(p.v0()));
    }

    @Override
    public long step(final int t, final long[] input, final int lo, final int hi, final boolean integrate, final boolean fire,
        final UnitActivity activity)
    {
        final long[] v = this.v;
        final long bias = p.bias();
        final long floor = p.floor();
        final long theta = p.theta();
        // v > θ is v ≥ θ + 1 for integers (θ < 2^61).
        final long fireAt = p.compare() == IfReference.Compare.GT ? theta + 1 : theta;
        final boolean soft = p.reset() == IfReference.Reset.SOFT;
        final boolean hard = p.reset() == IfReference.Reset.HARD;
        final long resetValue = p.resetValue();
        final boolean nonzero = p.active() == IfReference.Active.NONZERO;
        final int[] fired = this.fired;
        // Chunks of one population step at once on several threads: each records its fired units in its own range of the scratch.
        int nf = lo;
        long sat = 0;
        // With a bias every unit's update counts as active: counted once for the range, not unit by unit.
        final boolean allActive = nonzero && bias != 0;
        if (allActive)
        {
            activity.allActive(lo, hi);
        }
        for (int i = lo; i < hi; i++)
        {
            final long in;
            if (allActive)
            {
                in = input[i];
                input[i] = 0;
            }
            else
            {
                in = take(input, i, activity);
                if (nonzero && v[i] != 0)
                {
                    activity.updated(i);
                }
            }
            final long s = v[i] + in + bias;
            final long c = s > max ? max : Math.max(s, -max);
            sat += c != s ? 1 : 0;
            final long x = Math.max(c, floor);
            // Whether a unit fires is about as likely as not: recorded without a branch, reported after the loop.
            final int spikes = x >= fireAt ? 1 : 0;
            fired[nf] = i;
            nf += spikes;
            v[i] = spikes != 0 ? (soft ? x - theta : hard ? resetValue : x) : x;
        }
        activity.fired(fired, lo, nf);
        return sat;
    }
}
