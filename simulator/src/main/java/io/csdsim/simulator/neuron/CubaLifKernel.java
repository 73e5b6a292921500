package io.csdsim.simulator.neuron;

import io.csdsim.models.neuron.CubaLifReference;

/**
 * Loihi's current-based LIF in fixed point (docs/neuron-models.md): {@code u = sat(decay(u, du) +
 * input)}; outside a refractory period {@code v = sat(decay(v, dv) + u + bias)}, a spike on v > θ
 * resets v to 0 and starts r refractory ticks, during which v stays 0 and u keeps integrating.
 * Decays round toward zero as Lava's bit-accurate model does. Every unit is stepped every tick: it leaks.
 */
final class CubaLifKernel extends EveryTickKernel
{
    private final long[] u;
    private final long[] v;
    /** Refractory ticks still to come, per unit. */
    private final int[] quiet;
    private final CubaLifReference.Parameters p;

    CubaLifKernel(final int units, final CubaLifReference.Parameters p, final int membraneBits)
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
            final long su = CubaLifReference.decay(u[i], du) + in;
            u[i] = clamp(su);
            sat += u[i] != su ? 1 : 0;
            if (quiet[i] > 0)
            {
                quiet[i]--;
                v[i] = 0;
                continue;
            }
            final long sv = CubaLifReference.decay(v[i], dv) + u[i] + bias;
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
