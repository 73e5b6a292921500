package io.csdsim.simulator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.energy.EnergyEvents;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.engine.GroupSums;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickLog;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventCounts;
import io.csdsim.simulator.event.EventRegistry;
import io.csdsim.simulator.readout.HostReadout;

import java.util.List;
import java.util.Locale;

/**
 * The figures of a simulation, summed over samples: operations, traffic, energy per category from the
 * chip spec and the paper-style estimate (0.9 pJ per SOP + 4.6 pJ per input MAC), tick and sample
 * latency, throughput at the initiation interval, dense-equivalent MACs and firing rates.
 */
public final class SimulationReport
{
    /** Version of the JSON schema (docs/report-format.md). */
    public static final int SCHEMA_VERSION = 4;

    /** The summary's order of its first lines, older than the registry (the dense-equivalent MACs precede saturations). */
    private static final CountedEvent[] SUMMARY_FIRST = {CountedEvents.SOPS, CountedEvents.DYNAMIC_OPS, CountedEvents.NEURON_UPDATES,
        CountedEvents.SPIKES, CountedEvents.INPUT_SPIKES, CountedEvents.PACKETS, CountedEvents.HOPS, CountedEvents.CHIP_CROSSINGS,
        CountedEvents.WAIT_CYCLES, CountedEvents.INPUT_MACS, CountedEvents.SATURATIONS};
    /** The per-core entries' order of their first keys, older than the registry. */
    private static final CountedEvent[] CORES_FIRST = {CountedEvents.SOPS, CountedEvents.DYNAMIC_OPS, CountedEvents.SPIKES,
        CountedEvents.PACKETS, CountedEvents.BUSY_CYCLES};

    private final ChipProgram program;
    private final List<SampleResult> samples;
    private final int[] labels;
    /** The events this report shows. */
    private final EventRegistry events;
    /** Where the report comes from, or null. */
    private final Provenance provenance;
    /** Per event stored per tick (by id): its count over every tick of every sample. */
    private final long[] totals = new long[EventRegistry.STORED_ID_LIMIT];
    private long cycles;
    private long maxTickCycles;
    private final long[] populationSpikes;
    private final long[] populationSops;
    private final long denseMacs;
    private final EnergyModel energy;
    /** Cores the program occupies; every one draws static power. */
    private final int cores;
    /** Per neuron group, summed over samples. */
    private final GroupSums perGroup;
    /** Per core: how many groups share it (its static power is split among them). */
    private final int[] groupsOnCore;
    /** Per sample: the host's logits after the last tick (empty without a host classifier). */
    private final long[][] logits;

    public SimulationReport(final ChipProgram program, final List<SampleResult> samples, final int[] labels)
    {
        this(program, samples, labels, EventRegistry.STANDARD);
    }

    /** A report that shows the events of {@code events} (the standard ones and any a study adds). */
    public SimulationReport(final ChipProgram program, final List<SampleResult> samples, final int[] labels, final EventRegistry events)
    {
        this(program, samples, labels, events, null);
    }

    /**
     * A report that shows the events of {@code events} and says where it comes from ({@code provenance}:
     * tool, command line, effective chip spec, mapping options, seeds; null for none).
     */
    public SimulationReport(final ChipProgram program, final List<SampleResult> samples, final int[] labels, final EventRegistry events,
        final Provenance provenance)
    {
        this.events = events;
        this.provenance = provenance;
        this.program = program;
        this.samples = samples;
        this.labels = labels;
        energy = EnergyModel.of(program.spec);
        cores = program.occupiedCores();
        perGroup = new GroupSums(program.groups().size());
        final java.util.Map<Integer, Integer> sharing = new java.util.HashMap<>();
        for (final NeuronGroup g : program.groups())
        {
            sharing.merge(g.core(), 1, Integer::sum);
        }
        groupsOnCore = program.groups().stream().mapToInt(g -> sharing.get(g.core())).toArray();
        logits = samples.stream().map(r -> HostReadout.logits(program, r)).toArray(long[][]::new);
        populationSpikes = new long[program.populations().size()];
        populationSops = new long[program.populations().size()];
        for (final SampleResult r : samples)
        {
            for (final CountedEvent e : EventRegistry.storedPerTick())
            {
                totals[e.id] += r.ticks.total(e);
            }
            cycles += r.ticks.total(CountedEvents.CYCLES);
            maxTickCycles = Math.max(maxTickCycles, r.ticks.max(CountedEvents.CYCLES));
            perGroup.add(r.perGroup);
            for (int p = 0; p < populationSpikes.length; p++)
            {
                final ProgramPopulation q = program.populations().get(p);
                if (r.counts[p] != null && (q.kind().isNeurons() || q.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL))
                {
                    for (final int c : r.counts[p])
                    {
                        populationSpikes[p] += c;
                    }
                }
                populationSops[p] += r.populationSops[p];
            }
        }
        denseMacs = denseMacs(program);
    }

