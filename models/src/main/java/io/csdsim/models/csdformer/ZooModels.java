package io.csdsim.models.csdformer;

import io.csdsim.models.graph.ModelGraph;

import java.util.function.IntConsumer;

/**
 * Makes a zoo model: the graph of a configuration with seeded synthetic weights and thresholds
 * calibrated on seeded synthetic images to a target firing rate.
 */
public final class ZooModels
{
    /** Firing rate the calibration aims at, the middle of the default 5–30 % band. */
    public static final double DEFAULT_TARGET_RATE = 0.15;

    private ZooModels()
    {
    }

    public static String defaultName(final CsdformerConfig c)
    {
        return "csdformer-" + c.archName() + "-" + c.dataset();
    }

    public static ModelGraph create(final CsdformerConfig c, final long seed, final double targetRate, final int calibrationImages,
        final IntConsumer progress)
    {
        final ModelGraph g = CsdformerGraphBuilder.build(c, defaultName(c));
        SyntheticWeights.fill(g, seed);
        final int[][] images = SyntheticImages.generate(g.input, calibrationImages, seed ^ 0x5EEDL);
        ThresholdCalibrator.calibrate(g, images, targetRate, progress);
        return g;
    }
}
