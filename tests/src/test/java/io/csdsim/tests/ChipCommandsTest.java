package io.csdsim.tests;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.program.ProgramListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code csdsim chip show}, {@code compile} and {@code disasm} end to end. */
class ChipCommandsTest
{
    @TempDir
    Path dir;


    @ParameterizedTest
    @ValueSource(strings = {"chip", "chip show", "chip list", "compile", "disasm"})
    void everyCommandTeachesItsUse(final String command)
    {
        final String[] words = command.split(" ");
        final String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        final Cli r = Cli.run(args);
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: csdsim"), r.out());
    }

    @Test
    void showPrintsEveryFigureWithItsSourceAndTakesOverrides() throws Exception
    {
        final Cli r = Cli.run("chip", "show", "loihi", "--set", "core.maxNeurons=2048");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("energy.synOpPJ") && r.out().contains("Davies 2018 Table 2: synaptic spike operation 23.6 pJ"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("core.maxNeurons") && l.contains("2,048") && l.contains("--set")), r.out());
        final Path file = dir.resolve("my.json");
        Files.writeString(file, "{\"base\": \"loihi2\", \"name\": \"mine\", \"core\": {\"tdecUnits\": 64}}");
        final Cli f = Cli.run("chip", "show", file.toString(), "--json");
        assertEquals(0, f.code(), f.err());
        assertTrue(f.out().contains("\"tdecUnits\" : 64") && f.out().contains("override in"), f.out());
        Files.writeString(file, "{\"base\": \"loihi2\", \"mesh\": {\"tilesX\": 0}}");
        Cli.assertBadInput(Cli.run("chip", "show", file.toString()), "my.json", "mesh.tilesX", ">= 1");
        Cli.assertBadInput(Cli.run("chip", "show", "loihi", "--set", "core.maxNeurons=-1"), "--set", "core.maxNeurons");
        Cli.assertBadInput(Cli.run("chip", "show", "loihi9"), "'loihi9'");
    }

    @Test
    void compileWritesAProgramThatDisassemblesAndParsesBack() throws Exception
    {
        final Path out = dir.resolve("m.csdx");
        final Cli c = Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "-o", out.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("csdformer-2-64-fashion-mnist on loihi2") && c.out().contains("entries × hops")
            && c.out().contains("initiation interval 7 ticks"), c.out());
        final ChipProgram p = CsdxFormat.read(out);
        final Cli d = Cli.run("disasm", out.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(p, ProgramListing.parse("listing", d.out()));
        final Cli j = Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "--json");
        assertTrue(j.out().contains("\"coresUsed\"") && j.out().contains("\"limits\""), j.out());
    }

    @Test
    void capacityProblemsAreOneLineSayingWhatWouldFit() throws Exception
    {
        // A preset gets csdsim's TDEC units in compile as in simulate (ChipDefaults); a chip set to have none cannot host max-pools.
        Cli.assertBadInput(Cli.run("compile", "--chip", "loihi", "--set", "core.tdecUnits=0"), "loihi", "layer 'tok.pool3'", "TDEC units",
            "--set core.tdecUnits");
        final Cli defaulted = Cli.run("compile", "--chip", "loihi");
        assertEquals(0, defaulted.code(), defaulted.err());
        assertTrue(defaulted.err().contains("loihi has no TDEC units; compiled with 8192 per core"), defaulted.err());
        Cli.assertBadInput(Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "--chips", "1"), "--chips 1 gives 128 cores");
        Cli.assertBadInput(Cli.run("compile", "--chip", "truenorth", "--set", "core.tdecUnits=256"), "truenorth", "core.membraneBits", "--membrane-bits 20");
        Cli.assertBadInput(Cli.run("compile", "--chip", "truenorth", "--set", "core.tdecUnits=256", "--membrane-bits", "20"), "truenorth", "layer");
        final Path out = dir.resolve("m.csdx");
        assertEquals(0, Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "-o", out.toString()).code());
        final byte[] b = Files.readAllBytes(out);
        b[b.length / 2] ^= 1;
        Files.write(out, b);
        Cli.assertBadInput(Cli.run("disasm", out.toString()), "m.csdx", "CRC mismatch");
        Cli.assertBadInput(Cli.run("disasm", dir.resolve("none.csdx").toString()), "none.csdx", "not found");
    }

    @Test
    void placementStartIsChosenReportedAndCheckedOnTheCommandLine() throws Exception
    {
        for (final String start : new String[] {"layers", "interleaved"})
        {
            final Cli c = Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "--placement", start, "--refine", "0");
            assertEquals(0, c.code(), c.err());
            assertTrue(c.out().contains("placement           " + start + " start, 0 refinement pass(es)"), c.out());
        }
        final Cli auto = Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096");
        assertTrue(auto.out().matches("(?s).*placement +(layers|interleaved) \\(auto\\) start, 3 refinement.*"), auto.out());
        Cli.assertBadInput(Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "--placement", "diagonal"), "--placement",
            "'diagonal'", "expected auto, layers or interleaved");
        final Path out = dir.resolve("m.csdx");
        assertEquals(0, Cli.run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=4096", "-o", out.toString()).code());
        Cli.assertBadInput(Cli.run("simulate", out.toString(), "--placement", "layers", "--synthetic", "1"), "--placement", "already placed");
    }
}
