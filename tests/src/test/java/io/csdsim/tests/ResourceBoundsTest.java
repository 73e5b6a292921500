package io.csdsim.tests;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.RandomNetworks;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.input.NpyReader;
import io.csdsim.models.safetensors.SafetensorsFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resource bounds (issue 13, item 9): for every format, headers that claim huge sizes, counts past
 * the file and products that overflow must be refused with the documented message, and fast. The
 * one-second bound is a guard against work sized by the claim (allocating it, or looping over it),
 * not a speed measurement: each of these is refused from a few header bytes.
 */
class ResourceBoundsTest
{
    private static final Duration FAST = Duration.ofSeconds(1);
    private static byte[] model;
    private static byte[] program;

    @BeforeAll
    static void readValidFiles() throws Exception
    {
        model = Files.readAllBytes(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.json"));
        program = CsdxFormat.write(Mapper.compile(RandomNetworks.draw(new SplittableRandom(7), 2, 1),
            ChipSpecs.override(ChipSpecs.preset("loihi"), "core.tdecUnits=4096"), MapperOptions.DEFAULT).program());
        // Warm the readers once, so that the bound measures the hostile input, not class loading.
        ModelFileReader.parse("warm.json", model, null);
        CsdxFormat.read("warm.csdx", program);
    }

    private static void refusedFast(final Class<? extends RuntimeException> type, final Executable parse, final String... fragments)
    {
        assertTimeoutPreemptively(FAST, () -> {
            final String m = assertThrows(type, parse).getMessage();
            assertTrue(!m.contains("\n"), m);
            for (final String f : fragments)
            {
                assertTrue(m.contains(f), "'" + f + "' in: " + m);
            }
        });
    }

    private static byte[] modelWith(final String from, final String to)
    {
        final String json = new String(model, StandardCharsets.UTF_8);
        assertTrue(json.contains(from), from);
        return json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void modelFilesWithHugeSizesAreRefusedFast()
    {
        refusedFast(InvalidInputException.class, () -> ModelFileReader.parse("m.json", modelWith("\"shape\" : [ 32, 32, 3 ]",
            "\"shape\" : [ 4294967324, 32, 3 ]"), null), "input.shape[0]", "expected an integer");
        refusedFast(InvalidInputException.class, () -> ModelFileReader.parse("m.json", modelWith("\"shape\" : [ 32, 32, 3 ]",
            "\"shape\" : [ 4096, 4096, 3 ]"), null), "node 'input'.shape");
        refusedFast(InvalidInputException.class, () -> ModelFileReader.parse("m.json", modelWith("\"T\" : 4", "\"T\" : 1000000"), null),
            "T = 1000000", "1..64");
        refusedFast(InvalidInputException.class, () -> ModelFileReader.parse("m.json", modelWith("\"D\" : 3", "\"D\" : 1000000000"), null),
            "D = 1000000000", "0..64");
    }

    @Test
    void aNodeShapeWhoseProductOverflowsIsRefusedFast()
    {
        final String json = new String(model, StandardCharsets.UTF_8);
        final int at = json.indexOf("\"shape\"", json.indexOf("\"op\" : \"conv3x3\""));
        final int end = json.indexOf(']', at);
        final byte[] bytes = (json.substring(0, at) + "\"shape\" : [ 65536, 65536, 65536, 65536" + json.substring(end))
            .getBytes(StandardCharsets.UTF_8);
        refusedFast(InvalidInputException.class, () -> ModelFileReader.parse("m.json", bytes, null), "shape", "elements");
    }

    @Test
    void safetensorsWithHugeHeadersOrShapesAreRefusedFast()
    {
        final ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62);
        refusedFast(InvalidInputException.class, () -> SafetensorsFile.parse("w.safetensors", huge.flip()), "offset 0",
            "not a safetensors file");
        final String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,4],\"data_offsets\":[0,8]}}";
        final ByteBuffer b = ByteBuffer.allocate(8 + header.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).putLong(0).flip();
        refusedFast(InvalidInputException.class, () -> SafetensorsFile.parse("w.safetensors", b), "tensor 'w'");
    }

    @Test
    void chipSpecsWithHugeMeshesAreRefusedFast()
    {
        refusedFast(ChipInputException.class, () -> ChipSpecs.read("c.json", "{\"base\":\"loihi\",\"mesh\":{\"tilesX\":1e9}}"
            .getBytes(StandardCharsets.UTF_8)), "mesh.tilesX", "1..1,024");
        refusedFast(ChipInputException.class, () -> ChipSpecs.read("c.json", "{\"base\":\"loihi\",\"mesh\":{\"tilesX\":1024,\"tilesY\":1024,\"coresPerTile\":256}}"
            .getBytes(StandardCharsets.UTF_8)), "cores per chip", "1,048,576");
        refusedFast(ChipInputException.class, () -> ChipSpecs.override(ChipSpecs.preset("loihi"), "mesh.coresPerTile=1000000000"),
            "mesh.coresPerTile", "1..256");
    }

