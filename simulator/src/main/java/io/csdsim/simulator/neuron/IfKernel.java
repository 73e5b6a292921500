package io.csdsim.simulator.neuron;

import io.csdsim.isa.program.NeuronParameters;

/**
 * Integrate-and-fire (docs/neuron-models.md): {@code v = sat(v + input + bias)}, an optional floor,
 * a spike on v ≥ θ or v > θ, then a soft, hard or no reset. Every unit is stepped every tick: a unit
 * at or past θ after a soft reset fires again without input.
 */
final class IfKernel extends EveryTickKernel
{
    /** The model's name in programs. */
    static final String NAME = "if";

    /** When v has reached the threshold: v ≥ θ (csdsim's DIF) or v > θ (SANA-FE's and Lava's LIF). */
    enum Compare
    {
        GE,
        GT
    }

    /** What a spike does to v: v −= θ, v = resetValue, or nothing. */
    enum Reset
    {
        SOFT,
        HARD,
        NONE
    }

    /** When a unit's update counts as active: on input or a spike (csdsim), or also on a non-zero potential or bias (SANA-FE's Loihi LIF). */
    enum Active
    {
        INPUT,
        NONZERO
    }

    /** @param floor the lowest v may go after integration; {@link Long#MIN_VALUE} for none */
    record Parameters(long theta, Compare compare, Reset reset, long resetValue, long bias, long floor, long v0, Active active)
    {
    }

    private final long[] v;
    private final Parameters p;

    /** @return the parameters named: theta (required), compare, reset, resetValue, bias, floor, v0, active. */
    static Parameters parameters(final NeuronParameters n)
    {
        return new Parameters(n.required("theta", 1, Long.MAX_VALUE >> 2), n.choice("compare", Compare.class, Compare.GE),
            n.choice("reset", Reset.class, Reset.SOFT), n.integer("resetValue", 0), n.integer("bias", 0), n.integer("floor", Long.MIN_VALUE),
            n.integer("v0", 0), n.choice("active", Active.class, Active.INPUT));
    }

    IfKernel(final int units, final Parameters p, final int membraneBits)
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
        final boolean strict = p.compare() == Compare.GT;
        final Reset reset = p.reset();
        final long resetValue = p.resetValue();
        final boolean nonzero = p.active() == Active.NONZERO;
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
                x = reset == Reset.SOFT ? x - theta : reset == Reset.HARD ? resetValue : x;
                activity.fired(i);
            }
            v[i] = x;
        }
        return sat;
    }
}
