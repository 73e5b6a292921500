package io.csdsim.models.csdformer;

import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;
import io.csdsim.models.reference.FloatReference;

import java.util.function.IntConsumer;

/**
 * Sets every neuron's threshold, in topological order, so that its firing rate (spikes per neuron
 * per tick of the window) on calibration images equals a target — as a trained spiking transformer's
 * 5–30 % would — which makes energy figures of synthetic models mean something.
 */
public final class ThresholdCalibrator
{
    private ThresholdCalibrator()
    {
    }

    /**
     * @param images 8-bit [H, W, C] calibration images.
     * @param targetRate firing rate each population is set to, in (0, 1).
     * @param progress told the index of each node as it is done; may be null.
     * @return the rate each node reached on the calibration images (NaN for non-neurons).
     */
    public static double[] calibrate(final ModelGraph g, final int[][] images, final double targetRate, final IntConsumer progress)
    {
        final FloatReference ref = new FloatReference(g);
        final FloatReference.Run[] runs = new FloatReference.Run[images.length];
        for (int i = 0; i < images.length; i++)
        {
            runs[i] = ref.start(images[i]);
        }
        final double[] rates = new double[g.nodes().size()];
        java.util.Arrays.fill(rates, Double.NaN);
        for (int idx = 0; idx < g.nodes().size(); idx++)
        {
            final GraphNode n = g.nodes().get(idx);
            if (n.op == OpKind.NEURON)
            {
                final double[][] z = new double[runs.length][];
                for (int i = 0; i < runs.length; i++)
                {
                    z[i] = runs[i].preActivation(idx);
                }
                n.threshold = solve(z, g.timeWindow, targetRate, naturalUnit(g, n));
                rates[idx] = rate(z, n.threshold, g.timeWindow);
                for (final FloatReference.Run r : runs)
                {
                    r.activate(idx);
                }
            }
            else
            {
                for (final FloatReference.Run r : runs)
                {
                    r.evaluate(idx);
                }
            }
            if (progress != null)
            {
                progress.accept(idx);
            }
        }
        return rates;
    }

    /**
     * The input a population's threshold is measured against when calibration images never drive it
     * above zero (a tiny attention population that saw no spike): one count pair of an attention
     * product, or 1 in ANN units.
     */
    private static double naturalUnit(final ModelGraph g, final GraphNode n)
    {
        final GraphNode in = g.node(n.inputs[0]);
        if (in.op == OpKind.QK || in.op == OpKind.AV)
        {
            return in.scale * g.node(in.inputs[0]).threshold * g.node(in.inputs[1]).threshold / g.timeWindow;
        }
        return 1.0;
    }

    /** Bisection on log θ: the rate is non-increasing in θ. */
    static double solve(final double[][] z, final int t, final double target, final double naturalUnit)
    {
        double max = 0;
        for (final double[] a : z)
        {
            for (final double v : a)
            {
                max = Math.max(max, t * v);
            }
        }
        if (max <= 0)
        {
            return t * naturalUnit;
        }
        double hi = Math.log(4 * max);
        double lo = hi - Math.log(1e7);
        for (int it = 0; it < 60; it++)
        {
            final double mid = (lo + hi) / 2;
            if (rate(z, Math.exp(mid), t) > target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return Math.exp(hi);
    }

    /** Spikes per neuron per window tick of the quantizer with threshold θ (v0 = θ/2). */
    static double rate(final double[][] z, final double theta, final int t)
    {
        long spikes = 0;
        long neurons = 0;
        for (final double[] a : z)
        {
            for (final double v : a)
            {
                spikes += (long)Math.max(0, Math.min(t, Math.floor(t * v / theta + 0.5)));
            }
            neurons += a.length;
        }
        return (double)spikes / ((double)neurons * t);
    }
}
