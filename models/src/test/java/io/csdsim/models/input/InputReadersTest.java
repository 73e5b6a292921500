package io.csdsim.models.input;

import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.InputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX, .npy and PNG/JPEG readers against files built byte by byte, and the adaptation to a model. */
class InputReadersTest
{
    @TempDir
    Path dir;

    private static byte[] idx(final int n, final int h, final int w)
    {
        final ByteBuffer b = ByteBuffer.allocate(16 + n * h * w).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x00000803).putInt(n).putInt(h).putInt(w);
        for (int i = 0; i < n * h * w; i++)
        {
            b.put((byte)(i * 7));
        }
        return b.array();
    }

    @Test
    void readsIdxPlainAndGzipped() throws IOException
    {
        final byte[] raw = idx(2, 3, 4);
        Files.write(dir.resolve("a-images-idx3-ubyte"), raw);
        final ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz))
        {
            out.write(raw);
        }
        Files.write(dir.resolve("a-images-idx3-ubyte.gz"), gz.toByteArray());
        for (final String f : new String[] {"a-images-idx3-ubyte", "a-images-idx3-ubyte.gz"})
        {
            final ImageSet s = InputLoader.readAny(dir.resolve(f));
            assertEquals(2, s.count());
            assertEquals(3, s.height());
            assertEquals(4, s.width());
            assertEquals(1, s.channels());
            assertEquals((13 * 7) & 0xFF, s.pixels()[1][1]);
        }
        final ByteBuffer lb = ByteBuffer.allocate(8 + 2).putInt(0x00000801).putInt(2).put((byte)3).put((byte)9);
        Files.write(dir.resolve("l.idx"), lb.array());
        assertArrayEquals(new int[] {3, 9}, IdxReader.readLabels(dir.resolve("l.idx")));
    }

    @Test
    void idxErrorsNameTheOffset() throws IOException
    {
        final byte[] raw = idx(2, 3, 4);
        Files.write(dir.resolve("t.idx"), java.util.Arrays.copyOf(raw, raw.length - 1));
        final String m = assertThrows(InvalidInputException.class, () -> InputLoader.readAny(dir.resolve("t.idx"))).getMessage();
        assertTrue(m.contains("t.idx: offset 16") && m.contains("need 24"), m);
        raw[2] = 0x0D;
        Files.write(dir.resolve("f.idx"), raw);
        assertTrue(assertThrows(InvalidInputException.class, () -> InputLoader.readAny(dir.resolve("f.idx"))).getMessage().contains("offset 2"));
    }

    private static byte[] npy(final String descr, final String shape, final byte[] data)
    {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        final int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        final ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte)0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte)1).put((byte)0);
        b.putShort((short)header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    @Test
    void readsNpyUint8AndFloat32() throws IOException
    {
        final byte[] u8 = new byte[2 * 2 * 2 * 3];
        for (int i = 0; i < u8.length; i++)
        {
            u8[i] = (byte)(200 + i);
        }
        Files.write(dir.resolve("u.npy"), npy("|u1", "2, 2, 2, 3", u8));
        final ImageSet a = InputLoader.readAny(dir.resolve("u.npy"));
        assertEquals(2, a.count());
        assertEquals(3, a.channels());
        assertEquals(200 + 12 + 5, a.pixels()[1][5]);
        final ByteBuffer f = ByteBuffer.allocate(4 * 4).order(ByteOrder.LITTLE_ENDIAN);
        f.putFloat(0f).putFloat(1f).putFloat(0.5f).putFloat(0.2f);
        Files.write(dir.resolve("f.npy"), npy("<f4", "2, 2", f.array()));
        assertArrayEquals(new int[] {0, 255, 128, 51}, InputLoader.readAny(dir.resolve("f.npy")).pixels()[0]);
        f.putFloat(0, 3.5f);
        Files.write(dir.resolve("g.npy"), npy("<f4", "2, 2", f.array()));
        final String m = assertThrows(InvalidInputException.class, () -> InputLoader.readAny(dir.resolve("g.npy"))).getMessage();
        assertTrue(m.contains("g.npy: offset") && m.contains("[0, 1]"), m);
        Files.write(dir.resolve("d.npy"), npy("<f8", "2, 2", new byte[32]));
        assertTrue(assertThrows(InvalidInputException.class, () -> InputLoader.readAny(dir.resolve("d.npy"))).getMessage().contains("descr"));
    }

    @Test
    void readsPngAndJpegAndAdaptsThemToTheModel() throws IOException
    {
        final BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 8; x++)
            {
                img.setRGB(x, y, (x * 30) << 16 | (y * 60) << 8 | 77);
            }
        }
        ImageIO.write(img, "png", dir.resolve("i.png").toFile());
        ImageIO.write(img, "jpg", dir.resolve("i.jpg").toFile());
        final ImageSet png = InputLoader.readAny(dir.resolve("i.png"));
        assertEquals(3, png.channels());
        assertArrayEquals(new int[] {90, 120, 77}, java.util.Arrays.copyOfRange(png.pixels()[0], (2 * 8 + 3) * 3, (2 * 8 + 3) * 3 + 3));
        final ImageSet jpg = InputLoader.readAny(dir.resolve("i.jpg"));
        assertEquals(8, jpg.width());
        // Adapt to a 2×4 grey model: luma, then 2:1 bilinear (mean of the two pixels at half-pixel centres).
        final InputSpec grey = new InputSpec(2, 4, 1, new double[] {0}, new double[] {1});
        final ImageSet g = InputLoader.adapt(png, grey);
        final double luma00 = 0.299 * 0 + 0.587 * 0 + 0.114 * 77;
        final double luma01 = 0.299 * 30 + 0.587 * 0 + 0.114 * 77;
        final double luma10 = 0.299 * 0 + 0.587 * 60 + 0.114 * 77;
        final double luma11 = 0.299 * 30 + 0.587 * 60 + 0.114 * 77;
        final double expect = (Math.round(luma00) + Math.round(luma01) + Math.round(luma10) + Math.round(luma11)) / 4.0;
        assertEquals(Math.round(expect), g.pixels()[0][0]);
        Files.write(dir.resolve("bad.png"), new byte[] {1, 2, 3});
        assertTrue(assertThrows(InvalidInputException.class, () -> InputLoader.readAny(dir.resolve("bad.png"))).getMessage().contains("unreadable image"));
        assertTrue(assertThrows(InvalidInputException.class, () -> InputLoader.readAny(dir.resolve("x.bmp"))).getMessage().contains("unknown input type"));
    }
}
