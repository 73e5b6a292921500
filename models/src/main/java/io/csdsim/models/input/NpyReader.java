package io.csdsim.models.input;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy .npy arrays (format versions 1 to 3), C order, of uint8 pixels or float32 values in [0, 1]
 * (scaled to round(255·x)); shapes [h, w], [h, w, c], [n, h, w] or [n, h, w, c] (a 3-D array is read
 * as [n, h, w] unless its last size is 1 or 3).
 */
public final class NpyReader
{
    private NpyReader()
    {
    }

    public static ImageSet read(final Path path)
    {
        final String src = path.toString();
        final byte[] raw;
        try
        {
            raw = Files.readAllBytes(path);
        }
        catch (final NoSuchFileException e)
        {
            throw new InvalidInputException(src, "", "file not found");
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
        return parse(src, raw);
    }

    /** Parses a whole .npy image held in memory; {@code src} names it in messages. */
    public static ImageSet parse(final String src, final byte[] raw)
    {
        final NpyHeader hd = NpyHeader.parse(src, raw);
        final String descr = hd.descr();
        final boolean u8 = hd.isUint8();
        final boolean f32 = descr.equals("<f4");
        if (!u8 && !f32)
        {
            throw new InvalidInputException(src, "header.descr", "'" + descr + "'; expected '|u1' (uint8) or '<f4' (float32)");
        }
        final int[] dims = hd.dims();
        final long elements = hd.elements();
        final ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        final int n;
        final int h;
        final int w;
        final int c;
        switch (dims.length)
        {
            case 2 -> { n = 1; h = dims[0]; w = dims[1]; c = 1; }
            case 3 -> {
                if (dims[2] == 1 || dims[2] == 3)
                {
                    n = 1; h = dims[0]; w = dims[1]; c = dims[2];
                }
                else
                {
                    n = dims[0]; h = dims[1]; w = dims[2]; c = 1;
                }
            }
            case 4 -> { n = dims[0]; h = dims[1]; w = dims[2]; c = dims[3]; }
            default -> throw new InvalidInputException(src, "header.shape", java.util.Arrays.toString(dims)
                + "; expected [h, w], [h, w, c], [n, h, w] or [n, h, w, c]");
        }
        final int dataStart = hd.dataStart();
        final long need = elements > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : elements * (u8 ? 1 : 4);
        if (raw.length - dataStart != need)
        {
            throw new InvalidInputException(src, "offset " + dataStart, (raw.length - dataStart) + " data bytes; shape "
                + java.util.Arrays.toString(dims) + " of " + descr + " needs " + InputLimits.countText(need));
        }
        final int size = h * w * c;
        ImageSet.checkSize(src, "header.shape", n, h, w, c);
        final int[][] px = new int[n][size];
        for (int i = 0; i < n; i++)
        {
            for (int e = 0; e < size; e++)
            {
                final int k = i * size + e;
                if (u8)
                {
                    px[i][e] = raw[dataStart + k] & 0xFF;
                }
                else
                {
                    final float v = b.getFloat(dataStart + 4 * k);
                    if (!(v >= 0f && v <= 1f))
                    {
                        throw new InvalidInputException(src, "offset " + (dataStart + 4 * k), "float32 value " + v + "; expected pixels in [0, 1]");
                    }
                    px[i][e] = Math.round(v * 255f);
                }
            }
        }
        return new ImageSet(h, w, c, px, null, src);
    }
}