    /**
     * Every synapse of every table once per source (the dense network's MACs), the input stage's
     * included: a residual writer's table counts once however many readers hold it (fan-in), and an
     * accumulator's graded spikes add none (they carry sums the network already counted).
     */
    private static long denseMacs(final ChipProgram p)
    {
        long macs = 0;
        final java.util.Set<Long> seen = new java.util.HashSet<>();
        final boolean[] graded = new boolean[p.populations().size()];
        for (final ProgramPopulation q : p.populations())
        {
            graded[q.id()] = io.csdsim.simulator.neuron.NeuronKernels.graded(p, q);
        }
        for (final ProgramEdge e : p.edges())
        {
            if (e.kind() != ProgramEdge.Kind.TABLE || graded[e.sourceA()] || !seen.add((long)e.table() << 32 | e.sourceA()))
            {
                continue;
            }
            final ProgramPopulation src = p.populations().get(e.sourceA());
            final Intervals all = new Intervals();
            all.add(0, src.size());
            macs += EdgeGeometry.synapses(p.tables().get(e.table()), 0, p.populations().get(e.target()).size(), all.seal());
        }
        return macs;
    }

    /** @return an event's count over the run (every tick of every sample), derived events included. */
    public long total(final CountedEvent e)
    {
        return totalCounts().count(e);
    }

    private EventCounts totalCounts()
    {
        return new EventCounts()
        {
            @Override
            public boolean stores(final CountedEvent e)
            {
                return e.perTick && e.id < totals.length;
            }

            @Override
            public long stored(final CountedEvent e)
            {
                return totals[e.id];
            }
        };
    }

    /** @return the events this report shows. */
    public EventRegistry events()
    {
        return events;
    }

    public int samples()
    {
        return samples.size();
    }

    public long inputMacs()
    {
        return total(CountedEvents.INPUT_MACS);
    }

    /** @return nanoseconds per cycle of the chip's (nominal) clock. */
    public double clockNs()
    {
        return 1000.0 / program.spec.get(ChipField.TIMING_CLOCK_MHZ);
    }

    /** @return cycles of all samples' ticks together. */
    public long cycles()
    {
        return cycles;
    }

    /** @return per router place (x · height + y), the packets the links leaving it carried over all samples; null unless recorded. */
    public long[] routerLinkLoads()
    {
        long[] sum = null;
        for (final SampleResult s : samples)
        {
            if (s.routerLinkLoads == null)
            {
                return null;
            }
            if (sum == null)
            {
                sum = new long[s.routerLinkLoads.length];
            }
            for (int k = 0; k < sum.length; k++)
            {
                sum[k] += s.routerLinkLoads[k];
            }
        }
        return sum;
    }

    /** @return the longest tick of the run, in cycles. */
    public long longestTickCycles()
    {
        return maxTickCycles;
    }

    /** @return ticks one sample took (0 without samples). */
    public int ticksPerSample()
    {
        return samples.isEmpty() ? 0 : samples.get(0).ticks.ticks();
    }

    /** @return samples whose predicted class is their label, or -1 without labels. */
    public int correct()
    {
        if (labels == null)
        {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < samples.size(); i++)
        {
            n += labels[i] == predictedClass(i) ? 1 : 0;
        }
        return n;
    }

    /** @return the counted events of the whole run, every core powered throughout. */
    private EnergyEvents runEvents()
    {
        final EnergyEvents e = EnergyEvents.of(totalCounts());
        e.cycles = cycles;
        e.cores = cores;
        return e;
    }

    /** @return the events of one neuron group over the run, with its share of its core's static power. */
    private EnergyEvents groupEvents(final NeuronGroup g)
    {
        final EnergyEvents e = EnergyEvents.of(perGroup.counts(g.id()));
        e.cycles = cycles;
        e.cores = 1.0 / groupsOnCore[g.id()];
        return e;
    }

