package io.csdsim.simulator.neuron;

import io.csdsim.isa.program.NeuronParameters;

/**
 * Loihi's current-based LIF in fixed point (docs/neuron-models.md): {@code u = sat(decay(u, du) +
 * input)}; outside a refractory period {@code v = sat(decay(v, dv) + u + bias)}, a spike on v > θ
 * resets v to 0 and starts r refractory ticks, during which v stays 0 and u keeps integrating.
 * Decays round toward zero as Lava's bit-accurate model does. Every unit is stepped every tick: it leaks.
 */
final class CubaLifKernel extends EveryTickKernel
{
    /** The model's name in programs. */
    static final String NAME = "cuba-lif";
    /** One in 12-bit fixed point: a decay d keeps (4096 − d)/4096 of the state. */
    private static final int DECAY_UNITY = 4096;

    record Parameters(int du, int dv, long theta, long bias, int refractory, long u0, long v0)
    {
    }

    /** @return the parameters named: du, dv (required, 0..4096), theta (required), bias, refractory, u0, v0. */
    static Parameters parameters(final NeuronParameters n)
    {
        return new Parameters((int)n.required("du", 0, DECAY_UNITY), (int)n.required("dv", 0, DECAY_UNITY),
            n.required("theta", 1, Long.MAX_VALUE >> 2), n.integer("bias", 0), (int)n.integer("refractory", 0, 0, 1 << 16), n.integer("u0", 0),
            n.integer("v0", 0));
    }

    /** @return x decayed by d/4096, rounded toward zero as Lava's sign(y) · (|y| >> 12) (an arithmetic shift would round toward −∞). */
    private static long decay(final long x, final int d)
    {
        final long y = x * (DECAY_UNITY - d);
        return y >= 0 ? y >> 12 : -((-y) >> 12);
    }

    private final long[] u;
    private final long[] v;
    /** Refractory ticks still to come, per unit. */
    private final int[] quiet;
    private final Parameters p;

    CubaLifKernel(final int units, final Parameters p, final int membraneBits)
    {
        super(membraneBits);
        this.p = p;
        u = new long[units];
        v = new long[units];
        quiet = new int[units];
        java.util.Arrays.fill(u, clamp(p.u0()));
        java.util.Arrays.fill(v, clamp(p.v0()));
    }

    @Override
    public long step(final int t, final long[] input, final int lo, final int hi, final boolean integrate, final boolean fire,
        final UnitActivity activity)
    {
        final int du = p.du();
        final int dv = p.dv();
        final long bias = p.bias();
        final long theta = p.theta();
        final int refractory = p.refractory();
        long sat = 0;
        for (int i = lo; i < hi; i++)
        {
            final long in = take(input, i, activity);
            final long su = decay(u[i], du) + in;
            u[i] = clamp(su);
            sat += u[i] != su ? 1 : 0;
            if (quiet[i] > 0)
            {
                quiet[i]--;
                v[i] = 0;
                continue;
            }
            final long sv = decay(v[i], dv) + u[i] + bias;
            final long x = clamp(sv);
            sat += x != sv ? 1 : 0;
            if (x > theta)
            {
                v[i] = 0;
                quiet[i] = refractory;
                activity.fired(i);
            }
            else
            {
                v[i] = x;
            }
        }
        return sat;
    }
}
