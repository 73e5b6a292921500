package io.csdsim.models.csdformer;

import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;

import java.util.SplittableRandom;

/**
 * Small CSDformers with random shape, weights and calibrated thresholds, quantized: the graphs that
 * property tests map, run and compare across modules (one or two blocks, 8–32 features, one or two
 * heads, 4–8 pixel images with one or three channels, CIFAR or ImageNet pooling).
 */
public final class RandomNetworks
{
    private RandomNetworks()
    {
    }

    /** @return a random small CSDformer with time window T and delay D, drawn from r. */
    public static IntNetwork draw(final SplittableRandom r, final int timeWindow, final int delay)
    {
        final int heads = 1 + r.nextInt(2);
        final CsdformerConfig c = CsdformerConfig.custom(1 + r.nextInt(2), 8 * (1 + r.nextInt(2)) * heads, heads, 4 + r.nextInt(5),
            1 + 2 * r.nextInt(2), 3, r.nextBoolean(), timeWindow, delay);
        final ModelGraph g = CsdformerGraphBuilder.build(c, "random");
        final long seed = r.nextLong();
        SyntheticWeights.fill(g, seed);
        ThresholdCalibrator.calibrate(g, SyntheticImages.generate(g.input, 1, seed), 0.2, null);
        return IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
    }
}
