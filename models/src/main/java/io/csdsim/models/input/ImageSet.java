package io.csdsim.models.input;

/**
 * Images as 8-bit pixels laid out [H, W, C], one int array each, with optional labels.
 *
 * @param pixels one array per image.
 * @param labels one class per image, or null.
 * @param source where the images came from, for messages and reports.
 */
public record ImageSet(int height, int width, int channels, int[][] pixels, int[] labels, String source)
{
    public int count()
    {
        return pixels.length;
    }

    /** @return the first {@code n} images. */
    public ImageSet limit(final int n)
    {
        if (n >= pixels.length)
        {
            return this;
        }
        return new ImageSet(height, width, channels, java.util.Arrays.copyOf(pixels, n),
            labels == null ? null : java.util.Arrays.copyOf(labels, n), source);
    }

    public ImageSet withLabels(final int[] newLabels)
    {
        return new ImageSet(height, width, channels, pixels, newLabels, source);
    }
}
