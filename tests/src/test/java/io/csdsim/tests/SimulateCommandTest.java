package io.csdsim.tests;

import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code csdsim simulate} end to end: defaults, reports, determinism over threads, bad inputs. */
class SimulateCommandTest
{
    @TempDir
    Path dir;


    @Test
    void withNoArgumentsItSimulatesTheShippedDefault()
    {
        final Cli r = Cli.run("simulate");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("csdformer-2-64-fashion-mnist on loihi2") && r.out().contains("100 sample(s)"), r.out());
        assertTrue(r.out().contains("the first 100 of the 1,000 shipped images") && r.out().contains("accuracy"), r.out());
        assertTrue(r.out().contains("synaptic ops (SOPs)") && r.out().contains("paper-style estimate") && r.out().contains("predicted classes"), r.out());
        assertTrue(r.out().contains("has no TDEC units; simulating with 8192 per core"), r.out());
    }

    @Test
    void reportsAreByteIdenticalWhateverTheThreadCount() throws Exception
    {
        final Path r1 = sameReportsOnOneAndTwoThreads(4);
        final Path c1 = dir.resolve("4-1.csv");
        final String json = Files.readString(r1);
        assertTrue(json.contains("\"schema\" : \"csdsim-report\"") && json.contains("\"schemaVersion\" : 4") && json.contains("\"coreCount\" : ") && json.contains("\"energyPJ\"")
            && json.contains("\"paperStyleEnergyPJ\"") && json.contains("\"firingRate\""), json);
        final com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(json);
        assertEquals(tree.get("coreCount").asInt(), tree.get("cores").size(), "one cores[] entry per core");
        assertEquals(4, tree.get("predictions").size());
        final long rows = Files.readAllLines(c1).size();
        final int ticks = Integer.parseInt(json.replaceAll("(?s).*\"ticksPerSample\" : (\\d+).*", "$1"));
        assertEquals(1 + 4L * ticks, rows);
    }

    @Test
    void oneSampleOnTwoThreadsSplitsTicksByCoresAndReportsTheSameBytes() throws Exception
    {
        sameReportsOnOneAndTwoThreads(1);
    }

    /** Simulates the first n shipped images on 1 and on 2 threads; @return the 1-thread report, equal byte for byte to the other. */
    private Path sameReportsOnOneAndTwoThreads(final int n) throws Exception
    {
        for (final int threads : new int[] {1, 2})
        {
            final Cli r = Cli.run("simulate", "--limit", String.valueOf(n), "--threads", String.valueOf(threads), "--report",
                dir.resolve(n + "-" + threads + ".json").toString(), "--ticks", dir.resolve(n + "-" + threads + ".csv").toString());
            assertEquals(0, r.code(), r.err());
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve(n + "-1.json")), Files.readAllBytes(dir.resolve(n + "-2.json")));
        assertArrayEquals(Files.readAllBytes(dir.resolve(n + "-1.csv")), Files.readAllBytes(dir.resolve(n + "-2.csv")));
        return dir.resolve(n + "-1.json");
    }

    @Test
    void aCompiledProgramSimulatesLikeItsModel() throws Exception
    {
        final Path prog = dir.resolve("m.csdx");
        assertEquals(0, Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=8192", "-o", prog.toString()).code());
        final Path a = dir.resolve("a.json");
        final Path b = dir.resolve("b.json");
        assertEquals(0, Cli.run("simulate", "--limit", "2", "--chip", "loihi2", "--set", "core.tdecUnits=8192", "--report", a.toString()).code());
        final Cli r = Cli.run("simulate", prog.toString(), "--limit", "2", "--report", b.toString());
        assertEquals(0, r.code(), r.err());
        // The provenance differs as the inputs do (a model and its options, a program); everything it describes is the same.
        assertEquals(GoldenReportsTest.withoutProvenance(Files.readString(a)), GoldenReportsTest.withoutProvenance(Files.readString(b)));
    }

    @Test
    void badInputsGetOneClearLine() throws Exception
    {
        final Path npy = dir.resolve("two.npy");
        try (OutputStream o = Files.newOutputStream(npy))
        {
            NpyWriter.write(new ImageSet(4, 4, 2, new int[][] {new int[32]}, null, "t"), o);
        }
        Cli.assertBadInput(Cli.run("simulate", "--input", npy.toString()), "two.npy", "2 channels; expected 1 or 3");
        Files.write(dir.resolve("bad.jpg"), new byte[] {9, 9, 9});
        Cli.assertBadInput(Cli.run("simulate", "--input", dir.resolve("bad.jpg").toString()), "bad.jpg", "unreadable image");
        final Path prog = dir.resolve("m.csdx");
        assertEquals(0, Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=8192", "-o", prog.toString()).code());
        final byte[] b = Files.readAllBytes(prog);
        b[4] = (byte)(io.csdsim.isa.program.CsdxFormat.VERSION + 1);
        Files.write(prog, b);
        Cli.assertBadInput(Cli.run("simulate", prog.toString()), "m.csdx", "format version " + (io.csdsim.isa.program.CsdxFormat.VERSION + 1),
            "recompile");
        Cli.assertBadInput(Cli.run("simulate", "--threads", "-1"), "--threads");
    }
}
