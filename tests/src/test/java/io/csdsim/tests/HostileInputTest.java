package io.csdsim.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile inputs of issue 13 (defects 3 to 7), end to end through the command line: each gets
 * one line naming the file or option and the field, and exit code 2. Every case here passed (exit 0),
 * ran out of memory or crashed before the fix.
 */
class HostileInputTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home"));

    @TempDir
    Path dir;


    /** @return a copy of the shipped 28×28×1 model, its JSON edited, with its weights beside it. */
    private Path editedModel(final Consumer<ObjectNode> edit) throws Exception
    {
        final ObjectMapper om = new ObjectMapper();
        final ObjectNode root = (ObjectNode)om.readTree(HOME.resolve("data/models/fashion-mnist.json").toFile());
        final Path w = dir.resolve(root.get("weights").asText());
        if (!Files.exists(w))
        {
            Files.copy(HOME.resolve("data/models").resolve(root.get("weights").asText()), w);
        }
        edit.accept(root);
        final Path m = dir.resolve("m.json");
        om.writeValue(m.toFile(), root);
        return m;
    }

    // Defect 3: sizes wrap at 32 bits.

    @Test
    void anInputShapePastThirtyTwoBitsIsRefusedNotWrapped() throws Exception
    {
        final Path m = editedModel(r -> ((ArrayNode)r.get("input").get("shape")).set(0, new BigInteger("4294967324")));
        Cli.assertBadInput(Cli.run("model", "info", m.toString()), "m.json", "input.shape[0]", "4294967324", "expected an integer");
    }

    @Test
    void aHugeImageSideIsRefusedBeforeAnyNeuronIsCounted() throws Exception
    {
        final Path m = editedModel(r -> {
            final ArrayNode s = (ArrayNode)r.get("input").get("shape");
            s.set(0, 65537);
            s.set(1, 65537);
            for (final var n : r.get("nodes"))
            {
                if (n.get("op").asText().equals("input"))
                {
                    ((ArrayNode)n.get("shape")).set(0, 65537).set(1, 65537);
                }
            }
        });
        Cli.assertBadInput(Cli.run("model", "info", m.toString()), "input.shape", "1..4096");
        Cli.assertBadInput(Cli.run("compile", m.toString()), "input.shape", "1..4096");
        Cli.assertBadInput(Cli.run("model", "run", m.toString(), "--synthetic", "1"), "input.shape", "1..4096");
    }

    @Test
    void chipFieldsPastTheirRangeAreRefused()
    {
        Cli.assertBadInput(Cli.run("chip", "show", "loihi", "--set", "mesh.tilesX=1e9"), "--set", "mesh.tilesX", "1..1,024");
        Cli.assertBadInput(Cli.run("compile", "--set", "mesh.coresPerTile=1000000000"), "mesh.coresPerTile", "1..256");
        Cli.assertBadInput(Cli.run("compile", "--set", "mesh.tilesX=1024", "--set", "mesh.tilesY=1024"), "cores per chip", "1,048,576");
    }

    // Defect 4: absurd values.

    @Test
    void anAbsurdDelayOrWindowIsRefused() throws Exception
    {
        Cli.assertBadInput(Cli.run("model", "info", editedModel(r -> r.put("D", 1_000_000_000)).toString()), "m.json", "D: D = 1000000000",
            "0..64");
        Cli.assertBadInput(Cli.run("model", "info", editedModel(r -> r.put("T", 100_000)).toString()), "T: T = 100000", "1..64");
        Cli.assertBadInput(Cli.run("model", "run", "--executor", "spiking", "-D", "1000000000"), "-D", "0..64");
        Cli.assertBadInput(Cli.run("eval", "--delays", "0,1000"), "--delays", "0..64");
    }

    @Test
    void absurdSampleCountsAreRefusedWithTheMemoryTheyNeed()
    {
        Cli.assertBadInput(Cli.run("simulate", "--synthetic", "1000000000"), "--synthetic", "1..16777216");
        // 10 M images of 28×28 need about 29 GB: more than any default heap, refused before allocating.
        final Cli r = Cli.run("simulate", "--synthetic", "10000000");
        Cli.assertBadInput(r, "--synthetic", "10,000,000 synthetic images of 28×28×1", "GB of memory");
        assertTrue(r.err().contains("-Xmx") || r.err().contains("more than this machine's"), r.err());
    }

    @Test
    void absurdModelsAndImageCountsToMakeAreRefusedBeforeAllocating()
    {
        Cli.assertBadInput(Cli.run("model", "info", "--arch", "100000-100000", "--dataset", "cifar10"), "--arch", "1..64 blocks", "8..4096");
        final Cli big = Cli.run("model", "create", "--arch", "64-4096", "--dataset", "imagenet", "-o", dir.resolve("m.json").toString());
        Cli.assertBadInput(big, "--arch 64-4096", "parameters need", "GB of memory");
        Cli.assertBadInput(Cli.run("model", "create", "--arch", "1-16", "--dataset", "cifar10", "--calibration-images", "100000000", "-o",
            dir.resolve("m.json").toString()), "--calibration-images", "1..256");
        Cli.assertBadInput(Cli.run("model", "info", "--arch", "4-384", "--dataset", "cifar10", "-T", "100"), "-T", "1..64");
        Cli.assertBadInput(Cli.run("data", "synthetic", "--model", HOME.resolve("data/models/fashion-mnist.json").toString(), "-n", "1000000000",
            "-o", dir.resolve("x.npy").toString()), "-n", "1..16777216");
        Cli.assertBadInput(Cli.run("data", "synthetic", "--model", HOME.resolve("data/models/fashion-mnist.json").toString(), "-n", "10000000",
            "-o", dir.resolve("x.npy").toString()), "-n", "GB of memory");
        assertFalse(Files.exists(dir.resolve("x.npy")));
    }

    @Test
    void aNpyDimensionOfTenToTheElevenIsRefused() throws Exception
    {
        final Path npy = dir.resolve("big.npy");
        final String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (100000000000, 28, 28), }";
        Files.write(npy, npyBytes(header, new byte[16]));
        Cli.assertBadInput(Cli.run("simulate", "--input", npy.toString()), "big.npy", "header.shape", "a size outside 0..2147483647");
        final Path wraps = dir.resolve("wraps.npy");
        Files.write(wraps, npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647, 3), }", new byte[16]));
        Cli.assertBadInput(Cli.run("simulate", "--input", wraps.toString()), "wraps.npy", "16 data bytes", "needs more than 2^63");
        final Path bad = dir.resolve("bad.npy");
        Files.write(bad, npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (1e11, 28), }", new byte[0]));
        Cli.assertBadInput(Cli.run("simulate", "--input", bad.toString()), "bad.npy", "header.shape", "expected a tuple of sizes");
    }

    @Test
    void aProgramWhoseHeadIsAbsurdIsRefused() throws Exception
    {
        final Path csdx = dir.resolve("m.csdx");
        assertEquals(0, Cli.run("compile", "-o", csdx.toString(), "--set", "core.tdecUnits=8192").code());
        final byte[] good = Files.readAllBytes(csdx);
        for (final int t : new int[] {0, 1_000_000, -3})
        {
            Files.write(csdx, withHeadField(good, 0, t));
            Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--synthetic", "1"), "m.csdx", "section HEAD", "T = " + t, "1..64");
        }
        Files.write(csdx, withHeadField(good, 1, 100_000));
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--synthetic", "1"), "section HEAD", "D = 100000");
        Files.write(csdx, withHeadField(good, 2, 0));
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--synthetic", "1"), "section HEAD", "chips = 0");
        Files.write(csdx, withHeadField(good, 2, 1 << 30));
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--synthetic", "1"), "section HEAD", "cores on a board");
    }

    // Defect 5: the weights path.

    @Test
    void weightsOutsideTheModelsFolderAreRefused() throws Exception
    {
        Cli.assertBadInput(Cli.run("simulate", editedModel(r -> r.put("weights", "../../../../etc/passwd")).toString()), "m.json", "weights",
            "expected a file in the model's folder");
        Cli.assertBadInput(Cli.run("simulate", editedModel(r -> r.put("weights", "/etc/passwd")).toString()), "weights",
            "expected a file in the model's folder");
        Files.createSymbolicLink(dir.resolve("w.safetensors"), Path.of("/etc/passwd"));
        Cli.assertBadInput(Cli.run("simulate", editedModel(r -> r.put("weights", "w.safetensors")).toString()), "weights", "is a link to",
            "outside the model's folder");
        final Path notWeights = dir.resolve("notes.safetensors");
        Files.writeString(notWeights, "root:x:0:0:root:/root:/bin/bash\n");
        final Cli r = Cli.run("simulate", editedModel(x -> x.put("weights", "notes.safetensors")).toString());
        Cli.assertBadInput(r, "notes.safetensors", "not a safetensors file");
        assertFalse(r.err().matches(".*\\d{10,}.*"), "no bytes of the file printed as a number: " + r.err());
    }

    // Defect 6: silent adaptation.

    @Test
    void imagesOfTheWrongShapeAreRefusedUnlessResizeIsAsked() throws Exception
    {
        final BufferedImage img = new BufferedImage(32, 30, BufferedImage.TYPE_INT_RGB);
        final Path png = dir.resolve("x.png");
        ImageIO.write(img, "png", png.toFile());
        Cli.assertBadInput(Cli.run("simulate", "--input", png.toString()), "x.png", "images are 30×32×3", "takes 28×28×1", "--resize");
        assertEquals(0, Cli.run("simulate", "--input", png.toString(), "--resize", "--threads", "1").code());
        final Path npy = dir.resolve("x.npy");
        try (OutputStream o = Files.newOutputStream(npy))
        {
            NpyWriter.write(new ImageSet(28, 28, 3, new int[2][28 * 28 * 3], null, "t"), o);
        }
        Cli.assertBadInput(Cli.run("model", "run", "--input", npy.toString()), "x.npy", "images are 28×28×3", "takes 28×28×1");
    }

    @Test
    void labelsAreCountedAndRanged() throws Exception
    {
        final Path npy = dir.resolve("two.npy");
        try (OutputStream o = Files.newOutputStream(npy))
        {
            NpyWriter.write(new ImageSet(28, 28, 1, new int[2][28 * 28], null, "t"), o);
        }
        final Path five = dir.resolve("five.idx");
        Files.write(five, labels(1, 2, 3, 4, 5));
        Cli.assertBadInput(Cli.run("simulate", "--input", npy.toString(), "--labels", five.toString()), "five.idx", "5 labels for the 2 images");
        final Path big = dir.resolve("big.idx");
        Files.write(big, labels(3, 200));
        Cli.assertBadInput(Cli.run("simulate", "--input", npy.toString(), "--labels", big.toString()), "big.idx", "label 1", "200",
            "10 classes", "0..9");
        Cli.assertBadInput(Cli.run("simulate", "--synthetic", "2", "--labels", big.toString()), "--labels", "synthetic images have none");
    }

    // Defect 7: options ignored or misreported.

    @Test
    void chipAndModelOptionsWithAProgramAreRefused() throws Exception
    {
        final Path csdx = dir.resolve("p.csdx");
        assertEquals(0, Cli.run("compile", "-o", csdx.toString(), "--set", "core.tdecUnits=8192").code());
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--chip", "loihi"), "--chip", "already placed and compiled");
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--set", "timing.synOpCycles=1"), "--set", "already placed and compiled");
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "-D", "1"), "-D");
        Cli.assertBadInput(Cli.run("simulate", csdx.toString(), "--weight-bits", "6"), "--weight-bits");
    }

    @Test
    void threadsAreCappedAndReportedAsUsed()
    {
        // Issue 30, item 5: threads past the machine's processors only contend; they are capped to the processors.
        final int cores = Math.min(256, Runtime.getRuntime().availableProcessors());
        final Cli r = Cli.run("simulate", "--limit", "3", "--threads", "100000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: --threads 100000 capped at " + cores + ", the processors this machine has"), r.err());
        assertTrue(r.err().contains("on " + Math.min(3, cores) + " thread(s)"), "three samples on at most the processors: " + r.err());
        Cli.assertBadInput(Cli.run("simulate", "--threads", "-1"), "--threads", "-1; expected 1 or more");
    }

    @Test
    void zeroChipsAndOutOfRangeDelaysAreNotAcceptedSilently()
    {
        Cli.assertBadInput(Cli.run("simulate", "--chips", "0"), "--chips", "0; expected 1..");
        Cli.assertBadInput(Cli.run("compile", "--chips", "2000000"), "--chips");
        Cli.assertBadInput(Cli.run("simulate", "-D", "99"), "-D", "D = 99", "0..64");
        final Cli r = Cli.run("simulate", "-D", "5", "--limit", "1", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("note: D = 5 > T − 1 = 3"), r.out());
    }

    private static byte[] npyBytes(final String dict, final byte[] data)
    {
        final StringBuilder h = new StringBuilder(dict);
        while ((10 + h.length() + 1) % 64 != 0)
        {
            h.append(' ');
        }
        h.append('\n');
        final ByteBuffer b = ByteBuffer.allocate(10 + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte)0x93).put("NUMPY".getBytes()).put((byte)1).put((byte)0).putShort((short)h.length()).put(h.toString().getBytes()).put(data);
        return b.array();
    }

    private static byte[] labels(final int... l)
    {
        final ByteBuffer b = ByteBuffer.allocate(8 + l.length).putInt(0x00000801).putInt(l.length);
        for (final int x : l)
        {
            b.put((byte)x);
        }
        return b.array();
    }

    /**
     * @return the program with one int of its HEAD section replaced (0: T, 1: D, 2: chips, after the
     * name) and the section's CRC made right again, so that only the reader's checks can refuse it.
     */
    static byte[] withHeadField(final byte[] csdx, final int field, final int value)
    {
        final byte[] out = csdx.clone();
        final ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        final int section = 8;
        assertEquals("HEAD", new String(out, section, 4, java.nio.charset.StandardCharsets.US_ASCII));
        final int len = b.getInt(section + 4);
        final int payload = section + 12;
        final int nameLen = b.getInt(payload);
        b.putInt(payload + 4 + nameLen + 4 * field, value);
        final CRC32 crc = new CRC32();
        crc.update(out, payload, len);
        b.putInt(section + 8, (int)crc.getValue());
        return out;
    }

    /** Issue 30, item 3: numbers past an int or a long in a SANA-FE file are the file's line, not a NumberFormatException. */
    @Test
    void sanafeIndicesPastAnyIntegerAreOneLineNamingTheField() throws Exception
    {
        final Path inputs = Path.of(System.getProperty("csdsim.home"), "tests/src/test/resources/golden-reports/inputs");
        final Path snn = dir.resolve("h.yaml");
        Files.writeString(snn, Files.readString(inputs.resolve("hand.yaml")).replace("core: '5.1'", "core: '5.12345678901'"));
        final Path arch = dir.resolve("a.yaml");
        Files.writeString(arch, Files.readString(inputs.resolve("arch.yaml")).replace("tile[0..7]", "tile[0..99999999999999999999]"));
        Cli.assertBadInput(Cli.run("simulate", snn.toString(), "--chip", inputs.resolve("arch.yaml").toString()), "h.yaml",
            "mappings[3].out.2.core", "'5.12345678901'", "the architecture has tiles 0..7");
        Cli.assertBadInput(Cli.run("simulate", inputs.resolve("hand.yaml").toString(), "--chip", arch.toString()), "a.yaml",
            "architecture.tile[0].name", "at most 1,048,576 names");
    }

    /** Issue 30, item 4: a key given twice is refused in every JSON and YAML input, not won by its last value. */
    @Test
    void aKeyGivenTwiceIsRefusedInChipNetworkAndSanafeFiles() throws Exception
    {
        final Path chip = dir.resolve("twice.json");
        Files.writeString(chip, "{\"base\": \"loihi2\",\n \"core\": {\"tdecUnits\": 64, \"tdecUnits\": 128}}");
        Cli.assertBadInput(Cli.run("chip", "show", chip.toString()), "twice.json", "line 2", "Duplicate field 'tdecUnits'");
        final Path model = dir.resolve("m.json");
        final String json = Files.readString(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.json"));
        Files.writeString(model, json.replaceFirst("\\{", "{\"name\": \"a\", \"name\": \"b\", "));
        Cli.assertBadInput(Cli.run("model", "info", model.toString()), "m.json", "Duplicate field 'name'");
        final Path inputs = Path.of(System.getProperty("csdsim.home"), "tests/src/test/resources/golden-reports/inputs");
        final Path snn = dir.resolve("h.yaml");
        Files.writeString(snn, Files.readString(inputs.resolve("hand.yaml")).replace("  name: hand\n", "  name: hand\n  name: again\n"));
        Cli.assertBadInput(Cli.run("simulate", snn.toString(), "--chip", inputs.resolve("arch.yaml").toString()), "h.yaml", "line 3",
            "Duplicate field 'name'");
        final Path arch = dir.resolve("a.yaml");
        Files.writeString(arch, Files.readString(inputs.resolve("arch.yaml")).replaceFirst("(?m)^(\\s*)name: (.*)$", "$1name: $2\n$1name: $2"));
        Cli.assertBadInput(Cli.run("simulate", inputs.resolve("hand.yaml").toString(), "--chip", arch.toString()), "a.yaml",
            "Duplicate field 'name'");
    }

    /** Issue 30, item 4: a clock past any chip's is a typo, refused with its range rather than printed as 300-digit figures. */
    @Test
    void aClockPastAnyChipsIsRefusedWithItsRange() throws Exception
    {
        final Path chip = dir.resolve("slow.json");
        Files.writeString(chip, "{\"base\": \"loihi2\", \"timing\": {\"clockMHz\": 1e-300}}");
        Cli.assertBadInput(Cli.run("chip", "show", chip.toString()), "slow.json", "timing.clockMHz", "expected a number >= 0.001 and <= 1,000,000");
        Cli.assertBadInput(Cli.run("chip", "show", "loihi2", "--set", "timing.clockMHz=1e7"), "timing.clockMHz", "<= 1,000,000");
    }
}
