package io.csdsim.simulator.neuron;

/**
 * Delayed integrate-and-fire (DESIGN §3.2): v integrates every tick it has input and saturates; in
 * its window [f, f + T − 1] a unit fires when v ≥ θ and v −= θ. Idle units outside the window need
 * no step: nothing changes them.
 */
final class DifKernel extends NeuronKernel
{
    /** The model's name in programs (a NEURONS population of DIF units; a DIF population is one by kind). */
    static final String NAME = "dif";

    /** @return DIF units from named parameters: theta (required), v0, bias, windowStart, T. */
    static DifKernel create(final int units, final io.csdsim.isa.program.NeuronParameters n, final int membraneBits)
    {
        final long theta = n.required("theta", 1, Integer.MAX_VALUE);
        final long v0 = n.integer("v0", 0);
        final long bias = n.integer("bias", 0);
        final int windowStart = (int)n.integer("windowStart", 0, 0, 1 << 16);
        final int timeWindow = (int)n.required("T", 1, 64);
        return new DifKernel(units, 1, theta, v0, new long[] {bias}, windowStart, timeWindow, membraneBits);
    }

    private final long[] v;
    private final long theta;
    private final int windowStart;
    private final int windowEnd;

    /** @param bias per channel (the last dimension), added to v0 at the start; may be null. */
    DifKernel(final int units, final int channels, final long theta, final long v0, final long[] bias, final int windowStart,
        final int timeWindow, final int membraneBits)
    {
        super(membraneBits);
        this.theta = theta;
        this.windowStart = windowStart;
        this.windowEnd = windowStart + timeWindow;
        v = new long[units];
        for (int i = 0; i < units; i++)
        {
            v[i] = clamp(v0 + (bias == null ? 0 : bias[i % channels]));
        }
    }

    @Override
    public boolean stepsEveryTick()
    {
        return false;
    }

    @Override
    public boolean mayFire(final int t)
    {
        return t >= windowStart && t < windowEnd;
    }

    @Override
    public long step(final int t, final long[] input, final int lo, final int hi, final boolean integrate, final boolean fire,
        final UnitActivity activity)
    {
        final long[] v = this.v;
        long sat = 0;
        if (integrate)
        {
            for (int i = lo; i < hi; i++)
            {
                if (input[i] != 0)
                {
                    final long s = v[i] + input[i];
                    final long clamped = clamp(s);
                    sat += clamped != s ? 1 : 0;
                    v[i] = clamped;
                    input[i] = 0;
                    activity.received(i);
                }
            }
        }
        if (fire)
        {
            final long theta = this.theta;
            for (int i = lo; i < hi; i++)
            {
                if (v[i] >= theta)
                {
                    v[i] -= theta;
                    activity.fired(i);
                }
            }
        }
        return sat;
    }
}
