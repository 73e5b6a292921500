package io.csdsim.simulator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.energy.EnergyEvents;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.engine.GroupSums;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventCounts;
import io.csdsim.simulator.event.EventRegistry;

import java.util.List;

/** The versioned JSON report of a run (docs/report-format.md), streamed. */
final class ReportJson
{
    /** The per-core entries' order of their first keys, older than the registry. */
    private static final CountedEvent[] CORES_FIRST = {CountedEvents.SOPS, CountedEvents.DYNAMIC_OPS, CountedEvents.SPIKES,
        CountedEvents.PACKETS, CountedEvents.BUSY_CYCLES};

    private ReportJson()
    {
    }

    static void write(final SimulationReport r, final java.io.Writer out)
    {
        final ChipProgram program = r.program();
        final List<SampleResult> samples = r.sampleResults();
        final Provenance provenance = r.provenance();
        final EventRegistry events = r.events();
        final int[] labels = r.labels();
        final long[] populationSpikes = r.populationSpikes();
        final long[] populationSops = r.populationSops();
        final GroupSums perGroup = r.perGroup();
        final EnergyModel energy = r.energyModel();
        try (JsonGenerator j = ShortestNumbers.json().createGenerator(out))
        {
            j.setPrettyPrinter(new DefaultPrettyPrinter());
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            j.writeStartObject();
            j.writeStringField("schema", "csdsim-report");
            j.writeNumberField("schemaVersion", SimulationReport.SCHEMA_VERSION);
            if (provenance != null)
            {
                provenance.write(j);
            }
            j.writeStringField("model", program.name);
            j.writeStringField("chip", program.spec.name());
            j.writeNumberField("chips", program.chips);
            j.writeNumberField("coreCount", program.groups().size());
            j.writeNumberField("T", program.timeWindow);
            j.writeNumberField("D", program.delay);
            j.writeNumberField("samples", samples.size());
            j.writeObjectFieldStart("totals");
            for (final CountedEvent e : events.shownIn(CountedEvent.Output.TOTALS))
            {
                j.writeNumberField(e.key, r.total(e));
            }
            j.writeNumberField("denseEquivalentMacsPerSample", r.denseMacs());
            j.writeEndObject();
            j.writeObjectFieldStart("energyPJ");
            for (final EnergyCategory c : EnergyCategory.values())
            {
                j.writeNumberField(c.jsonKey, r.energyPj(c));
            }
            j.writeNumberField("total", r.totalEnergyPj());
            j.writeNumberField("dynamic", r.dynamicEnergyPj());
            j.writeEndObject();
            j.writeNumberField("paperStyleEnergyPJ", r.paperStylePj());
            j.writeObjectFieldStart("latency");
            j.writeNumberField("clockMHz", program.spec.get(ChipField.TIMING_CLOCK_MHZ));
            j.writeNumberField("cycles", r.cycles());
            j.writeNumberField("longestTickCycles", r.longestTickCycles());
            j.writeNumberField("ticksPerSample", samples.isEmpty() ? 0 : samples.get(0).ticks.ticks());
            j.writeNumberField("initiationIntervalTicks", program.initiationInterval);
            j.writeEndObject();
            j.writeArrayFieldStart("populations");
            for (final ProgramPopulation p : program.populations())
            {
                if (p.kind().isNeurons() || p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL)
                {
                    j.writeStartObject();
                    j.writeStringField("name", p.name());
                    j.writeStringField("kind", p.kind().name());
                    j.writeNumberField("units", p.size());
                    j.writeNumberField("spikes", populationSpikes[p.id()]);
                    j.writeNumberField("sops", populationSops[p.id()]);
                    j.writeNumberField("firingRate", samples.isEmpty() ? 0
                        : populationSpikes[p.id()] / ((double)p.size() * program.timeWindow * samples.size()));
                    j.writeEndObject();
                }
            }
            j.writeEndArray();
            j.writeArrayFieldStart("populationEnergy");
            final EnergyEvents[] byPopulation = r.populationEvents();
            for (final ProgramPopulation p : program.populations())
            {
                final EnergyEvents e = byPopulation[p.id()];
                if (e.cores == 0 && e.count(CountedEvents.INPUT_MACS) == 0)
                {
                    continue;
                }
                j.writeStartObject();
                j.writeStringField("name", p.name());
                j.writeStringField("kind", p.kind().name());
                j.writeNumberField("cores", e.cores);
                writeEnergy(j, energy, e);
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("cores");
            final List<CountedEvent> coreEvents = events.shownIn(CountedEvent.Output.CORES, CORES_FIRST);
            for (final NeuronGroup g : program.groups())
            {
                j.writeStartObject();
                j.writeNumberField("core", g.core());
                j.writeNumberField("chip", program.chipOf(g.core()));
                j.writeNumberField("x", program.meshX(g.core()));
                j.writeNumberField("y", program.meshY(g.core()));
                j.writeStringField("population", program.populations().get(g.population()).name());
                j.writeStringField("role", g.role().name());
                j.writeNumberField("start", g.start());
                j.writeNumberField("end", g.end());
                final EventCounts counts = perGroup.counts(g.id());
                for (final CountedEvent e : coreEvents)
                {
                    j.writeNumberField(e.coreKey, counts.count(e));
                }
                writeEnergy(j, energy, r.groupEvents(g));
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("predictions");
            for (int i = 0; i < samples.size(); i++)
            {
                j.writeStartObject();
                j.writeNumberField("sample", i);
                j.writeNumberField("class", r.predictedClass(i));
                if (labels != null)
                {
                    j.writeNumberField("label", labels[i]);
                }
                j.writeArrayFieldStart("logits");
                for (final long v : r.logits(i))
                {
                    j.writeNumber(v);
                }
                j.writeEndArray();
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
            j.flush();
            out.write("\n");
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Writes an {@code energyPJ} object: every category, the dynamic sum and the total. */
    private static void writeEnergy(final JsonGenerator j, final EnergyModel energy, final EnergyEvents e) throws java.io.IOException
    {
        j.writeObjectFieldStart("energyPJ");
        for (final EnergyCategory c : EnergyCategory.values())
        {
            j.writeNumberField(c.jsonKey, energy.energyPj(c, e));
        }
        j.writeNumberField("dynamic", energy.dynamicPj(e));
        j.writeNumberField("total", energy.totalPj(e));
        j.writeEndObject();
    }
}