    /**
     * @return per population, the events of its groups (dendrites and relays serving it included)
     * with their shares of their cores, and the host's input MACs where it takes the input stage:
     * one pass over the groups, in group order.
     */
    private EnergyEvents[] populationEvents()
    {
        final EnergyEvents[] events = new EnergyEvents[program.populations().size()];
        for (int p = 0; p < events.length; p++)
        {
            events[p] = new EnergyEvents();
            events[p].cycles = cycles;
        }
        for (final NeuronGroup g : program.groups())
        {
            final EnergyEvents e = events[g.population()];
            e.add(perGroup.counts(g.id()));
            e.cores += 1.0 / groupsOnCore[g.id()];
        }
        for (final ProgramEdge edge : program.edges())
        {
            if (program.populations().get(edge.sourceA()).kind() == ProgramPopulation.Kind.INPUT)
            {
                events[edge.target()].set(CountedEvents.INPUT_MACS, inputMacs());
            }
        }
        return events;
    }

    /** @return the energy of one category, in pJ, summed over samples. */
    public double energyPj(final EnergyCategory c)
    {
        return energy.energyPj(c, runEvents());
    }

    /** @return the energy of every category but static, in pJ, summed over samples. */
    public double dynamicEnergyPj()
    {
        return energy.dynamicPj(runEvents());
    }

    /** @return sample i's class: its largest logit. */
    public int predictedClass(final int sample)
    {
        return HostReadout.predictedClass(logits[sample]);
    }

    /** @return sample i's integer logits (empty when the program has no host classifier). */
    public long[] logits(final int sample)
    {
        return logits[sample].clone();
    }

    /** The paper-style estimate: 0.9 pJ per SOP + 4.6 pJ per input MAC (45 nm, Spikformer family). */
    public double paperStylePj()
    {
        return 0.9 * total(CountedEvents.SOPS) + 4.6 * inputMacs();
    }

    public String summary()
    {
        final StringBuilder sb = new StringBuilder();
        final int n = Math.max(1, samples.size());
        final double ns = clockNs();
        final double sampleNs = cycles * ns / n;
        final long ticks = samples.isEmpty() ? 0 : samples.get(0).ticks.ticks();
        final double meanTickNs = ticks == 0 ? 0 : sampleNs / ticks;
        sb.append(String.format(Locale.ROOT, "%s on %s: %d chip(s), %d cores, T=%d, D=%d, %d sample(s)%n%n", program.name, program.spec.name(),
            program.chips, program.groups().size(), program.timeWindow, program.delay, samples.size()));
        sb.append(String.format(Locale.ROOT, "per sample               %15s%n", ""));
        for (final CountedEvent e : events.shownIn(CountedEvent.Output.SUMMARY, SUMMARY_FIRST))
        {
            if (e == CountedEvents.SATURATIONS)
            {
                line(sb, "dense-equivalent MACs", denseMacs);
            }
            final long v = total(e);
            if (v != 0 || !e.omittedWhenZero)
            {
                line(sb, e.label, v / (double)n);
            }
        }
        sb.append(String.format(Locale.ROOT, "%nenergy per sample (chip model, %s)%n", program.spec.name()));
        double sum = 0;
        for (final EnergyCategory c : EnergyCategory.values())
        {
            final double e = energyPj(c);
            sb.append(String.format(Locale.ROOT, "  %-24s %14.4f µJ%n", c.label, e / n / 1e6));
            sum += e;
        }
        sb.append(String.format(Locale.ROOT, "  %-24s %14.4f µJ%n", "total", sum / n / 1e6));
        sb.append(String.format(Locale.ROOT, "  of which dynamic        %14.4f µJ  (per event: what peer tools such as SANA-FE report)%n",
            dynamicEnergyPj() / n / 1e6));
        sb.append(String.format(Locale.ROOT, "  of which static         %14.4f µJ  (%s mW per core × %d cores × the sample's time)%n",
            energyPj(EnergyCategory.STATIC) / n / 1e6, ChipField.ENERGY_STATIC_MW_PER_CORE.format(program.spec.get(ChipField.ENERGY_STATIC_MW_PER_CORE)),
            cores));
        sb.append(String.format(Locale.ROOT, "paper-style estimate      %14.4f µJ  (0.9 pJ × SOPs + 4.6 pJ × input MACs, 45 nm; no memory access)%n%n",
            paperStylePj() / n / 1e6));
        sb.append(String.format(Locale.ROOT, "latency  %d ticks per sample, %,.0f cycles = %,.1f µs; mean tick %,.1f ns, longest %,d cycles%n",
            ticks, cycles / (double)n, sampleNs / 1e3, meanTickNs, maxTickCycles));
        sb.append(String.format(Locale.ROOT, "throughput  %,.0f samples/s pipelined (a new sample every %d ticks)%n", meanTickNs == 0 ? 0
            : 1e9 / (program.initiationInterval * meanTickNs), program.initiationInterval));
        // Classes exist where the program has a host classifier (CSDformer's readout); a generic network has none to predict.
        if (!samples.isEmpty() && logits[0].length > 0)
        {
            sb.append("\npredicted classes: ");
            int correct = 0;
            for (int i = 0; i < samples.size(); i++)
            {
                sb.append(i == 0 ? "" : " ").append(predictedClass(i));
                correct += labels != null && labels[i] == predictedClass(i) ? 1 : 0;
            }
            sb.append('\n');
            if (labels != null)
            {
                sb.append(String.format(Locale.ROOT, "accuracy %d/%d = %.2f %%%n", correct, samples.size(), 100.0 * correct / samples.size()));
            }
        }
        return sb.toString();
    }

