package io.csdsim.models.input;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * IDX files as MNIST ships them: big-endian magic 0x0000TTNN (type 0x08 unsigned byte, N dimensions),
 * N big-endian sizes, then the data; gzip-compressed files are recognised by their magic.
 */
public final class IdxReader
{
    /** Largest IDX content a gzip file may inflate to (1 GB; MNIST's 60,000 images are 47 MB). */
    public static final long MAX_INFLATED_BYTES = 1L << 30;

    private IdxReader()
    {
    }

    /** Reads images: [n, h, w] (one channel) or [n, h, w, c]. */
    public static ImageSet readImages(final Path path)
    {
        return images(path.toString(), read(path));
    }

    /** Parses images from a whole IDX file (gzip-compressed or not) held in memory. */
    public static ImageSet images(final String src, final byte[] file)
    {
        final Parsed p = parse(src, file);
        if (p.dims.length != 3 && p.dims.length != 4)
        {
            throw new InvalidInputException(src, "offset 3", p.dims.length + " dimensions; expected images [n, h, w] or [n, h, w, c]");
        }
        final int n = p.dims[0];
        final int h = p.dims[1];
        final int w = p.dims[2];
        final int c = p.dims.length == 4 ? p.dims[3] : 1;
        final int size = h * w * c;
        ImageSet.checkSize(src, "offset 4", n, h, w, c);
        final int[][] px = new int[n][size];
        for (int i = 0; i < n; i++)
        {
            for (int e = 0; e < size; e++)
            {
                px[i][e] = p.data[p.offset + i * size + e] & 0xFF;
            }
        }
        return new ImageSet(h, w, c, px, null, src);
    }

    /** Reads labels: [n]. */
    public static int[] readLabels(final Path path)
    {
        return labels(path.toString(), read(path));
    }

    /** Parses labels from a whole IDX file held in memory. */
    public static int[] labels(final String src, final byte[] file)
    {
        final Parsed p = parse(src, file);
        if (p.dims.length != 1)
        {
            throw new InvalidInputException(src, "offset 3", p.dims.length + " dimensions; expected labels [n]");
        }
        final int[] out = new int[p.dims[0]];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = p.data[p.offset + i] & 0xFF;
        }
        return out;
    }

    private record Parsed(int[] dims, byte[] data, int offset)
    {
    }

    private static byte[] read(final Path path)
    {
        final String src = path.toString();
        try
        {
            return Files.readAllBytes(path);
        }
        catch (final NoSuchFileException e)
        {
            throw new InvalidInputException(src, "", "file not found");
        }
        catch (final IOException | OutOfMemoryError e)
        {
            throw new InvalidInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Parsed parse(final String src, final byte[] file)
    {
        byte[] raw = file;
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B)
        {
            raw = gunzip(src, raw);
        }
        if (raw.length < 4)
        {
            throw new InvalidInputException(src, "offset 0", "truncated: expected a 4-byte IDX magic");
        }
        if (raw[0] != 0 || raw[1] != 0)
        {
            throw new InvalidInputException(src, "offset 0", "not an IDX file: magic must start with two zero bytes");
        }
        if ((raw[2] & 0xFF) != 0x08)
        {
            throw new InvalidInputException(src, "offset 2", String.format("data type 0x%02x; expected 0x08 (unsigned byte)", raw[2] & 0xFF));
        }
        final int nd = raw[3] & 0xFF;
        if (nd < 1 || raw.length < 4 + 4 * nd)
        {
            throw new InvalidInputException(src, "offset 4", "truncated or empty dimension list (" + nd + " dimensions)");
        }
        final int[] dims = new int[nd];
        final long[] sizes = new long[nd];
        for (int i = 0; i < nd; i++)
        {
            final int o = 4 + 4 * i;
            dims[i] = ((raw[o] & 0xFF) << 24) | ((raw[o + 1] & 0xFF) << 16) | ((raw[o + 2] & 0xFF) << 8) | (raw[o + 3] & 0xFF);
            if (dims[i] < 0)
            {
                throw new InvalidInputException(src, "offset " + o, "dimension " + i + " is negative");
            }
            sizes[i] = dims[i];
        }
        final int offset = 4 + 4 * nd;
        // Saturating: a product of sizes cannot wrap into agreement with the data the file holds.
        final long total = InputLimits.saturatingProduct(sizes);
        if (raw.length - offset != total)
        {
            throw new InvalidInputException(src, "offset " + offset, (raw.length - offset) + " data bytes; the dimensions "
                + java.util.Arrays.toString(dims) + " need " + InputLimits.countText(total));
        }
        return new Parsed(dims, raw, offset);
    }

    /**
     * Inflates a gzip image only as far as its IDX header says the data goes (plus one byte, to see
     * that nothing follows): a gzip bomb is cut off at the size its header claims, which is itself
     * bounded by {@link #MAX_INFLATED_BYTES}.
     */
    private static byte[] gunzip(final String src, final byte[] gz)
    {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz)))
        {
            final byte[] head = in.readNBytes(4);
            if (head.length < 4)
            {
                return head;
            }
            final int nd = head[3] & 0xFF;
            final byte[] dims = in.readNBytes(4 * nd);
            long claimed = 1;
            for (int i = 0; i + 4 <= dims.length; i += 4)
            {
                final long d = ((dims[i] & 0xFFL) << 24) | ((dims[i + 1] & 0xFFL) << 16) | ((dims[i + 2] & 0xFFL) << 8) | (dims[i + 3] & 0xFFL);
                claimed = d == 0 ? 0 : claimed > MAX_INFLATED_BYTES / d ? MAX_INFLATED_BYTES + 1 : claimed * d;
            }
            if (claimed > MAX_INFLATED_BYTES)
            {
                throw new InvalidInputException(src, "offset 4", String.format(java.util.Locale.ROOT,
                    "the dimensions claim more than %,d bytes, the limit of an IDX input (docs/reliability.md)", MAX_INFLATED_BYTES));
            }
            final byte[] data = in.readNBytes((int)claimed + 1);
            final byte[] out = new byte[head.length + dims.length + data.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(dims, 0, out, head.length, dims.length);
            System.arraycopy(data, 0, out, head.length + dims.length, data.length);
            return out;
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be read as gzip (" + e.getMessage() + ")");
        }
    }
}
