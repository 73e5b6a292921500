package io.csdsim.tests;

import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.NpyWriter;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.QuantizedReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code csdsim model create / info / run / error} end to end, and their answers to bad input. */
class ModelCommandTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "model", "model create", "model info", "model run", "model error", "data", "data synthetic"})
    void everyCommandTeachesItsUse(final String command)
    {
        final String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        final String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        final Cli r = Cli.run(args);
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: csdsim"), r.out());
        assertTrue(r.out().length() > 300, "help should explain, not just list: " + r.out());
    }

    @Test
    void infoPrintsThePublishedTotalsWithoutMakingTheModel()
    {
        final Cli r = Cli.run("model", "info", "--arch", "8-768", "--dataset", "imagenet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("66,338,632"), r.out());
        assertTrue(r.out().contains("18,512,099,328"), r.out());
        final Cli j = Cli.run("model", "info", "--arch", "4-384", "--dataset", "cifar10", "--json");
        assertTrue(j.out().contains("\"params\" : 9320122"), j.out());
    }

    @Test
    void createThenRunPredictsWhatTheReferenceComputes() throws Exception
    {
        final Path m = dir.resolve("m.json");
        final Cli c = Cli.run("model", "create", "--arch", "1-32", "--dataset", "cifar10", "--seed", "3", "-o", m.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.exists(dir.resolve("m.safetensors")));
        final ModelGraph g = ModelFileReader.read(m);
        final IntNetwork net = IntQuantizer.quantize(g, QuantizationParams.DEFAULT);

        // A PNG of another size (64×48): refused as it is, resized to 32×32 with --resize.
        final BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++)
        {
            for (int x = 0; x < 64; x++)
            {
                img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x + y) * 2));
            }
        }
        final Path png = dir.resolve("x.png");
        ImageIO.write(img, "png", png.toFile());
        final ExecutionResult expected = new QuantizedReference(net).run(net.encode(
            io.csdsim.models.input.InputLoader.load(png, g.input, true).pixels()[0]));
        final Cli refused = Cli.run("model", "run", m.toString(), "--input", png.toString());
        assertEquals(2, refused.code(), refused.out());
        assertTrue(refused.err().contains("images are 48×64×3") && refused.err().contains("the model takes 32×32×3")
            && refused.err().contains("--resize"), refused.err());
        final Cli r = Cli.run("model", "run", m.toString(), "--input", png.toString(), "--resize");
        assertEquals(0, r.code(), r.err());
        final String row = r.out().lines().filter(l -> l.matches("\\s+0\\s+\\d+.*")).findFirst().orElseThrow();
        assertEquals(expected.predictedClass(), Integer.parseInt(row.trim().split("\\s+")[1]), r.out());
        assertTrue(row.contains(Long.toString(expected.logits()[0])), row);
        final long sn0 = expected.totalSpikes(net.population("tok.sn0").id);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("tok.sn0") && l.contains(String.format("%,d", sn0))), r.out());

        // The spiking executor at D = T-1 gives the same counts; at D = 0 it still runs.
        final Cli s = Cli.run("model", "run", m.toString(), "--input", png.toString(), "--resize", "--executor", "spiking");
        assertEquals(r.out().lines().filter(l -> l.startsWith("tok.") || l.startsWith("blk")).toList(),
            s.out().lines().filter(l -> l.startsWith("tok.") || l.startsWith("blk")).toList());
        assertEquals(0, Cli.run("model", "run", m.toString(), "--synthetic", "2", "--executor", "spiking", "-D", "0").code());

        final Cli e = Cli.run("model", "error", m.toString(), "--synthetic", "2");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("blk0.sn_a") && e.out().contains("same class"), e.out());
    }

    @Test
    void runsTheShippedDefaultWithNoArguments()
    {
        final Cli r = Cli.run("model", "run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("csdformer-2-64-fashion-mnist") && r.out().contains("10 image(s)") && r.out().contains("accuracy"), r.out());
    }

    @Test
    void labelsGiveAccuracy() throws Exception
    {
        final Path m = dir.resolve("m.json");
        Files.copy(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.json"), m);
        Files.copy(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.safetensors"), dir.resolve("synthetic-2-64.safetensors"));
        final ModelGraph g = ModelFileReader.read(m);
        final IntNetwork net = IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
        final int[][] px = io.csdsim.models.csdformer.SyntheticImages.generate(g.input, 3, 5);
        final Path npy = dir.resolve("x.npy");
        try (OutputStream o = Files.newOutputStream(npy))
        {
            NpyWriter.write(new ImageSet(32, 32, 3, px, null, "t"), o);
        }
        final int[] pred = new int[3];
        for (int i = 0; i < 3; i++)
        {
            pred[i] = new QuantizedReference(net).run(net.encode(px[i])).predictedClass();
        }
        // Labels: the first two right, the third wrong.
        final byte[] labels = {0, 0, 8, 1, 0, 0, 0, 3, (byte)pred[0], (byte)pred[1], (byte)((pred[2] + 1) % 10)};
        Files.write(dir.resolve("l.idx"), labels);
        final Cli r = Cli.run("model", "run", m.toString(), "--input", npy.toString(), "--labels", dir.resolve("l.idx").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("accuracy  2/3"), r.out());
    }

    private static void assertBadInput(final Cli r, final String... fragments)
    {
        assertEquals(2, r.code(), r.out() + r.err());
        final String line = r.err().strip();
        assertFalse(line.contains("\n\tat ") || line.contains("Exception"), "no stack trace: " + line);
        for (final String f : fragments)
        {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
    }

    @Test
    void badInputIsOneClearLineWithExitCodeTwo() throws Exception
    {
        assertBadInput(Cli.run("model", "run", dir.resolve("none.json").toString()), "none.json", "not found");
        assertBadInput(Cli.run("model", "create", "--arch", "4x384", "-o", dir.resolve("a.json").toString()), "--arch", "4x384");
        assertBadInput(Cli.run("model", "create", "--arch", "1-32", "--dataset", "mnist", "-o", dir.resolve("a.json").toString()), "--dataset", "mnist");
        assertBadInput(Cli.run("model", "info", "--arch", "2-384", "-T", "0"), "T = 0");
        assertBadInput(Cli.run("model", "run", "--executor", "chip"), "--executor", "chip");
        assertBadInput(Cli.run("model", "run", "--input", dir.resolve("x.png").toString()), "x.png", "not found");
        Files.write(dir.resolve("bad.png"), new byte[] {1, 2, 3, 4});
        assertBadInput(Cli.run("model", "run", "--input", dir.resolve("bad.png").toString()), "bad.png", "unreadable image");
        assertBadInput(Cli.run("model", "info", "--bogus"), "Unknown option");
        assertFalse(Files.exists(dir.resolve("a.json")), "nothing half-written");
        final Cli verbose = Cli.run("model", "run", dir.resolve("none.json").toString(), "--verbose");
        assertEquals(2, verbose.code());
        assertTrue(verbose.err().contains("\tat "), "--verbose shows the stack trace");
    }
}