    private static void line(final StringBuilder sb, final String name, final double v)
    {
        sb.append(String.format(Locale.ROOT, "  %-24s %,16.1f%n", name, v));
    }

    /** @return the versioned JSON report (docs/report-format.md); for large programs prefer {@link #writeJson}. */
    public String json()
    {
        final java.io.StringWriter w = new java.io.StringWriter();
        writeJson(w);
        return w.toString();
    }

    /**
     * Writes the versioned JSON report, streamed: an 8-768 program has 1.6 million cores, whose
     * entries must not be held in memory as a tree or a string.
     */
    public void writeJson(final java.io.Writer out)
    {
        try (JsonGenerator j = new JsonFactory().createGenerator(out))
        {
            j.setPrettyPrinter(new DefaultPrettyPrinter());
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            j.writeStartObject();
            j.writeStringField("schema", "csdsim-report");
            j.writeNumberField("schemaVersion", SCHEMA_VERSION);
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
                j.writeNumberField(e.key, total(e));
            }
            j.writeNumberField("denseEquivalentMacsPerSample", denseMacs);
            j.writeEndObject();
            j.writeObjectFieldStart("energyPJ");
            double sum = 0;
            for (final EnergyCategory c : EnergyCategory.values())
            {
                final double e = energyPj(c);
                j.writeNumberField(c.jsonKey, e);
                sum += e;
            }
            j.writeNumberField("total", sum);
            j.writeNumberField("dynamic", dynamicEnergyPj());
            j.writeEndObject();
            j.writeNumberField("paperStyleEnergyPJ", paperStylePj());
            j.writeObjectFieldStart("latency");
            j.writeNumberField("clockMHz", program.spec.get(ChipField.TIMING_CLOCK_MHZ));
            j.writeNumberField("cycles", cycles);
            j.writeNumberField("longestTickCycles", maxTickCycles);
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
            final EnergyEvents[] byPopulation = populationEvents();
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
                writeEnergy(j, e);
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
                writeEnergy(j, groupEvents(g));
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("predictions");
            for (int i = 0; i < samples.size(); i++)
            {
                j.writeStartObject();
                j.writeNumberField("sample", i);
                j.writeNumberField("class", predictedClass(i));
                if (labels != null)
                {
                    j.writeNumberField("label", labels[i]);
                }
                j.writeArrayFieldStart("logits");
                for (final long v : logits[i])
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
    private void writeEnergy(final JsonGenerator j, final EnergyEvents e) throws java.io.IOException
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

    /** @return one CSV row per sample and tick. */
    public String ticksCsv()
    {
        final StringBuilder sb = new StringBuilder("sample,tick");
        final List<CountedEvent> columns = events.shownIn(CountedEvent.Output.TICKS);
        for (final CountedEvent e : columns)
        {
            sb.append(',').append(e.csvName);
        }
        for (final EnergyCategory c : EnergyCategory.values())
        {
            sb.append(',').append(c.csvName);
        }
        sb.append(",energy_dynamic_pj,energy_total_pj,latency_ns\n");
        final double ns = clockNs();
        for (int i = 0; i < samples.size(); i++)
        {
            final TickLog log = samples.get(i).ticks;
            for (int t = 0; t < log.ticks(); t++)
            {
                sb.append(i).append(',').append(t);
                final EventCounts counts = log.counts(t);
                for (final CountedEvent e : columns)
                {
                    sb.append(',').append(counts.count(e));
                }
                final EnergyEvents e = log.events(t);
                for (final EnergyCategory c : EnergyCategory.values())
                {
                    sb.append(',').append(energy.energyPj(c, e));
                }
                sb.append(',').append(energy.dynamicPj(e)).append(',').append(energy.totalPj(e));
                sb.append(',').append(e.cycles * ns).append('\n');
            }
        }
        return sb.toString();
    }
}
