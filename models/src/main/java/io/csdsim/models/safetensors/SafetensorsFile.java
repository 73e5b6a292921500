package io.csdsim.models.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.models.InvalidInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated safetensors file, mapped read-only. Tensors are read out by name into primitive arrays;
 * the header is checked in full when the file is opened, so every later read is in bounds.
 */
public final class SafetensorsFile
{
    /** Headers larger than this are refused: a corrupt length must not make us allocate gigabytes. */
    public static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final String source;
    private final ByteBuffer data;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    private SafetensorsFile(final String source, final ByteBuffer data, final Map<String, TensorInfo> tensors,
        final Map<String, String> metadata)
    {
        this.source = source;
        this.data = data;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Opens and validates a file; any defect is an {@link InvalidInputException} naming the field. */
    public static SafetensorsFile open(final Path path)
    {
        final String src = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long size = ch.size();
            final ByteBuffer all = size == 0 ? ByteBuffer.allocate(0) : ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return parse(src, all);
        }
        catch (final java.nio.file.NoSuchFileException e)
        {
            throw new InvalidInputException(src, "", "file not found");
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses a whole safetensors image held in memory. */
    public static SafetensorsFile parse(final String src, final ByteBuffer all)
    {
        final ByteBuffer buf = all.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        final long size = buf.remaining();
        if (size < 8)
        {
            throw new InvalidInputException(src, "offset 0", "truncated: " + size + " bytes, expected an 8-byte header length");
        }
        final long headerLen = buf.getLong(0);
        if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES)
        {
            throw new InvalidInputException(src, "offset 0", "not a safetensors file: its first 8 bytes must be a header length in 1.."
                + MAX_HEADER_BYTES);
        }
        if (headerLen > size - 8)
        {
            throw new InvalidInputException(src, "header", "truncated: header length " + headerLen + " but only "
                + (size - 8) + " bytes follow");
        }
        final byte[] header = new byte[(int)headerLen];
        buf.get(8, header);
        final JsonNode root;
        try
        {
            root = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(header);
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "header", "is not valid JSON" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? " (" + j.getOriginalMessage() + ")" : ""));
        }
        if (root == null || !root.isObject())
        {
            throw new InvalidInputException(src, "header", "expected a JSON object");
        }
        final long dataStart = 8 + headerLen;
        final long dataSize = size - dataStart;
        final Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        final Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> e = it.next();
            final String name = e.getKey();
            if ("__metadata__".equals(name))
            {
                if (!e.getValue().isObject())
                {
                    throw new InvalidInputException(src, "__metadata__", "expected an object of strings");
                }
                e.getValue().fields().forEachRemaining(m -> {
                    if (!m.getValue().isTextual())
                    {
                        throw new InvalidInputException(src, "__metadata__." + m.getKey(), "expected a string");
                    }
                    metadata.put(m.getKey(), m.getValue().asText());
                });
                continue;
            }
            tensors.put(name, parseEntry(src, name, e.getValue(), dataSize));
        }
        checkContiguous(src, tensors, dataSize);
        final ByteBuffer dataView = buf.slice((int)dataStart, (int)dataSize).order(ByteOrder.LITTLE_ENDIAN);
        return new SafetensorsFile(src, dataView, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
    }

    private static TensorInfo parseEntry(final String src, final String name, final JsonNode n, final long dataSize)
    {
        final String where = "tensor '" + name + "'";
        if (!n.isObject())
        {
            throw new InvalidInputException(src, where, "expected an object with dtype, shape, data_offsets");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); )
        {
            final String k = it.next();
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets"))
            {
                throw new InvalidInputException(src, where + "." + k, "unknown key; expected dtype, shape, data_offsets");
            }
        }
        final JsonNode dt = n.get("dtype");
        if (dt == null || !dt.isTextual())
        {
            throw new InvalidInputException(src, where + ".dtype", "missing; expected one of F32, F64, I8, U8, I16, I32, I64");
        }
        final Dtype dtype = Dtype.byName(dt.asText());
        if (dtype == null)
        {
            throw new InvalidInputException(src, where + ".dtype", "'" + dt.asText() + "' is not supported; expected one of F32, F64, I8, U8, I16, I32, I64");
        }
        final JsonNode sh = n.get("shape");
        if (sh == null || !sh.isArray())
        {
            throw new InvalidInputException(src, where + ".shape", "missing; expected an array of non-negative integers");
        }
        final int[] shape = new int[sh.size()];
        for (int i = 0; i < shape.length; i++)
        {
            final JsonNode d = sh.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0)
            {
                throw new InvalidInputException(src, where + ".shape[" + i + "]", "expected a non-negative integer, found " + d);
            }
            shape[i] = d.asInt();
        }
        final JsonNode off = n.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2 || !off.get(0).isIntegralNumber() || !off.get(1).isIntegralNumber())
        {
            throw new InvalidInputException(src, where + ".data_offsets", "expected [begin, end] as two integers");
        }
        final long begin = off.get(0).asLong();
        final long end = off.get(1).asLong();
        if (begin < 0 || end < begin)
        {
            throw new InvalidInputException(src, where + ".data_offsets", "[" + begin + ", " + end + "] is not a range 0 <= begin <= end");
        }
        if (end > dataSize)
        {
            throw new InvalidInputException(src, where + ".data_offsets", "truncated data: tensor ends at byte " + end
                + " of the data section, which holds only " + dataSize + " bytes");
        }
        final TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
        final long expectBytes = info.numel() * dtype.bytes();
        if (end - begin != expectBytes)
        {
            throw new InvalidInputException(src, where + ".data_offsets", "spans " + (end - begin) + " bytes but " + dtype
                + info.shapeString() + " needs " + expectBytes);
        }
        return info;
    }

    private static void checkContiguous(final String src, final Map<String, TensorInfo> tensors, final long dataSize)
    {
        final List<TensorInfo> sorted = new ArrayList<>(tensors.values());
        sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long at = 0;
        TensorInfo prev = null;
        for (final TensorInfo t : sorted)
        {
            if (t.begin() < at)
            {
                throw new InvalidInputException(src, "tensor '" + t.name() + "'.data_offsets", "overlaps tensor '"
                    + prev.name() + "' (begins at " + t.begin() + ", before " + at + ")");
            }
            if (t.begin() > at)
            {
                throw new InvalidInputException(src, "tensor '" + t.name() + "'.data_offsets", "leaves a gap: begins at "
                    + t.begin() + ", expected " + at);
            }
            at = t.end();
            prev = t;
        }
        if (at != dataSize)
        {
            throw new InvalidInputException(src, "data section", dataSize - at + " bytes follow the last tensor; expected none");
        }
    }

    public String source()
    {
        return source;
    }

    /** @return the tensors by name, in header order. */
    public Map<String, TensorInfo> tensors()
    {
        return tensors;
    }

    public Map<String, String> metadata()
    {
        return metadata;
    }

    /** @return the entry of that name, or null. */
    public TensorInfo info(final String name)
    {
        return tensors.get(name);
    }

    /** Reads an F32 tensor. */
    public float[] floats(final String name)
    {
        final TensorInfo t = require(name, Dtype.F32);
        final float[] out = new float[(int)t.numel()];
        data.slice((int)t.begin(), (int)(t.end() - t.begin())).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    /** Reads any integer tensor (I8, U8, I16, I32) widened to int. */
    public int[] ints(final String name)
    {
        final TensorInfo t = tensors.get(name);
        if (t == null)
        {
            throw new InvalidInputException(source, "tensor '" + name + "'", "missing");
        }
        final int n = (int)t.numel();
        final int[] out = new int[n];
        final int base = (int)t.begin();
        switch (t.dtype())
        {
            case I8 -> { for (int i = 0; i < n; i++) out[i] = data.get(base + i); }
            case U8 -> { for (int i = 0; i < n; i++) out[i] = data.get(base + i) & 0xFF; }
            case I16 -> { for (int i = 0; i < n; i++) out[i] = data.getShort(base + 2 * i); }
            case I32 -> { for (int i = 0; i < n; i++) out[i] = data.getInt(base + 4 * i); }
            default -> throw new InvalidInputException(source, "tensor '" + name + "'.dtype",
                "is " + t.dtype() + "; expected an integer type of at most 32 bits");
        }
        return out;
    }

    /** Reads an I64 tensor. */
    public long[] longs(final String name)
    {
        final TensorInfo t = require(name, Dtype.I64);
        final long[] out = new long[(int)t.numel()];
        data.slice((int)t.begin(), (int)(t.end() - t.begin())).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    private TensorInfo require(final String name, final Dtype dtype)
    {
        final TensorInfo t = tensors.get(name);
        if (t == null)
        {
            throw new InvalidInputException(source, "tensor '" + name + "'", "missing");
        }
        if (t.dtype() != dtype)
        {
            throw new InvalidInputException(source, "tensor '" + name + "'.dtype", "is " + t.dtype() + "; expected " + dtype);
        }
        return t;
    }
}
