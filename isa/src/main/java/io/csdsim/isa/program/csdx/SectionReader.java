package io.csdsim.isa.program.csdx;

import io.csdsim.isa.ChipInputException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Bounds-checked reading of one section's payload, naming the section and the offset on error. */
final class SectionReader
{
    final String src;
    private final String tag;
    private final ByteBuffer b;
    private final int end;
    private final long fileOffset;
    private int at;

    SectionReader(final String src, final String tag, final ByteBuffer b, final int start, final int len, final long fileOffset)
    {
        this.src = src;
        this.tag = tag;
        this.b = b;
        this.end = start + len;
        this.at = start;
        this.fileOffset = fileOffset;
    }

    private void need(final int n)
    {
        // Compared as a difference: at + n overflows an int for lengths near 2^31.
        if (n < 0 || n > end - at)
        {
            throw new ChipInputException(src, "section " + tag + ", offset " + (fileOffset + at), "truncated entry: needs " + n + " bytes, "
                + (end - at) + " left in the section");
        }
    }

    int remaining()
    {
        return end - at;
    }

    /** Like {@link #expect}, naming a field by its offset from the section's start. */
    void expectAt(final int offset, final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new ChipInputException(src, "section " + tag + ", offset " + (fileOffset + offset), what);
        }
    }

    void expect(final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new ChipInputException(src, "section " + tag + ", offset " + (fileOffset + at), what);
        }
    }

    int i32()
    {
        need(4);
        final int v = b.getInt(at);
        at += 4;
        return v;
    }

    /** @return the next byte, unsigned, without consuming it. */
    int peekByte()
    {
        need(1);
        return b.get(at) & 0xFF;
    }

    /** Consumes one byte and answers {@code kind}. */
    <E> E skipByte(final E kind)
    {
        need(1);
        at++;
        return kind;
    }

    int count()
    {
        final int n = i32();
        expect(n >= 0 && n <= remaining(), "count " + n + " is negative or overruns the section");
        return n;
    }

    long i64()
    {
        need(8);
        final long v = b.getLong(at);
        at += 8;
        return v;
    }

    double f64()
    {
        need(8);
        final double v = b.getDouble(at);
        at += 8;
        return v;
    }

    <E extends Enum<E>> E kind(final FileCodes<E> codes)
    {
        need(1);
        final int k = b.get(at) & 0xFF;
        final E e = codes.byCode(k);
        if (e == null)
        {
            expect(false, "kind " + k + " is not one of " + codes.list());
        }
        at++;
        return e;
    }

    String str()
    {
        final int n = i32();
        need(n);
        final byte[] s = new byte[n];
        b.get(at, s);
        at += n;
        return new String(s, StandardCharsets.UTF_8);
    }

    int[] ints()
    {
        final int n = i32();
        expect(n >= 0 && n <= remaining() / 4, "length " + n + " is negative or overruns the section");
        need(4 * n);
        final int[] v = new int[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = b.getInt(at + 4 * i);
        }
        at += 4 * n;
        return v;
    }

    short[] shorts()
    {
        final int n = i32();
        expect(n >= 0 && n <= remaining() / 2, "length " + n + " is negative or overruns the section");
        need(2 * n);
        final short[] v = new short[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = b.getShort(at + 2 * i);
        }
        at += 2 * n;
        return v;
    }

    /** Reads a count, then calls {@code record} with each index below it, then checks the section is done: a section that is one list. */
    void list(final java.util.function.IntConsumer record)
    {
        for (int i = 0, n = count(); i < n; i++)
        {
            record.accept(i);
        }
        end();
    }

    void end()
    {
        expect(at == end, (end - at) + " bytes left over at the end of the section");
    }
}
