package io.csdsim.models.reference;

import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.CsdformerGraphBuilder;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.csdformer.SyntheticWeights;
import io.csdsim.models.csdformer.ThresholdCalibrator;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.Projection;
import io.csdsim.models.quant.QuantizationParams;

import java.util.List;
import java.util.SplittableRandom;

/** Networks for tests: hand-made one-layer ones and random small CSDformers. */
public final class SmallNetworks
{
    private SmallNetworks()
    {
    }

    /**
     * input [1, k] → linear with the given mantissas [k][m] → one DIF population [1, m].
     */
    public static IntNetwork oneLayer(final int t, final int d, final int k, final int m, final short[] mantissa, final int theta,
        final int v0, final long[] bias)
    {
        final InputSpec spec = new InputSpec(1, 1, k, new double[k], ones(k));
        final IntPopulation in = new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {1, 1, k});
        final Projection pr = new Projection(0, "fc", Projection.Kind.LINEAR, 0, -1, 1, 1, k, m, mantissa, m, 1.0);
        final IntPopulation dif = new IntPopulation(1, "sn", IntPopulation.Kind.DIF, new int[] {1, m});
        dif.theta = theta;
        dif.v0 = v0;
        dif.bias = bias;
        dif.inputs = new int[] {0};
        dif.inputShifts = new int[] {0};
        return new IntNetwork("one-layer", t, d, 8, 24, spec, List.of(in, dif), List.of(pr));
    }

    private static double[] ones(final int k)
    {
        final double[] a = new double[k];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    /** A random small CSDformer configuration: every op of the real model, at toy sizes. */
    public static CsdformerConfig randomConfig(final SplittableRandom r, final int t, final int d)
    {
        final int heads = 1 + r.nextInt(2);
        final int embed = 8 * (1 + r.nextInt(3)) * heads;
        final int image = 4 + r.nextInt(6);
        return CsdformerConfig.custom(1 + r.nextInt(2), embed, heads, image, r.nextBoolean() ? 1 : 3, 3 + r.nextInt(3),
            r.nextBoolean(), t, d);
    }

    /** A random small model, weights seeded, thresholds calibrated to a random rate. */
    public static ModelGraph randomModel(final SplittableRandom r, final int t, final int d)
    {
        final CsdformerConfig c = randomConfig(r, t, d);
        final ModelGraph g = CsdformerGraphBuilder.build(c, "random");
        final long seed = r.nextLong();
        SyntheticWeights.fill(g, seed);
        ThresholdCalibrator.calibrate(g, SyntheticImages.generate(g.input, 2, seed), 0.1 + 0.3 * r.nextDouble(), null);
        return g;
    }

    /**
     * Quantizes with 62-bit membranes: a random tiny model can make one writer's input worth 2^15
     * thresholds of 2^30 units, and a saturating membrane then depends on arrival order, which
     * invariant 1 does not cover (saturation is counted and reported instead).
     */
    public static IntNetwork quantize(final ModelGraph g, final int weightBits)
    {
        return IntQuantizer.quantize(g, new QuantizationParams(weightBits, 62, 8));
    }

    /** Random delays in [1, maxDelay] for every edge. */
    public static Schedule randomSchedule(final IntNetwork net, final SplittableRandom r, final int maxDelay)
    {
        final int[][] d = new int[net.populationCount()][];
        for (int id = 0; id < d.length; id++)
        {
            d[id] = new int[net.population(id).inputs.length];
            for (int k = 0; k < d[id].length; k++)
            {
                d[id][k] = 1 + r.nextInt(maxDelay);
            }
        }
        return Schedule.withDelays(net, d);
    }
}
