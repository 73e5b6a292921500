package io.csdsim.tests;

import io.csdsim.library.NetworkSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every input's format is told by its content, not its name: a SANA-FE SNN and architecture under
 * other names run as they do named .yaml, a model file named .yaml is a model file, a NIR graph and a
 * compiled program are known by their signatures.
 */
class FormatsByContentTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home"));
    private static final Path GOLDEN = HOME.resolve("tests/src/test/resources/golden-reports");

    @TempDir
    Path dir;

    @Test
    void sanafeFilesUnderOtherNamesRunAsTheirYamlDoes() throws Exception
    {
        final Path net = Files.copy(GOLDEN.resolve("inputs/hand.yaml"), dir.resolve("hand.snn"));
        final Path arch = Files.copy(GOLDEN.resolve("inputs/arch.yaml"), dir.resolve("chip.arch"));
        final Cli r = Cli.run("simulate", net.toString(), "--chip", arch.toString(), "--timesteps", "6");
        assertEquals(0, r.code(), r.err());
        // The golden run wrote a report and ticks too: the summary is the same but for those lines.
        assertEquals(Files.readString(GOLDEN.resolve("sanafe-hand.stdout.txt")).lines().filter(l -> !l.startsWith("wrote ")).toList(),
            r.out().lines().toList(), "the golden run of the same files named .yaml");
    }

    @Test
    void eachFormatIsKnownByItsContent() throws Exception
    {
        final Path model = Files.copy(HOME.resolve("data/models/fashion-mnist.json"), dir.resolve("model.yaml"));
        assertSame(NetworkSources.MODEL_FILE, NetworkSources.of(model), "a JSON model named .yaml");
        final Path nir = Files.copy(HOME.resolve("tests/src/test/resources/nir/braille_noDelay_noBias_subtract.nir"), dir.resolve("graph.bin"));
        assertSame(NetworkSources.NIR, NetworkSources.of(nir), "HDF5 under any name");
        final Path snn = Files.copy(GOLDEN.resolve("inputs/hand.yaml"), dir.resolve("net.json"));
        assertSame(NetworkSources.SANAFE_SNN, NetworkSources.of(snn), "YAML named .json");
        assertTrue(NetworkSources.isSanafeArchitecture(GOLDEN.resolve("inputs/arch.yaml")));
        assertEquals(0, Cli.run("compile", "--chip", "loihi2", "-o", dir.resolve("p.csdx").toString()).code());
        final Path program = Files.copy(dir.resolve("p.csdx"), dir.resolve("prog.bin"));
        assertTrue(NetworkSources.isProgram(program), "a program by its magic, whatever its name");
        final Path json = Files.copy(HOME.resolve("data/models/fashion-mnist.json"), dir.resolve("m.json"));
        assertTrue(!NetworkSources.isProgram(json) && !NetworkSources.isSanafeArchitecture(json));
    }
}
