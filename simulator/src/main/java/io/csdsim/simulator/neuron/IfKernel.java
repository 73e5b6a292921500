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

    IfKernel(final int units, final IfReference.Parameters p, final int membraneBits)
    {
        super(membraneBits);
        this.p = p;
        v = new long[units];
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
        final boolean strict = p.compare() == IfReference.Compare.GT;
        final IfReference.Reset reset = p.reset();
        final long resetValue = p.resetValue();
        final boolean nonzero = p.active() == IfReference.Active.NONZERO;
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
            long x = clamp(s);
            sat += x != s ? 1 : 0;
            if (x < floor)
            {
                x = floor;
            }
            if (strict ? x > theta : x >= theta)
            {
                x = reset == IfReference.Reset.SOFT ? x - theta : reset == IfReference.Reset.HARD ? resetValue : x;
                activity.fired(i);
            }
            v[i] = x;
        }
        return sat;
    }
}
