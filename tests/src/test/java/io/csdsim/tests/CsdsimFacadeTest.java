package io.csdsim.tests;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.library.ChipDefaults;
import io.csdsim.library.Csdsim;
import io.csdsim.library.LoadOptions;
import io.csdsim.library.LoadedNetwork;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.InputLoader;
import io.csdsim.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's four steps (load, chip, compile, simulate) give what the command line gives: the
 * summary of the shipped model on three images is the golden {@code simulate --limit 3}'s, line for
 * line; a preset gets the TDEC default unless the user sets the field; bad input is the command
 * line's one-line message.
 */
class CsdsimFacadeTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home"));

    @Test
    void loadChipCompileSimulateGiveTheCommandLinesSummary() throws Exception
    {
        final LoadedNetwork net = Csdsim.load(HOME.resolve("data/models/fashion-mnist.json"), LoadOptions.DEFAULT);
        final ChipSpec chip = Csdsim.chip("loihi2", Map.of());
        final Mapper.Result compiled = Csdsim.compile(net, chip, MapperOptions.DEFAULT, false);
        final int[][] images = Arrays.copyOf(InputLoader.load(HOME.resolve("data/inputs/fashion-mnist-test-1000-images-idx3-ubyte.gz"),
            net.graph().input).pixels(), 3);
        final int[] labels = Arrays.copyOf(IdxReader.readLabels(HOME.resolve("data/inputs/fashion-mnist-test-1000-labels-idx1-ubyte.gz")), 3);
        final SimulationReport r = Csdsim.simulate(compiled.program(), images, labels, 2);
        final String golden = Files.readString(HOME.resolve("tests/src/test/resources/golden-reports/default.stdout.txt"));
        // The golden run printed two notes before its summary and named its files after it.
        final String summary = golden.lines().filter(l -> !l.startsWith("note: ") && !l.startsWith("wrote "))
            .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        assertEquals(summary, r.summary());
    }

    @Test
    void aPresetGetsTheTdecDefaultUnlessTheFieldIsSet()
    {
        final ChipSpec defaulted = Csdsim.chip("loihi2", Map.of("core.maxNeurons", "2048"));
        assertEquals(ChipDefaults.TDEC_UNITS, defaulted.getInt(ChipField.CORE_TDEC_UNITS));
        assertEquals(2048, defaulted.getInt(ChipField.CORE_MAX_NEURONS));
        assertTrue(defaulted.source(ChipField.CORE_TDEC_UNITS).startsWith("csdsim default"));
        final Map<String, String> none = new LinkedHashMap<>();
        none.put("core.tdecUnits", "0");
        assertEquals(0, Csdsim.chip("loihi2", none).getInt(ChipField.CORE_TDEC_UNITS));
    }

    @Test
    void badInputIsTheCommandLinesOneLine()
    {
        final InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> Csdsim.load(HOME.resolve("data/models/fashion-mnist.json"), new LoadOptions(1, null, null, null, null)));
        assertEquals(Cli.run("model", "error", "--weight-bits", "1").err().strip(), "csdsim: " + e.getMessage());
    }
}
