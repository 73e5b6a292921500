package io.csdsim.isa.program.csdx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A section's payload as it is written: growable, little-endian. */
final class SectionPayload
{
    private ByteBuffer buf = CsdxFile.le(1024);

    private void ensure(final int n)
    {
        if (buf.remaining() < n)
        {
            final ByteBuffer b = CsdxFile.le(Math.max(buf.capacity() * 2, buf.position() + n));
            buf.flip();
            b.put(buf);
            buf = b;
        }
    }

    SectionPayload i8(final int v)
    {
        ensure(1);
        buf.put((byte)v);
        return this;
    }

    SectionPayload i32(final int v)
    {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    SectionPayload i64(final long v)
    {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    SectionPayload f64(final double v)
    {
        ensure(8);
        buf.putDouble(v);
        return this;
    }

    SectionPayload str(final String s)
    {
        final byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(4 + b.length);
        buf.putInt(b.length).put(b);
        return this;
    }

    SectionPayload ints(final int[] v)
    {
        ensure(4 + 4 * v.length);
        buf.putInt(v.length);
        for (final int x : v)
        {
            buf.putInt(x);
        }
        return this;
    }

    SectionPayload shorts(final short[] v)
    {
        ensure(4 + 2 * v.length);
        buf.putInt(v.length);
        for (final short s : v)
        {
            buf.putShort(s);
        }
        return this;
    }

    /** @return a payload that is one list: its count, then each item as {@code item} writes it. */
    static <T> SectionPayload list(final java.util.List<T> items, final java.util.function.BiConsumer<SectionPayload, T> item)
    {
        final SectionPayload out = new SectionPayload().i32(items.size());
        for (final T t : items)
        {
            item.accept(out, t);
        }
        return out;
    }

    byte[] bytes()
    {
        final byte[] b = new byte[buf.position()];
        buf.get(0, b);
        return b;
    }
}
