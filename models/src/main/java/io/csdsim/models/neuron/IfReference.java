package io.csdsim.models.neuron;

/**
 * Integrate-and-fire: {@code v = sat(v + input + bias)}, an optional floor, then a spike on
 * {@code v ≥ θ} or {@code v > θ} with a soft, hard or no reset (docs/neuron-models.md).
 */
public final class IfReference extends NeuronReference
{
    /** When v has reached the threshold. */
    public enum Compare
    {
        /** v ≥ θ, as csdsim's DIF. */
        GE,
        /** v > θ, as SANA-FE's and Lava's LIF. */
        GT
    }

    /** What a spike does to v. */
    public enum Reset
    {
        /** v −= θ. */
        SOFT,
        /** v = resetValue. */
        HARD,
        /** v unchanged. */
        NONE
    }

    /** When a unit's update counts as active (for timing and energy; the dynamics do not depend on it). */
    public enum Active
    {
        /** When it received input or fired (csdsim's definition, every model). */
        INPUT,
        /** Also when its potential before the tick or its bias is not 0: SANA-FE's Loihi LIF counts such a soma as updated. */
        NONZERO
    }

    /**
     * Named parameters of an IF unit.
     *
     * @param floor the lowest v may go after integration; {@link Long#MIN_VALUE} for none.
     */
    public record Parameters(long theta, Compare compare, Reset reset, long resetValue, long bias, long floor, long v0, Active active)
    {
        public Parameters
        {
            if (theta <= 0 || compare == null || reset == null || active == null)
            {
                throw new IllegalArgumentException("if: theta " + theta + ", compare " + compare + ", reset " + reset + ", active " + active);
            }
        }
    }

    private final Parameters p;
    private long v;

    /** @return a unit from named parameters: theta (required), compare, reset, resetValue, bias, floor, v0, active. */
    public static IfReference create(final NamedParameters n, final int membraneBits)
    {
        return new IfReference(parameters(n), membraneBits);
    }

    /** @return the parameters named in n (the chip's kernels read the same names through isa's reader: NeuronParametersAgreeTest). */
    public static Parameters parameters(final NamedParameters n)
    {
        return new Parameters(n.integer("theta", 1, Long.MAX_VALUE >> 2), n.choice("compare", Compare.class, Compare.GE),
            n.choice("reset", Reset.class, Reset.SOFT), n.integer("resetValue", 0), n.integer("bias", 0), n.integer("floor", Long.MIN_VALUE),
            n.integer("v0", 0), n.choice("active", Active.class, Active.INPUT));
    }

    public IfReference(final Parameters p, final int membraneBits)
    {
        super(membraneBits);
        this.p = p;
        v = sat(p.v0());
    }

    @Override
    public boolean step(final long input)
    {
        v = sat(v + input + p.bias());
        if (v < p.floor())
        {
            v = p.floor();
        }
        final boolean fires = p.compare() == Compare.GE ? v >= p.theta() : v > p.theta();
        if (fires)
        {
            switch (p.reset())
            {
                case SOFT -> v -= p.theta();
                case HARD -> v = p.resetValue();
                case NONE -> { }
                default -> throw new IllegalStateException(p.reset().name());
            }
        }
        return fires;
    }

    @Override
    public long membrane()
    {
        return v;
    }
}
