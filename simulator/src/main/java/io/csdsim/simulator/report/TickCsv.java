package io.csdsim.simulator.report;

import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.energy.EnergyEvents;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickLog;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.EventCounts;
import io.csdsim.simulator.event.EventRegistry;

import java.util.List;

/** The {@code --ticks} CSV of a run: one row per sample and tick, its counts, energy by category and latency. */
final class TickCsv
{
    private TickCsv()
    {
    }

    /** @return one CSV row per sample and tick. */
    static String of(final SimulationReport r)
    {
        final List<SampleResult> samples = r.sampleResults();
        final EventRegistry events = r.events();
        final EnergyModel energy = r.energyModel();
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
        final double ns = r.clockNs();
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
                    sb.append(',').append(ShortestNumbers.of(energy.energyPj(c, e)));
                }
                sb.append(',').append(ShortestNumbers.of(energy.dynamicPj(e))).append(',').append(ShortestNumbers.of(energy.totalPj(e)));
                sb.append(',').append(ShortestNumbers.of(e.cycles * ns)).append('\n');
            }
        }
        return sb.toString();
    }
}
