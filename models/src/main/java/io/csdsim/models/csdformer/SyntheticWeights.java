package io.csdsim.models.csdformer;

import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;

import java.util.SplittableRandom;

/**
 * Seeded synthetic weights for a graph: BN-folded weights drawn N(0, 1/fan-in) and biases N(0, 0.05²),
 * each tensor from its own stream derived from the seed and the tensor's name, so that one seed gives
 * the same model whatever the order tensors are made in.
 */
public final class SyntheticWeights
{
    private SyntheticWeights()
    {
    }

    public static void fill(final ModelGraph g, final long seed)
    {
        for (final GraphNode n : g.nodes())
        {
            if (n.weight == null)
            {
                continue;
            }
            final int[] shape = CsdformerGraphBuilder.expectedWeightShape(g, n);
            int numel = 1;
            for (final int d : shape)
            {
                numel *= d;
            }
            final int fanIn = numel / shape[0];
            final SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n.weight.hashCode());
            final float[] w = new float[numel];
            final double std = 1.0 / Math.sqrt(fanIn);
            for (int i = 0; i < numel; i++)
            {
                w[i] = (float)(gaussian(r) * std);
            }
            g.putWeight(n.weight, shape, w);
            if (n.bias != null)
            {
                final int len = CsdformerGraphBuilder.expectedBiasLength(n);
                final float[] b = new float[len];
                final SplittableRandom rb = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n.bias.hashCode());
                for (int i = 0; i < len; i++)
                {
                    b[i] = (float)(gaussian(rb) * 0.05);
                }
                g.putWeight(n.bias, new int[] {len}, b);
            }
        }
    }

    /** Box–Muller, so the stream depends on nothing but the seed. */
    static double gaussian(final SplittableRandom r)
    {
        final double u1 = 1.0 - r.nextDouble();
        final double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
