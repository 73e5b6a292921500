package io.csdsim.models.graph;

/**
 * What the model expects of an image: height, width, channels, and the per-channel normalisation
 * x = (p / 255 − mean) / std applied to 8-bit pixels p.
 */
public record InputSpec(int height, int width, int channels, double[] mean, double[] std)
{
    public int size()
    {
        return height * width * channels;
    }

    /**
     * The integer zero point of channel c: the 8-bit pixel value that normalises to 0. The integer
     * input stage feeds (p − zeroPoint) to conv0, so zero padding means the same in both domains.
     */
    public int zeroPoint(final int c)
    {
        return (int)Math.round(255.0 * mean[c]);
    }
}
