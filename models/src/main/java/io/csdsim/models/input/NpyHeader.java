package io.csdsim.models.input;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy .npy file (format versions 1 to 3): its dtype, its shape (C order only) and
 * where its data starts; every defect one line naming the file and the offset or field.
 *
 * @param elements the product of the sizes, saturating (a shape cannot wrap into agreement with the data)
 */
record NpyHeader(String descr, int[] dims, long elements, int dataStart)
{
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** @return whether the dtype is one byte per element, unsigned. */
    boolean isUint8()
    {
        return descr.equals("|u1") || descr.equals("u1") || descr.equals("<u1");
    }

    /** @return whether the dtype is NumPy's one-byte bool. */
    boolean isBool()
    {
        return descr.equals("|b1") || descr.equals("b1");
    }

    /** @return the header of a whole .npy file held in memory; {@code src} names it in messages. */
    static NpyHeader parse(final String src, final byte[] raw)
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
        return new NpyHeader(descr, java.util.Arrays.stream(sizes).mapToInt(x -> (int)x).toArray(), elements, headerStart + headerLen);
    }
}
