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
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

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
        if (raw.length < 10 || (raw[0] & 0xFF) != 0x93 || !new String(raw, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY"))
        {
            throw new InvalidInputException(src, "offset 0", "not a .npy file: expected the magic \\x93NUMPY");
        }
        final int major = raw[6];
        final ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        final int headerLen;
        final int headerStart;
        if (major == 1)
        {
            headerLen = b.getShort(8) & 0xFFFF;
            headerStart = 10;
        }
        else if (major == 2 || major == 3)
        {
            if (raw.length < 12)
            {
                throw new InvalidInputException(src, "offset 8", "truncated header length");
            }
            headerLen = b.getInt(8);
            headerStart = 12;
        }
        else
        {
            throw new InvalidInputException(src, "offset 6", "format version " + major + "; expected 1, 2 or 3");
        }
        if (headerLen < 0 || (long)headerStart + headerLen > raw.length)
        {
            throw new InvalidInputException(src, "offset " + headerStart, "truncated header");
        }
        final String header = new String(raw, headerStart, headerLen, StandardCharsets.ISO_8859_1);
        final Matcher d = DESCR.matcher(header);
        final Matcher f = FORTRAN.matcher(header);
        final Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find())
        {
            throw new InvalidInputException(src, "header", "expected a dict with 'descr', 'fortran_order' and 'shape'");
        }
        final String descr = d.group(1);
        final boolean u8 = descr.equals("|u1") || descr.equals("u1") || descr.equals("<u1");
        final boolean f32 = descr.equals("<f4");
        if (!u8 && !f32)
        {
            throw new InvalidInputException(src, "header.descr", "'" + descr + "'; expected '|u1' (uint8) or '<f4' (float32)");
        }
        if (f.group(1).equals("True"))
        {
            throw new InvalidInputException(src, "header.fortran_order", "True; expected C order");
        }
        final String[] parts = s.group(1).split(",");
        final long[] sizes;
        try
        {
            sizes = java.util.Arrays.stream(parts).map(String::trim).filter(x -> !x.isEmpty()).mapToLong(x -> Long.parseLong(x.endsWith("L")
                ? x.substring(0, x.length() - 1) : x)).toArray();
        }
        catch (final NumberFormatException e)
        {
            throw new InvalidInputException(src, "header.shape", "(" + s.group(1) + "); expected a tuple of sizes");
        }
        for (final long z : sizes)
        {
            if (z < 0 || z > Integer.MAX_VALUE)
            {
                throw new InvalidInputException(src, "header.shape", java.util.Arrays.toString(sizes) + ": a size outside 0.." + Integer.MAX_VALUE);
            }
        }
        // Saturating: a product of sizes cannot wrap into agreement with the data the file holds.
        final long elements = InputLimits.saturatingProduct(sizes);
        final int[] dims = java.util.Arrays.stream(sizes).mapToInt(x -> (int)x).toArray();
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
        final int dataStart = headerStart + headerLen;
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
