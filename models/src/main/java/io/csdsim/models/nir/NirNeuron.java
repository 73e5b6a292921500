package io.csdsim.models.nir;

import io.csdsim.models.InvalidInputException;

import java.util.Arrays;
import java.util.Set;

/**
 * One of NIR's neuron nodes discretised with a time step dt (docs/nir.md), as doubles: what the
 * float reference steps and what the importer quantises. Every parameter must be one value for all
 * units of the node (a csdsim population shares its parameters).
 *
 * <p>Per tick, with x the node's input and a = dt/τ (b = dt/τ_syn):
 * IF: v += R·x; LIF: v += a·(v_leak − v) + a·R·x; CubaLIF: I += b·(w_in·x − I), then
 * v += a·(v_leak − v) + a·R·I; LI as LIF and I as IF without spikes; Threshold: v = x. A spike when
 * v &gt; v_threshold, then v = v_reset.
 */
final class NirNeuron
{
    static final Set<String> TYPES = Set.of("IF", "LIF", "CubaLIF", "LI", "I", "Threshold");

    final String node;
    final String type;
    final int size;
    final int[] shape;
    final boolean spikes;
    final double r;
    /** dt/τ (membrane), dt/τ_syn; 1 where the model has none. */
    final double a;
    final double b;
    final double vLeak;
    final double wIn;
    final double threshold;
    final double vReset;

    private NirNeuron(final NirGraph.Node n, final int[] shape, final double r, final double a, final double b, final double vLeak,
        final double wIn, final double threshold, final double vReset)
    {
        this.node = n.name();
        this.type = n.type();
        this.shape = shape;
        this.size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        this.spikes = !type.equals("LI") && !type.equals("I");
        this.r = r;
        this.a = a;
        this.b = b;
        this.vLeak = vLeak;
        this.wIn = wIn;
        this.threshold = threshold;
        this.vReset = vReset;
    }

    static NirNeuron of(final String src, final NirGraph.Node n, final double dt)
    {
        final String t = n.type();
        final String shapeKey = switch (t)
        {
            case "LI" -> "tau";
            case "I" -> "r";
            case "Threshold" -> "threshold";
            default -> "v_threshold";
        };
        final NirTensor shaped = n.param(shapeKey);
        if (shaped == null)
        {
            throw NirLinearOp.bad(src, n, shapeKey, "missing; a " + t + " node needs it");
        }
        final int[] shape = shaped.shape().length == 0 ? new int[] {1} : shaped.shape();
        final int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        final double r = t.equals("Threshold") ? 1 : one(src, n, "r", size, Double.NaN);
        final double a = switch (t)
        {
            case "LIF", "LI" -> rate(src, n, "tau", size, dt);
            case "CubaLIF" -> rate(src, n, "tau_mem", size, dt);
            default -> 1;
        };
        final double b = t.equals("CubaLIF") ? rate(src, n, "tau_syn", size, dt) : 1;
        final double vLeak = t.equals("LIF") || t.equals("LI") || t.equals("CubaLIF") ? one(src, n, "v_leak", size, 0) : 0;
        final double wIn = t.equals("CubaLIF") ? one(src, n, "w_in", size, 1) : 1;
        final double threshold = switch (t)
        {
            case "LI", "I" -> Double.POSITIVE_INFINITY;
            case "Threshold" -> one(src, n, "threshold", size, Double.NaN);
            default -> one(src, n, "v_threshold", size, Double.NaN);
        };
        final double vReset = t.equals("LI") || t.equals("I") || t.equals("Threshold") ? 0 : one(src, n, "v_reset", size, 0);
        return new NirNeuron(n, shape, r, a, b, vLeak, wIn, threshold, vReset);
    }

    /** @return dt/τ for a time constant given per unit, which must be one value. */
    private static double rate(final String src, final NirGraph.Node n, final String key, final int size, final double dt)
    {
        final double tau = one(src, n, key, size, Double.NaN);
        if (!(tau > 0) || dt / tau > 1)
        {
            throw NirLinearOp.bad(src, n, key, tau + " s; expected a time constant >= dt (" + dt + " s): forward Euler needs dt/τ <= 1");
        }
        return dt / tau;
    }

    /** @return a per-unit parameter that is one value for all units (absent: the default, NaN when required). */
    private static double one(final String src, final NirGraph.Node n, final String key, final int size, final double absent)
    {
        final NirTensor t = n.param(key);
        if (t == null || t.text() != null)
        {
            if (Double.isNaN(absent))
            {
                throw NirLinearOp.bad(src, n, key, "missing; a " + n.type() + " node needs it");
            }
            return absent;
        }
        if (t.size() != 1 && t.size() != size)
        {
            throw NirLinearOp.bad(src, n, key, t.size() + " values; expected 1 or " + size);
        }
        if (!t.uniform())
        {
            throw new InvalidInputException(src, "node '" + n.name() + "' (" + n.type() + ")." + key, "values that differ between units ("
                + t.values()[0] + ", …); csdsim's populations share their parameters");
        }
        if (!Double.isFinite(t.values()[0]))
        {
            throw NirLinearOp.bad(src, n, key, t.values()[0] + "; expected a finite number");
        }
        return t.values()[0];
    }

    /** The float state of all units of the node. */
    final class State
    {
        final double[] v = new double[size];
        final double[] i = new double[size];

        /** Steps every unit with this tick's input; @return the units that fired (their indices). */
        int[] step(final double[] x)
        {
            int n = 0;
            final int[] fired = new int[size];
            for (int k = 0; k < size; k++)
            {
                switch (type)
                {
                    case "IF", "I" -> v[k] += r * x[k];
                    case "LIF", "LI" -> v[k] += a * (vLeak - v[k]) + a * r * x[k];
                    case "CubaLIF" -> {
                        i[k] += b * (wIn * x[k] - i[k]);
                        v[k] += a * (vLeak - v[k]) + a * r * i[k];
                    }
                    default -> v[k] = x[k];
                }
                if (spikes && v[k] > threshold)
                {
                    fired[n++] = k;
                    v[k] = vReset;
                }
            }
            return Arrays.copyOf(fired, n);
        }
    }
}
