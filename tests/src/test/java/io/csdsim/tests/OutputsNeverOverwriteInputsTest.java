package io.csdsim.tests;

import io.csdsim.models.format.NetworkFileWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 30, item 1: every output option of every command that writes, against every kind of input the
 * command reads — a model and the weights it names, a chip file, a SANA-FE network and architecture,
 * spike trains, images, labels, a points file, a chip a sweep varies — by its own name and through a
 * symbolic link: each is refused in one line before any work, and the input is left as it was. A run
 * that fails at publishing leaves every earlier output as it was.
 */
class OutputsNeverOverwriteInputsTest
{
    @TempDir
    Path dir;
    private Path model;
    private Path weights;
    private Path chip;
    private Path images;
    private Path labels;
    private Path net;
    private Path spikes;
    private Path snn;
    private Path arch;
    private Path points;

    @BeforeEach
    void inputs() throws Exception
    {
        final Path home = Path.of(System.getProperty("csdsim.home"));
        model = Files.copy(home.resolve("data/models/synthetic-2-64.json"), dir.resolve("m.json"));
        weights = Files.copy(home.resolve("data/models/synthetic-2-64.safetensors"), dir.resolve("synthetic-2-64.safetensors"));
        chip = Files.writeString(dir.resolve("chip.json"), "{\"base\": \"loihi2\", \"name\": \"mine\", \"core\": {\"tdecUnits\": 8192}}");
        images = dir.resolve("x.npy");
        assertEquals(0, Cli.run("data", "synthetic", "--model", model.toString(), "-n", "2", "-o", images.toString()).code());
        // IDX1 labels: magic 0x801, a count, one byte each.
        labels = Files.write(dir.resolve("labels.idx"), ByteBuffer.allocate(10).putInt(0x801).putInt(2).put((byte)1).put((byte)3).array());
        net = Files.write(dir.resolve("spiking.json"), NetworkFileWriter.write(SpikeInputTest.network()));
        spikes = dir.resolve("s.npy");
        Files.write(spikes, npy(2, SpikeInputTest.SOURCES));
        final Path golden = home.resolve("tests/src/test/resources/golden-reports/inputs");
        snn = Files.copy(golden.resolve("hand.yaml"), dir.resolve("hand.yaml"));
        arch = Files.copy(golden.resolve("arch.yaml"), dir.resolve("arch.yaml"));
        points = Files.writeString(dir.resolve("points.csv"), "D\n3\n");
    }

    /** A uint8 .npy of [ticks, units], every unit firing in tick 0. */
    private static byte[] npy(final int ticks, final int units)
    {
        final String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + ticks + ", " + units + "), }";
        final int pad = 64 - (10 + header.length() + 1) % 64;
        final String h = header + " ".repeat(pad) + "\n";
        final ByteBuffer b = ByteBuffer.allocate(10 + h.length() + ticks * units);
        b.put((byte)0x93).put("NUMPY".getBytes()).put((byte)1).put((byte)0).putShort(Short.reverseBytes((short)h.length())).put(h.getBytes());
        for (int u = 0; u < units; u++)
        {
            b.put((byte)1);
        }
        return b.array();
    }

    /** One command and the inputs it reads, with the output options it writes. */
    private record Case(List<String> command, List<Path> inputs, List<String> outputs)
    {
    }

    private List<Case> cases()
    {
        return List.of(
            new Case(List.of("simulate", model.toString(), "--chip", chip.toString(), "--input", images.toString(), "--labels", labels.toString()),
                List.of(model, weights, chip, images, labels), List.of("--report", "--ticks", "--html")),
            new Case(List.of("simulate", net.toString(), "--chip", "loihi", "--spikes", spikes.toString()), List.of(net, spikes),
                List.of("--report", "--ticks")),
            new Case(List.of("simulate", snn.toString(), "--chip", arch.toString()), List.of(snn, arch), List.of("--report", "--ticks")),
            new Case(List.of("compile", model.toString(), "--chip", chip.toString()), List.of(model, weights, chip), List.of("-o")),
            new Case(List.of("sweep", model.toString(), "--vary", "chip=loihi2," + chip, "--limit", "1"), List.of(model, weights, chip),
                List.of("-o", "--json", "--html")),
            new Case(List.of("sweep", model.toString(), "--points", points.toString(), "--limit", "1"), List.of(points), List.of("-o")),
            new Case(List.of("data", "synthetic", "--model", model.toString()), List.of(model, weights), List.of("-o")));
    }

    @Test
    void everyOutputOntoEveryInputIsRefusedAndTheInputStays() throws Exception
    {
        int refused = 0;
        for (final Case c : cases())
        {
            for (final String option : c.outputs())
            {
                for (final Path input : c.inputs())
                {
                    final Path link = dir.resolve("link-to-" + input.getFileName());
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, input.getFileName());
                    for (final Path onto : List.of(input, link))
                    {
                        final byte[] before = Files.readAllBytes(input);
                        final List<String> args = new ArrayList<>(c.command());
                        args.add(option);
                        args.add(onto.toString());
                        final Cli r = Cli.run(args.toArray(String[]::new));
                        final String where = String.join(" ", args);
                        Cli.assertBadInput(r, option, "is an input of this command");
                        assertEquals("", r.out(), where + ": refused before any work");
                        assertArrayEquals(before, Files.readAllBytes(input), where);
                        refused++;
                    }
                }
            }
        }
        assertEquals(76, refused);
    }

    @Test
    void aRunThatFailsWhilePublishingLeavesEveryEarlierOutputAsItWas() throws Exception
    {
        final Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "needs /dev/full");
        final Path keep = Files.writeString(dir.resolve("keep.json"), "keep");
        final Cli r = Cli.run("simulate", "--limit", "1", "--threads", "1", "--report", keep.toString(), "--ticks", full.toString());
        // The run itself happened (its timing line is on stderr); its last line is the one refusal.
        assertEquals(2, r.code(), r.err());
        final String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals(true, last.startsWith("csdsim: --ticks /dev/full: cannot be written") && !last.contains("Exception"), last);
        assertEquals("keep", Files.readString(keep), "the report was not replaced");
    }
}
