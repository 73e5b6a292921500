package io.csdsim.models.neuron;

/**
 * Loihi's current-based leaky integrate-and-fire in fixed point: a current u and a voltage v with
 * 12-bit decays rounded toward zero as Lava's bit-accurate model rounds them, a threshold, reset to
 * 0 and a refractory period (docs/neuron-models.md).
 */
public final class CubaLifReference extends NeuronReference
{
    /** One in 12-bit fixed point: a decay d keeps (4096 − d)/4096 of the state. */
    public static final int DECAY_UNITY = 4096;

    /** Named parameters of a CUBA-LIF unit. */
    public record Parameters(int du, int dv, long theta, long bias, int refractory, long u0, long v0)
    {
        public Parameters
        {
            if (du < 0 || du > DECAY_UNITY || dv < 0 || dv > DECAY_UNITY || theta <= 0 || refractory < 0)
            {
                throw new IllegalArgumentException("cuba-lif: du " + du + ", dv " + dv + ", theta " + theta + ", refractory " + refractory);
            }
        }
    }

    private final Parameters p;
    private long u;
    private long v;
    /** Refractory ticks still to come. */
    private int quiet;

    /** @return a unit from named parameters: du, dv (required, 0..4096), theta (required), bias, refractory, u0, v0. */
    public static CubaLifReference create(final NamedParameters n, final int membraneBits)
    {
        return new CubaLifReference(parameters(n), membraneBits);
    }

    /** @return the parameters named in n (the chip's kernels read the same names through isa's reader: NeuronParametersAgreeTest). */
    public static Parameters parameters(final NamedParameters n)
    {
        return new Parameters((int)n.integer("du", 0, DECAY_UNITY), (int)n.integer("dv", 0, DECAY_UNITY),
            n.integer("theta", 1, Long.MAX_VALUE >> 2), n.integer("bias", 0), (int)n.integer("refractory", 0, 0, 1 << 16), n.integer("u0", 0),
            n.integer("v0", 0));
    }

    public CubaLifReference(final Parameters p, final int membraneBits)
    {
        super(membraneBits);
        this.p = p;
        u = sat(p.u0());
        v = sat(p.v0());
    }

    /** @return x · (4096 − d) / 4096, rounded toward zero. */
    public static long decay(final long x, final int d)
    {
        final long y = x * (DECAY_UNITY - d);
        // Toward zero, as Lava's sign(y) · (|y| >> 12); an arithmetic shift of a negative y would round toward −∞.
        return y >= 0 ? y >> 12 : -((-y) >> 12);
    }

    @Override
    public boolean step(final long input)
    {
        u = sat(decay(u, p.du()) + input);
        if (quiet > 0)
        {
            quiet--;
            v = 0;
            return false;
        }
        v = sat(decay(v, p.dv()) + u + p.bias());
        if (v > p.theta())
        {
            v = 0;
            quiet = p.refractory();
            return true;
        }
        return false;
    }

    /** @return the current u after the last step. */
    public long current()
    {
        return u;
    }

    @Override
    public long membrane()
    {
        return v;
    }
}
