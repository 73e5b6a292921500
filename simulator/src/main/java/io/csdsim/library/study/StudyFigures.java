package io.csdsim.library.study;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.report.SimulationReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one point, by column name, per sample where they are counts or energies: chips and
 * cores, the counted events a sweep shows, energy by category, latency, throughput and — with
 * labels — accuracy.
 */
public final class StudyFigures
{
    /** Total energy per sample, in pJ: one axis of the Pareto front. */
    public static final String ENERGY_TOTAL = "energy_total_pj";
    /** Latency per sample, in ns: one axis of the Pareto front. */
    public static final String LATENCY = "latency_ns";
    /** Fraction of samples classified as labelled: one axis of the Pareto front, where labels exist. */
    public static final String ACCURACY = "accuracy";

    private StudyFigures()
    {
    }

    /** @return the figures of a point's run. */
    public static Map<String, Double> of(final ChipProgram program, final SimulationReport r)
    {
        final Map<String, Double> f = new LinkedHashMap<>();
        final double n = Math.max(1, r.samples());
        f.put("chips", (double)program.chips);
        f.put("cores", (double)program.occupiedCores());
        for (final CountedEvent e : r.events().shownIn(CountedEvent.Output.SWEEP))
        {
            f.put(e.csvName, r.total(e) / n);
        }
        for (final EnergyCategory c : EnergyCategory.values())
        {
            f.put(c.csvName, r.energyPj(c) / n);
        }
        final double dynamic = r.dynamicEnergyPj() / n;
        final double staticPj = r.energyPj(EnergyCategory.STATIC) / n;
        f.put("energy_dynamic_pj", dynamic);
        f.put(ENERGY_TOTAL, dynamic + staticPj);
        final double sampleNs = r.cycles() * r.clockNs() / n;
        final double meanTickNs = r.ticksPerSample() == 0 ? 0 : sampleNs / r.ticksPerSample();
        f.put(LATENCY, sampleNs);
        f.put("tick_mean_ns", meanTickNs);
        f.put("tick_max_ns", r.longestTickCycles() * r.clockNs());
        f.put("throughput_per_s", meanTickNs == 0 ? 0 : 1e9 / (program.initiationInterval * meanTickNs));
        if (r.correct() >= 0)
        {
            f.put(ACCURACY, r.correct() / n);
        }
        return f;
    }
}
