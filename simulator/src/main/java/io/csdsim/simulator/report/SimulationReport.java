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
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickLog;

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
    public static final int SCHEMA_VERSION = 2;

    private final ChipProgram program;
    private final List<SampleResult> samples;
    private final int[] labels;
    private final long[] totals = new long[TickLog.Column.values().length];
    private long cycles;
    private long maxTickCycles;
    private long inputMacs;
    private final long[] populationSpikes;
    private final long[] populationSops;
    private final long denseMacs;

    public SimulationReport(final ChipProgram program, final List<SampleResult> samples, final int[] labels)
    {
        this.program = program;
        this.samples = samples;
        this.labels = labels;
        populationSpikes = new long[program.populations().size()];
        populationSops = new long[program.populations().size()];
        for (final SampleResult r : samples)
        {
            for (final TickLog.Column c : TickLog.Column.values())
            {
                totals[c.ordinal()] += r.ticks.total(c);
            }
            cycles += r.ticks.total(TickLog.Column.CYCLES);
            maxTickCycles = Math.max(maxTickCycles, r.ticks.max(TickLog.Column.CYCLES));
            inputMacs += r.inputMacs;
            for (int p = 0; p < populationSpikes.length; p++)
            {
                final ProgramPopulation q = program.populations().get(p);
                if (r.counts[p] != null && (q.kind() == ProgramPopulation.Kind.DIF || q.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL))
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

    /** Every synapse of every table edge once (the dense network's MACs), the input stage's included. */
    private static long denseMacs(final ChipProgram p)
    {
        long macs = 0;
        for (final ProgramEdge e : p.edges())
        {
            if (e.kind() != ProgramEdge.Kind.TABLE)
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

    public long total(final TickLog.Column c)
    {
        return totals[c.ordinal()];
    }

    public int samples()
    {
        return samples.size();
    }

    public long inputMacs()
    {
        return inputMacs;
    }

    private double clockNs()
    {
        return 1000.0 / program.spec.get(ChipField.TIMING_CLOCK_MHZ);
    }

    /** @return the energy of one category, in pJ, summed over samples. */
    public double energyPj(final EnergyCategory c)
    {
        final ChipSpec s = program.spec;
        return switch (c)
        {
            case SYNAPTIC_OPS -> total(TickLog.Column.SOPS) * s.get(ChipField.ENERGY_SYN_OP_PJ);
            case DYNAMIC_OPS -> total(TickLog.Column.DYNAMIC_OPS) * s.get(ChipField.ENERGY_DYNAMIC_OP_PJ);
            case NEURON_UPDATES -> total(TickLog.Column.ACTIVE_UPDATES) * s.get(ChipField.ENERGY_NEURON_ACTIVE_PJ)
                + (total(TickLog.Column.NEURON_UPDATES) - total(TickLog.Column.ACTIVE_UPDATES)) * s.get(ChipField.ENERGY_NEURON_IDLE_PJ);
            case SPIKES -> total(TickLog.Column.SPIKES) * s.get(ChipField.ENERGY_SPIKE_PJ);
            case HOPS -> total(TickLog.Column.HOPS_X) * s.get(ChipField.ENERGY_HOP_X_PJ) + total(TickLog.Column.HOPS_Y) * s.get(ChipField.ENERGY_HOP_Y_PJ);
            case CHIP_CROSSINGS -> total(TickLog.Column.CHIP_CROSSINGS) * s.get(ChipField.ENERGY_CHIP_CROSSING_PJ);
            case INPUT_MACS -> inputMacs * s.get(ChipField.ENERGY_INPUT_MAC_PJ);
            case STATIC -> {
                final double seconds = cycles * clockNs() * 1e-9;
                final long cores = program.groups().stream().mapToInt(NeuronGroup::core).distinct().count();
                yield s.get(ChipField.ENERGY_STATIC_MW_PER_CORE) * cores * seconds * 1e9;
            }
        };
    }

    /** The paper-style estimate: 0.9 pJ per SOP + 4.6 pJ per input MAC (45 nm, Spikformer family). */
    public double paperStylePj()
    {
        return 0.9 * total(TickLog.Column.SOPS) + 4.6 * inputMacs;
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
        line(sb, "synaptic ops (SOPs)", total(TickLog.Column.SOPS) / (double)n);
        line(sb, "dynamic (TDEC) ops", total(TickLog.Column.DYNAMIC_OPS) / (double)n);
        line(sb, "neuron updates", total(TickLog.Column.NEURON_UPDATES) / (double)n);
        line(sb, "spikes", total(TickLog.Column.SPIKES) / (double)n);
        line(sb, "packets", total(TickLog.Column.PACKETS) / (double)n);
        line(sb, "hops", (total(TickLog.Column.HOPS_X) + total(TickLog.Column.HOPS_Y)) / (double)n);
        line(sb, "chip crossings", total(TickLog.Column.CHIP_CROSSINGS) / (double)n);
        line(sb, "contention waits (cyc)", total(TickLog.Column.WAIT_CYCLES) / (double)n);
        line(sb, "input MACs (host)", inputMacs / (double)n);
        line(sb, "dense-equivalent MACs", denseMacs);
        line(sb, "saturations", total(TickLog.Column.SATURATIONS) / (double)n);
        sb.append(String.format(Locale.ROOT, "%nenergy per sample (chip model, %s)%n", program.spec.name()));
        double sum = 0;
        for (final EnergyCategory c : EnergyCategory.values())
        {
            final double e = energyPj(c);
            sb.append(String.format(Locale.ROOT, "  %-24s %14.4f µJ%n", c.label, e / n / 1e6));
            sum += e;
        }
        sb.append(String.format(Locale.ROOT, "  %-24s %14.4f µJ%n", "total", sum / n / 1e6));
        sb.append(String.format(Locale.ROOT, "paper-style estimate      %14.4f µJ  (0.9 pJ × SOPs + 4.6 pJ × input MACs, 45 nm; no memory access)%n%n",
            paperStylePj() / n / 1e6));
        sb.append(String.format(Locale.ROOT, "latency  %d ticks per sample, %,.0f cycles = %,.1f µs; mean tick %,.1f ns, longest %,d cycles%n",
            ticks, cycles / (double)n, sampleNs / 1e3, meanTickNs, maxTickCycles));
        sb.append(String.format(Locale.ROOT, "throughput  %,.0f samples/s pipelined (a new sample every %d ticks)%n", meanTickNs == 0 ? 0
            : 1e9 / (program.initiationInterval * meanTickNs), program.initiationInterval));
        if (!samples.isEmpty())
        {
            sb.append("\npredicted classes: ");
            int correct = 0;
            for (int i = 0; i < samples.size(); i++)
            {
                sb.append(i == 0 ? "" : " ").append(samples.get(i).predictedClass());
                correct += labels != null && labels[i] == samples.get(i).predictedClass() ? 1 : 0;
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
            j.writeStringField("model", program.name);
            j.writeStringField("chip", program.spec.name());
            j.writeNumberField("chips", program.chips);
            j.writeNumberField("coreCount", program.groups().size());
            j.writeNumberField("T", program.timeWindow);
            j.writeNumberField("D", program.delay);
            j.writeNumberField("samples", samples.size());
            j.writeObjectFieldStart("totals");
            for (final TickLog.Column c : TickLog.Column.values())
            {
                j.writeNumberField(c.jsonKey, total(c));
            }
            j.writeNumberField("inputMacs", inputMacs);
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
                if (p.kind() == ProgramPopulation.Kind.DIF || p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL)
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
            j.writeArrayFieldStart("cores");
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
                long sops = 0;
                long dyn = 0;
                long spikes = 0;
                long packets = 0;
                long busy = 0;
                for (final SampleResult r : samples)
                {
                    sops += r.groupSops[g.id()];
                    dyn += r.groupDynamicOps[g.id()];
                    spikes += r.groupSpikes[g.id()];
                    packets += r.groupPackets[g.id()];
                    busy += r.groupBusyCycles[g.id()];
                }
                j.writeNumberField("sops", sops);
                j.writeNumberField("dynamicOps", dyn);
                j.writeNumberField("spikes", spikes);
                j.writeNumberField("packetsSent", packets);
                j.writeNumberField("busyCycles", busy);
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("predictions");
            for (int i = 0; i < samples.size(); i++)
            {
                j.writeStartObject();
                j.writeNumberField("sample", i);
                j.writeNumberField("class", samples.get(i).predictedClass());
                if (labels != null)
                {
                    j.writeNumberField("label", labels[i]);
                }
                j.writeArrayFieldStart("logits");
                for (final long v : samples.get(i).logits)
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

    /** @return one CSV row per sample and tick. */
    public String ticksCsv()
    {
        final StringBuilder sb = new StringBuilder("sample,tick");
        for (final TickLog.Column c : TickLog.Column.values())
        {
            sb.append(',').append(c.csvName);
        }
        sb.append('\n');
        for (int i = 0; i < samples.size(); i++)
        {
            final TickLog log = samples.get(i).ticks;
            for (int t = 0; t < log.ticks(); t++)
            {
                sb.append(i).append(',').append(t);
                for (final TickLog.Column c : TickLog.Column.values())
                {
                    sb.append(',').append(log.get(t, c));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
