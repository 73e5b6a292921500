package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.SampleResultCodec;
import io.csdsim.simulator.engine.Simulation;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventRegistry;
import io.csdsim.simulator.report.HtmlReport;
import io.csdsim.simulator.report.SimulationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event added to the registry, and nothing else, appears in every output with its counts: the
 * JSON report's totals and per-core entries, the tick CSV, the text summary and the HTML page; and a
 * result sent through the codec reports it alike. The event here is derived (three times the SOPs
 * plus the packets), so its expected value in each span is known from the standard counts of that span.
 */
class CountedEventRegistryTest
{
    private static final CountedEvent FAKE = CountedEvent.derived("fakeEvent",
            c -> 3 * c.count(CountedEvents.SOPS) + c.count(CountedEvents.PACKETS))
        .csv("fake_event").label("fake events (test)").unit("events")
        .shown(CountedEvent.Output.TICKS, CountedEvent.Output.TOTALS, CountedEvent.Output.CORES, CountedEvent.Output.SUMMARY,
            CountedEvent.Output.PAGE, CountedEvent.Output.SWEEP)
        .build();
    private static final EventRegistry WITH_FAKE = EventRegistry.STANDARD.with(FAKE);

    private static ChipProgram program;
    private static List<SampleResult> samples;

    @BeforeAll
    static void runTheShippedModel() throws Exception
    {
        final Path data = Path.of(System.getProperty("csdsim.home"), "data");
        final ModelGraph graph = ModelFileReader.read(data.resolve("models/fashion-mnist.json"));
        program = Mapper.compile(IntQuantizer.quantize(graph, QuantizationParams.DEFAULT),
            ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192"), MapperOptions.DEFAULT).program();
        final int[][] pixels = Arrays.copyOf(InputLoader.load(data.resolve("inputs/fashion-mnist-test-1000-images-idx3-ubyte.gz"),
            graph.input).pixels(), 2);
        final ChipEngine engine = new ChipEngine(program);
        samples = Simulation.run(engine, pixels, 1, null);
    }

    @Test
    void aNewEventAppearsInEveryOutputWithItsCounts() throws Exception
    {
        final SimulationReport r = new SimulationReport(program, samples, null, WITH_FAKE);
        final long sops = r.total(CountedEvents.SOPS);
        final long want = 3 * sops + r.total(CountedEvents.PACKETS);
        assertTrue(sops > 0, "the run must count SOPs for the check to mean anything");
        assertEquals(want, r.total(FAKE));

        final JsonNode json = new ObjectMapper().readTree(r.json());
        assertEquals(want, json.get("totals").get("fakeEvent").asLong(), "JSON totals");
        long perCore = 0;
        for (final JsonNode core : json.get("cores"))
        {
            assertEquals(3 * core.get("sops").asLong() + core.get("packetsSent").asLong(), core.get("fakeEvent").asLong(), "JSON per core");
            perCore += core.get("fakeEvent").asLong();
        }
        assertEquals(want, perCore, "the cores' counts add up to the run's");

        final List<String> lines = r.ticksCsv().lines().toList();
        final List<String> head = List.of(lines.get(0).split(","));
        final int fake = head.indexOf("fake_event");
        assertTrue(fake > 0, "a tick CSV column: " + head);
        long perTick = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] f = line.split(",");
            assertEquals(3 * Long.parseLong(f[head.indexOf("sops")]) + Long.parseLong(f[head.indexOf("packets")]), Long.parseLong(f[fake]));
            perTick += Long.parseLong(f[fake]);
        }
        assertEquals(want, perTick, "the ticks' counts add up to the run's");

        final String summary = r.summary();
        final String line = summary.lines().filter(l -> l.contains("fake events (test)")).findFirst().orElseThrow(() -> new AssertionError(summary));
        assertEquals(String.format(java.util.Locale.ROOT, "%,.1f", want / 2.0), line.replace("fake events (test)", "").strip(), "text summary");

        final String page = HtmlReport.simulation(r, program, samples, List.of(), samples.get(0));
        assertTrue(page.contains("totals.fakeEvent"), "the HTML page's summary table");

        // A sweep's columns: per sample.
        assertEquals(want / 2.0, io.csdsim.library.study.StudyFigures.of(program, r).get("fake_event"), "a sweep row");
        // The typed per-core view: every core's count, as its JSON entry says.
        long typed = 0;
        for (int g = 0; g < program.groups().size(); g++)
        {
            typed += r.coreCounts(g).count(FAKE);
        }
        assertEquals(want, typed, "the typed per-core counts");
    }

    @Test
    void aResultThroughTheCodecReportsTheNewEventAlike()
    {
        final List<SampleResult> decoded = samples.stream().map(s -> SampleResultCodec.decode(SampleResultCodec.encode(s), program)).toList();
        assertEquals(new SimulationReport(program, samples, null, WITH_FAKE).json(), new SimulationReport(program, decoded, null, WITH_FAKE).json());
        assertEquals(new SimulationReport(program, samples, null, WITH_FAKE).ticksCsv(),
            new SimulationReport(program, decoded, null, WITH_FAKE).ticksCsv());
    }

    @Test
    void theStandardReportShowsNoEventItDoesNotDeclare()
    {
        final SimulationReport r = new SimulationReport(program, samples, null);
        assertTrue(!r.json().contains("fakeEvent") && !r.ticksCsv().contains("fake_event") && !r.summary().contains("fake events"));
    }

    @Test
    void eachOutputNamesEveryEventOnce()
    {
        for (final CountedEvent.Output o : CountedEvent.Output.values())
        {
            final Set<String> names = new HashSet<>();
            for (final CountedEvent e : WITH_FAKE.shownIn(o))
            {
                final String name = switch (o)
                {
                    case TICKS, SWEEP -> e.csvName;
                    case CORES -> e.coreKey;
                    case SUMMARY -> e.label;
                    default -> e.key;
                };
                assertTrue(names.add(name), o + " names '" + name + "' twice");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> WITH_FAKE.with(FAKE), "an event declared twice is refused");
    }
}
