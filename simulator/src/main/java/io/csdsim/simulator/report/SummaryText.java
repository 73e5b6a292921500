package io.csdsim.simulator.report;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventRegistry;

import java.util.List;
import java.util.Locale;

/** The text summary of a run, per sample: what {@code csdsim simulate} prints. */
final class SummaryText
{
    /** The summary's order of its first lines, older than the registry (the dense-equivalent MACs precede saturations). */
    private static final CountedEvent[] SUMMARY_FIRST = {CountedEvents.SOPS, CountedEvents.DYNAMIC_OPS, CountedEvents.NEURON_UPDATES,
        CountedEvents.SPIKES, CountedEvents.INPUT_SPIKES, CountedEvents.PACKETS, CountedEvents.HOPS, CountedEvents.CHIP_CROSSINGS,
        CountedEvents.WAIT_CYCLES, CountedEvents.INPUT_MACS, CountedEvents.SATURATIONS};

    private SummaryText()
    {
    }

    static String of(final SimulationReport r)
    {
        final ChipProgram program = r.program();
        final List<SampleResult> samples = r.sampleResults();
        final long cycles = r.cycles();
        final long maxTickCycles = r.longestTickCycles();
        final int[] labels = r.labels();
        final EventRegistry events = r.events();
        final long denseMacs = r.denseMacs();
        final int cores = r.cores();
        final StringBuilder sb = new StringBuilder();
        final int n = Math.max(1, samples.size());
        final double ns = r.clockNs();
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
            final long v = r.total(e);
            if (v != 0 || !e.omittedWhenZero)
            {
                line(sb, e.label, v / (double)n);
            }
        }
        sb.append(String.format(Locale.ROOT, "%nenergy per sample (chip model, %s)%n", program.spec.name()));
        for (final EnergyCategory c : EnergyCategory.values())
        {
            sb.append(String.format(Locale.ROOT, "  %-24s %14.4f µJ%n", c.label, r.energyPj(c) / n / 1e6));
        }
        sb.append(String.format(Locale.ROOT, "  %-24s %14.4f µJ%n", "total", r.totalEnergyPj() / n / 1e6));
        sb.append(String.format(Locale.ROOT, "  of which dynamic        %14.4f µJ  (per event: what peer tools such as SANA-FE report)%n",
            r.dynamicEnergyPj() / n / 1e6));
        sb.append(String.format(Locale.ROOT, "  of which static         %14.4f µJ  (%s mW per core × %d cores × the sample's time)%n",
            r.energyPj(EnergyCategory.STATIC) / n / 1e6, ChipField.ENERGY_STATIC_MW_PER_CORE.format(program.spec.get(ChipField.ENERGY_STATIC_MW_PER_CORE)),
            cores));
        sb.append(String.format(Locale.ROOT, "paper-style estimate      %14.4f µJ  (0.9 pJ × SOPs + 4.6 pJ × input MACs, 45 nm; no memory access)%n%n",
            r.paperStylePj() / n / 1e6));
        sb.append(String.format(Locale.ROOT, "latency  %d ticks per sample, %,.0f cycles = %,.1f µs; mean tick %,.1f ns, longest %,d cycles%n",
            ticks, cycles / (double)n, sampleNs / 1e3, meanTickNs, maxTickCycles));
        sb.append(String.format(Locale.ROOT, "throughput  %,.0f samples/s pipelined (a new sample every %d ticks)%n", meanTickNs == 0 ? 0
            : 1e9 / (program.initiationInterval * meanTickNs), program.initiationInterval));
        // Classes exist where the program has a host classifier (CSDformer's readout); a generic network has none to predict.
        if (!samples.isEmpty() && r.logits(0).length > 0)
        {
            sb.append("\npredicted classes: ");
            int correct = 0;
            for (int i = 0; i < samples.size(); i++)
            {
                sb.append(i == 0 ? "" : " ").append(r.predictedClass(i));
                correct += labels != null && labels[i] == r.predictedClass(i) ? 1 : 0;
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
}
