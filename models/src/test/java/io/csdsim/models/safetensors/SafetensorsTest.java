package io.csdsim.models.safetensors;

import io.csdsim.models.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our safetensors reader and writer against hand-built bytes. */
class SafetensorsTest
{
    private static SafetensorsFile parse(final byte[] b)
    {
        return SafetensorsFile.parse("t.safetensors", ByteBuffer.wrap(b));
    }

    private static byte[] file(final String header, final int dataBytes)
    {
        final byte[] h = header.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    @Test
    void writesTheLayoutTheFormatSpecifies()
    {
        final byte[] b = new SafetensorsWriter().addF32("w", new int[] {2}, new float[] {1.5f, -2f})
            .addInts("i", Dtype.I8, new int[] {3}, new int[] {-1, 0, 127}).toBytes();
        final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        final long n = bb.getLong(0);
        assertEquals(0, n % 8, "header padded to 8 bytes");
        final String header = new String(b, 8, (int)n, StandardCharsets.UTF_8).trim();
        assertEquals("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"i\":{\"dtype\":\"I8\",\"shape\":[3],\"data_offsets\":[8,11]}}", header);
        assertEquals(1.5f, bb.getFloat(8 + (int)n));
        assertEquals(-2f, bb.getFloat(12 + (int)n));
        assertEquals(-1, b[16 + (int)n]);
        final SafetensorsFile f = parse(b);
        assertArrayEquals(new float[] {1.5f, -2f}, f.floats("w"));
        assertArrayEquals(new int[] {-1, 0, 127}, f.ints("i"));
    }

    @Test
    void readsEveryIntegerTypeAndMetadata()
    {
        final byte[] b = new SafetensorsWriter().metadata("k", "v")
            .addInts("u8", Dtype.U8, new int[] {2}, new int[] {255, 1})
            .addInts("i16", Dtype.I16, new int[] {2}, new int[] {-300, 300})
            .addInts("i32", Dtype.I32, new int[] {1}, new int[] {-70000})
            .addI64("i64", new int[] {1}, new long[] {1L << 40}).toBytes();
        final SafetensorsFile f = parse(b);
        assertEquals("v", f.metadata().get("k"));
        assertArrayEquals(new int[] {255, 1}, f.ints("u8"));
        assertArrayEquals(new int[] {-300, 300}, f.ints("i16"));
        assertArrayEquals(new int[] {-70000}, f.ints("i32"));
        assertArrayEquals(new long[] {1L << 40}, f.longs("i64"));
    }

    private static String error(final byte[] b)
    {
        return assertThrows(InvalidInputException.class, () -> parse(b)).getMessage();
    }

    @Test
    void refusesMalformedHeaders()
    {
        assertTrue(error(new byte[3]).contains("truncated"));
        final byte[] huge = new byte[16];
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        assertTrue(error(huge).contains("header length"));
        assertTrue(error(file("{not json", 0)).contains("not valid JSON"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2)).contains("'a'.dtype"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4)).contains("'a'.shape[0]"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4)).contains("needs 8"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)).contains("gap"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8)).contains("follow the last tensor"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 8)).contains("not a range"));
        assertTrue(error(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", 4)).contains("unknown key"));
    }
}
