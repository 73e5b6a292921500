package io.csdsim.simulator.report;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipField;
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

/**
 * The figures of a simulation, summed over samples: operations, traffic, energy per category from the
 * chip spec and the paper-style estimate (0.9 pJ per SOP + 4.6 pJ per input MAC), tick and sample
 * latency, throughput at the initiation interval, dense-equivalent MACs and firing rates.
 */
public final class SimulationReport
{
    /** Version of the JSON schema (docs/report-format.md). */
    public static final int SCHEMA_VERSION = 4;


    private final ChipProgram program;
    private final List<SampleResult> samples;
    private final int[] labels;
    /** The events this report shows. */
    private final EventRegistry events;
    /** Where the report comes from, or null. */
    private final Provenance provenance;
    /** Per event stored per tick (by id): its count over every tick of every sample. */
    private final long[] totals = new long[EventRegistry.STORED_ID_LIMIT];
    private long maxTickCycles;
    /** The run's events and each population's, priced by every figure asked for: made on first use. */
    private EnergyEvents runEvents;
    private EnergyEvents[] populationEvents;
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
        return EventCounts.of(TickLog::stores, e -> totals[e.id]);
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
        return totals[CountedEvents.CYCLES.id];
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

    /** @return the counted events of the whole run, every core powered throughout: made once, as every figure of the run prices them. */
    private EnergyEvents runEvents()
    {
        if (runEvents == null)
        {
            runEvents = EnergyEvents.of(totalCounts());
            runEvents.cycles = cycles();
            runEvents.cores = cores;
        }
        return runEvents;
    }

    /** @return the events of one neuron group over the run, with its share of its core's static power. */
    EnergyEvents groupEvents(final NeuronGroup g)
    {
        final EnergyEvents e = EnergyEvents.of(perGroup.counts(g.id()));
        e.cycles = cycles();
        e.cores = 1.0 / groupsOnCore[g.id()];
        return e;
    }

    /**
     * @return per population, the events of its groups (dendrites and relays serving it included)
     * with their shares of their cores, and the host's input MACs where it takes the input stage:
     * one pass over the groups, in group order, made once.
     */
    EnergyEvents[] populationEvents()
    {
        if (populationEvents != null)
        {
            return populationEvents;
        }
        final EnergyEvents[] events = new EnergyEvents[program.populations().size()];
        for (int p = 0; p < events.length; p++)
        {
            events[p] = new EnergyEvents();
            events[p].cycles = cycles();
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
        populationEvents = events;
        return events;
    }

    /** @return the energy of one category, in pJ, summed over samples. */
    public double energyPj(final EnergyCategory c)
    {
        return energy.energyPj(c, runEvents());
    }

    /** @return the energy of every category, in pJ, summed over samples: the report's total. */
    public double totalEnergyPj()
    {
        return energy.totalPj(runEvents());
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

    /** @return the text summary, per sample: what {@code csdsim simulate} prints. */
    public String summary()
    {
        return SummaryText.of(this);
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
        ReportJson.write(this, out);
    }

    /** @return one CSV row per sample and tick. */
    public String ticksCsv()
    {
        return TickCsv.of(this);
    }

    /** @return the program that ran. */
    public ChipProgram program()
    {
        return program;
    }

    /** @return the samples' results, in sample order. */
    public List<SampleResult> sampleResults()
    {
        return samples;
    }

    /** @return where the report comes from, or null. */
    public Provenance provenance()
    {
        return provenance;
    }

    /** @return the samples' labels, or null. */
    int[] labels()
    {
        return labels;
    }

    /** @return the dense-equivalent MACs of one sample. */
    public long denseMacs()
    {
        return denseMacs;
    }

    /** @return the cores the program occupies (all draw static power). */
    public int cores()
    {
        return cores;
    }

    /** @return the energy model that prices this run. */
    public EnergyModel energyModel()
    {
        return energy;
    }

    /** Per population (by id), spikes over the run: the array itself, for the writers. */
    long[] populationSpikes()
    {
        return populationSpikes;
    }

    /** Per population (by id), SOPs into it over the run: the array itself, for the writers. */
    long[] populationSops()
    {
        return populationSops;
    }

    /** The per-group sums over the run: for the writers. */
    GroupSums perGroup()
    {
        return perGroup;
    }

    /** @return one core's (neuron group's) counts over the run, by event: what the report's {@code cores[]} entry shows. */
    public EventCounts coreCounts(final int group)
    {
        return perGroup.counts(group);
    }

    /** @return a population's spikes over the run (neurons and TDEC max-pools; 0 for others). */
    public long populationSpikes(final int population)
    {
        return populationSpikes[population];
    }

    /** @return the synaptic operations into a population over the run. */
    public long populationSops(final int population)
    {
        return populationSops[population];
    }

    /** @return a population's energy over the run, by category, its cores' static share included (the report's populationEnergy). */
    public double populationEnergyPj(final int population, final EnergyCategory c)
    {
        return energy.energyPj(c, populationEvents()[population]);
    }
}
