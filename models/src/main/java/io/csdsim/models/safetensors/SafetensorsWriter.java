package io.csdsim.models.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects tensors and writes them as one safetensors image: tensors in insertion order, contiguous,
 * the header padded with spaces to a multiple of 8 bytes so the data section is aligned.
 */
public final class SafetensorsWriter
{
    private record Pending(String name, Dtype dtype, int[] shape, byte[] bytes)
    {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    public SafetensorsWriter metadata(final String key, final String value)
    {
        metadata.put(key, value);
        return this;
    }

    public SafetensorsWriter addF32(final String name, final int[] shape, final float[] values)
    {
        final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return add(name, Dtype.F32, shape, b.array());
    }

    public SafetensorsWriter addInts(final String name, final Dtype dtype, final int[] shape, final int[] values)
    {
        final ByteBuffer b = ByteBuffer.allocate(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (final int v : values)
        {
            switch (dtype)
            {
                case I8, U8 -> b.put((byte)v);
                case I16 -> b.putShort((short)v);
                case I32 -> b.putInt(v);
                case I64 -> b.putLong(v);
                default -> throw new IllegalArgumentException("not an integer dtype: " + dtype);
            }
        }
        return add(name, dtype, shape, b.array());
    }

    public SafetensorsWriter addI64(final String name, final int[] shape, final long[] values)
    {
        final ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return add(name, Dtype.I64, shape, b.array());
    }

    /** Adds raw little-endian bytes; their length must match dtype and shape. */
    public SafetensorsWriter add(final String name, final Dtype dtype, final int[] shape, final byte[] bytes)
    {
        long n = dtype.bytes();
        for (final int d : shape)
        {
            n *= d;
        }
        if (n != bytes.length)
        {
            throw new IllegalArgumentException(name + ": " + bytes.length + " bytes for " + dtype + java.util.Arrays.toString(shape));
        }
        pending.add(new Pending(name, dtype, shape.clone(), bytes));
        return this;
    }

    /** @return the header JSON, unpadded. */
    private byte[] header()
    {
        final ObjectMapper om = new ObjectMapper();
        final ObjectNode root = om.createObjectNode();
        if (!metadata.isEmpty())
        {
            final ObjectNode m = root.putObject("__metadata__");
            metadata.forEach(m::put);
        }
        long at = 0;
        for (final Pending p : pending)
        {
            final ObjectNode t = root.putObject(p.name);
            t.put("dtype", p.dtype.name());
            final ArrayNode sh = t.putArray("shape");
            for (final int d : p.shape)
            {
                sh.add(d);
            }
            final ArrayNode off = t.putArray("data_offsets");
            off.add(at);
            at += p.bytes.length;
            off.add(at);
        }
        try
        {
            return om.writeValueAsBytes(root);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }

    public void writeTo(final OutputStream out) throws IOException
    {
        final byte[] h = header();
        final int padded = (h.length + 7) & ~7;
        final ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
        out.write(len.array());
        out.write(h);
        out.write(" ".repeat(padded - h.length).getBytes(StandardCharsets.US_ASCII));
        for (final Pending p : pending)
        {
            out.write(p.bytes);
        }
    }

    public byte[] toBytes()
    {
        final java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try
        {
            writeTo(bos);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }
}
