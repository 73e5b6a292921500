package io.csdsim.tests;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.library.ChipDefaults;
import io.csdsim.library.LoadOptions;
import io.csdsim.library.LoadedNetwork;
import io.csdsim.library.NetworkLoader;
import io.csdsim.library.NetworkSource;
import io.csdsim.library.NetworkSources;
import io.csdsim.library.study.CompileCache;
import io.csdsim.library.study.ParetoFront;
import io.csdsim.library.study.StudyFigures;
import io.csdsim.library.study.StudyGrid;
import io.csdsim.library.study.StudyPoint;
import io.csdsim.library.study.StudyRow;
import io.csdsim.library.study.StudyTables;
import io.csdsim.mapper.CompileReport;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of docs/api.md, line for line between the markers: load, compile, simulate and a study
 * through the library, with no command line. Its figures are checked against the command line's own
 * run of the same model, chip and images.
 */
class ApiExampleTest
{
    @Test
    void docsApiShowsThisExampleAsItIs() throws Exception
    {
        final Path home = Path.of(System.getProperty("csdsim.home"));
        final String src = java.nio.file.Files.readString(home.resolve("tests/src/test/java/io/csdsim/tests/ApiExampleTest.java"));
        // The markers are split here so that only the example's own lines hold them whole.
        final String marker = "// --- docs/api.md example ";
        final int from = src.indexOf('\n', src.indexOf(marker + "begins")) + 1;
        final int to = src.indexOf("        " + marker + "ends");
        final String body = src.substring(from, to).lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
            .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        assertTrue(java.nio.file.Files.readString(home.resolve("docs/api.md")).contains("```java\n" + body + "```"),
            "docs/api.md must show the example exactly as this test runs it");
    }

    @Test
    void theDocumentedExampleRunsAndAgreesWithTheCommandLine() throws Exception
    {
        final Path home = Path.of(System.getProperty("csdsim.home"));
        // --- docs/api.md example begins
        final Path modelFile = home.resolve("data/models/fashion-mnist.json");
        // Any format, told by the file's content (csdsim model, network file, NIR graph, SANA-FE SNN), with its defaults.
        final LoadedNetwork loaded = NetworkLoader.load(modelFile, LoadOptions.DEFAULT, null);
        final NetworkSource format = loaded.format();
        final ModelGraph graph = loaded.graph();
        final IntNetwork net = loaded.network();

        // A preset with csdsim's defaults (the TDEC units CSDformer needs), decided in one place for every command.
        final ChipSpec chip = ChipDefaults.apply(ChipSpecs.preset("loihi2"), true, false);

        // Compile: the program and its typed report.
        final Mapper.Result compiled = Mapper.compile(net, chip, MapperOptions.DEFAULT);
        final ChipProgram program = compiled.program();
        final CompileReport report = compiled.report();

        // Simulate four test images on two threads; the report is typed: totals by counted event, energy by category.
        final int[][] images = Arrays.copyOf(InputLoader.load(home.resolve("data/inputs/fashion-mnist-test-1000-images-idx3-ubyte.gz"),
            graph.input).pixels(), 4);
        final List<SampleResult> samples = Simulation.run(new ChipEngine(program), images, 2, null);
        final SimulationReport result = new SimulationReport(program, samples, null);
        final long sops = result.total(CountedEvents.SOPS);
        final double staticPj = result.energyPj(EnergyCategory.STATIC);
        final long firstTickPackets = samples.get(0).ticks.get(0, CountedEvents.PACKETS);
        final long core0Spikes = samples.get(0).perGroup.of(CountedEvents.SPIKES)[0];

        // A study: two core sizes, each configuration compiled once, its figures and the Pareto front.
        final StudyGrid grid = StudyGrid.of(List.of("core.maxNeurons=2048,4096"));
        final CompileCache cache = new CompileCache();
        final List<StudyRow> rows = new ArrayList<>();
        for (final StudyPoint p : grid.points())
        {
            final ChipSpec s = ChipSpecs.override(chip, "core.maxNeurons=" + p.settings().get("core.maxNeurons"));
            final CompileCache.Compiled c = cache.compile(s, "", MapperOptions.DEFAULT, () -> net);
            final List<SampleResult> r = Simulation.run(new ChipEngine(c.program()), images, 2, null);
            rows.add(new StudyRow(p, StudyFigures.of(c.program(), new SimulationReport(c.program(), r, null)), null));
        }
        final boolean[] front = ParetoFront.of(rows);
        final String table = StudyTables.csv(grid.keys(), rows, front);
        // --- docs/api.md example ends

        assertSame(NetworkSources.MODEL_FILE, format);
        assertEquals(IntQuantizer.quantize(ModelFileReader.read(modelFile), QuantizationParams.DEFAULT).projectionCount(), net.projectionCount());
        assertEquals(program.occupiedCores(), report.coresUsed());
        // The same figures as the command line's own run of the shipped model on the same chip and images.
        final Path json = Path.of(System.getProperty("java.io.tmpdir")).resolve("api-example-" + ProcessHandle.current().pid() + ".json");
        final Path csv = json.resolveSibling(json.getFileName() + ".csv");
        final Cli cli = Cli.run("simulate", "--limit", "4", "--report", json.toString(), "--ticks", csv.toString());
        assertEquals(0, cli.code(), cli.err());
        final com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        final List<String> ticks = java.nio.file.Files.readAllLines(csv);
        for (final Path f : List.of(json, csv, csv.resolveSibling(csv.getFileName() + ".provenance.json")))
        {
            java.nio.file.Files.deleteIfExists(f);
        }
        assertEquals(j.get("totals").get("sops").asLong(), sops);
        assertEquals(j.get("energyPJ").get("static").asDouble(), staticPj);
        // The JSON's cores are summed over samples; the first sample's share is its own.
        assertTrue(core0Spikes <= j.get("cores").get(0).get("spikes").asLong());
        assertEquals(j.get("cores").get(0).get("spikes").asLong(), samples.stream().mapToLong(x -> x.perGroup.of(CountedEvents.SPIKES)[0]).sum());
        final List<String> head = List.of(ticks.get(0).split(","));
        assertEquals(Long.parseLong(ticks.get(1).split(",")[head.indexOf("packets")]), firstTickPackets, "sample 0, tick 0");
        assertEquals(2, cache.size());
        assertEquals(3, table.lines().count(), table);
        assertTrue(table.startsWith("core.maxNeurons,chips,cores,sops,"), table);
    }
}
