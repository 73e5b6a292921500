package io.csdsim.models.neuron;

/**
 * The delayed integrate-and-fire neuron (DESIGN §3.2): integrates every tick, fires only in its
 * window [f, f + T − 1] when v ≥ θ, resetting by subtraction.
 */
public final class DifReference extends NeuronReference
{
    /** Named parameters of a DIF unit. */
    public record Parameters(long theta, long v0, long bias, int windowStart, int timeWindow)
    {
        public Parameters
        {
            if (theta <= 0 || timeWindow < 1 || windowStart < 0)
            {
                throw new IllegalArgumentException("dif: theta " + theta + ", T " + timeWindow + ", window start " + windowStart);
            }
        }
    }

    private final Parameters p;
    private long v;
    private int tick;

    /** @return a unit from named parameters: theta (required), v0, bias, windowStart, T. */
    public static DifReference create(final NamedParameters n, final int membraneBits)
    {
        return new DifReference(parameters(n), membraneBits);
    }

    /** @return the parameters named in n (the chip's kernels read the same names through isa's reader: NeuronParametersAgreeTest). */
    public static Parameters parameters(final NamedParameters n)
    {
        return new Parameters(n.integer("theta", 1, Integer.MAX_VALUE), n.integer("v0", 0), n.integer("bias", 0),
            (int)n.integer("windowStart", 0, 0, 1 << 16), (int)n.integer("T", 1, 64));
    }

    public DifReference(final Parameters p, final int membraneBits)
    {
        super(membraneBits);
        this.p = p;
        v = initial(p.v0() + p.bias(), (1L << (membraneBits - 1)) - 1);
    }

    /*
     * The DIF rule, once: this unit's step and the functional executor's DIF populations (which touch
     * only units with input) both apply it.
     */

    /** @return the potential a unit starts from, v0 + bias saturated to ±max (not counted: nothing has run yet, as on the chip). */
    public static long initial(final long v0PlusBias, final long max)
    {
        return Math.max(-max, Math.min(max, v0PlusBias));
    }

    /** @return whether units may fire in tick t: inside their window [f, f + T − 1]. */
    public static boolean inWindow(final int t, final int windowStart, final int timeWindow)
    {
        return t >= windowStart && t < windowStart + timeWindow;
    }

    @Override
    public boolean step(final long input)
    {
        final int t = tick++;
        v = sat(v + input);
        if (inWindow(t, p.windowStart(), p.timeWindow()) && v >= p.theta())
        {
            v -= p.theta();
            return true;
        }
        return false;
    }

    @Override
    public long membrane()
    {
        return v;
    }
}
