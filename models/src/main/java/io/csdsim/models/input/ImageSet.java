package io.csdsim.models.input;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;

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

    /** Refuses images past the documented sizes, or whose pixels would not fit the heap, before allocating them. */
    static void checkSize(final String src, final String field, final int n, final int h, final int w, final int c)
    {
        if (c != 1 && c != 3)
        {
            throw new InvalidInputException(src, field, c + " channels; expected 1 or 3");
        }
        if (h < 1 || w < 1 || h > InputLimits.MAX_FILE_IMAGE_SIDE || w > InputLimits.MAX_FILE_IMAGE_SIDE)
        {
            throw new InvalidInputException(src, field, String.format(java.util.Locale.ROOT, "images of %,d×%,d; expected height and width in "
                + "1..%,d (docs/reliability.md)", h, w, InputLimits.MAX_FILE_IMAGE_SIDE));
        }
        if (n > InputLimits.MAX_SAMPLES)
        {
            throw new InvalidInputException(src, field, String.format(java.util.Locale.ROOT, "%,d images; expected at most %,d "
                + "(docs/reliability.md)", n, InputLimits.MAX_SAMPLES));
        }
        InputLimits.requireHeap(src, String.format(java.util.Locale.ROOT, "%,d image(s) of %d×%d×%d", n, h, w, c), n * (16L + 4L * h * w * c));
    }
}