    @Test
    void programsWithHugeCountsAreRefusedFast()
    {
        refusedFast(ChipInputException.class, () -> CsdxFormat.read("p.csdx", HostileInputTest.withHeadField(program, 0, 1_000_000)),
            "section HEAD", "T = 1000000");
        refusedFast(ChipInputException.class, () -> CsdxFormat.read("p.csdx", HostileInputTest.withHeadField(program, 2, Integer.MAX_VALUE)),
            "section HEAD", "cores on a board");
        // The TABL section's count replaced by 2^31 − 1, its CRC made right: refused by the count check, not by allocating.
        final byte[] bytes = program.clone();
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 8;
        while (!new String(bytes, at, 4, StandardCharsets.US_ASCII).equals("TABL"))
        {
            at += 12 + b.getInt(at + 4);
        }
        b.putInt(at + 12, Integer.MAX_VALUE);
        final CRC32 crc = new CRC32();
        crc.update(bytes, at + 12, b.getInt(at + 4));
        b.putInt(at + 8, (int)crc.getValue());
        refusedFast(ChipInputException.class, () -> CsdxFormat.read("p.csdx", bytes), "section TABL", "overruns the section");
        final byte[] truncated = java.util.Arrays.copyOf(program, 40);
        ByteBuffer.wrap(truncated).order(ByteOrder.LITTLE_ENDIAN).putInt(12, Integer.MAX_VALUE);
        refusedFast(ChipInputException.class, () -> CsdxFormat.read("p.csdx", truncated), "truncated");
    }

    @Test
    void npyHeadersWithHugeShapesAreRefusedFast()
    {
        refusedFast(InvalidInputException.class, () -> NpyReader.parse("x.npy", npy("(100000000000, 28, 28)", 16)), "header.shape",
            "a size outside");
        refusedFast(InvalidInputException.class, () -> NpyReader.parse("x.npy", npy("(2147483647, 2147483647, 2147483647, 3)", 16)),
            "16 data bytes", "needs more than 2^63");
        refusedFast(InvalidInputException.class, () -> NpyReader.parse("x.npy", npy("(65536, 65536)", 16)), "needs 4294967296");
        final byte[] lying = npy("(2, 2)", 4);
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short)0x7FFF);
        refusedFast(InvalidInputException.class, () -> NpyReader.parse("x.npy", lying), "truncated header");
    }

    @Test
    void idxHeadersWithHugeSizesAndGzipBombsAreRefusedFast() throws Exception
    {
        final ByteBuffer wraps = ByteBuffer.allocate(4 + 16 + 8).putInt(0x00000804);
        for (int i = 0; i < 4; i++)
        {
            wraps.putInt(65536);
        }
        refusedFast(InvalidInputException.class, () -> IdxReader.images("x.idx", wraps.array()), "8 data bytes", "need");
        // A gzip that claims 2^31 − 1 images of 2^31 − 1 bytes: refused from its header, not inflated.
        final ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz))
        {
            z.write(ByteBuffer.allocate(12).putInt(0x00000802).putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).array());
            z.write(new byte[1 << 20]);
        }
        refusedFast(InvalidInputException.class, () -> IdxReader.images("x.gz", gz.toByteArray()), "x.gz", "claim more than");
        // A gzip whose header is modest but whose data runs on: inflated only as far as the header says.
        final ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bomb))
        {
            z.write(ByteBuffer.allocate(16).putInt(0x00000803).putInt(1).putInt(4).putInt(4).array());
            final byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++)
            {
                z.write(zeros);
            }
        }
        refusedFast(InvalidInputException.class, () -> IdxReader.images("bomb.gz", bomb.toByteArray()), "bomb.gz", "data bytes");
    }

    @Test
    void imagesClaimingHugeSizesAreRefusedBeforeDecoding() throws Exception
    {
        final java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        final ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", png);
        final byte[] bytes = png.toByteArray();
        // IHDR's width and height (bytes 16..23) set to 100,000 × 100,000, its CRC made right.
        final ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(16, 100_000).putInt(20, 100_000);
        final CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        b.putInt(29, (int)crc.getValue());
        refusedFast(InvalidInputException.class, () -> InputLoader.image("x.png", bytes), "x.png", "100,000×100,000", "16,384");
    }

    private static byte[] npy(final String shape, final int dataBytes)
    {
        final StringBuilder h = new StringBuilder("{'descr': '|u1', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((10 + h.length() + 1) % 64 != 0)
        {
            h.append(' ');
        }
        h.append('\n');
        final ByteBuffer b = ByteBuffer.allocate(10 + h.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte)0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte)1).put((byte)0).putShort((short)h.length())
            .put(h.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
