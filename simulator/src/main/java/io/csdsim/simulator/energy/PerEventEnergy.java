package io.csdsim.simulator.energy;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-event model (docs/timing-model.md, "Energy"): every counted event costs the spec figures
 * its declaration names ({@link CountedEvents}), each in the category that sums that figure — the
 * categories of Davies et al. 2018's Table 2 and the per-message and per-neuron ones calibrated
 * Loihi models (SANA-FE) add — and every core draws its static power for as long as the span lasts.
 */
final class PerEventEnergy extends EnergyModel
{
    /** Per category (by ordinal): the events it prices and each one's figure, in declaration order. */
    private final CountedEvent[][] events = new CountedEvent[EnergyCategory.values().length][];
    private final double[][] figures = new double[EnergyCategory.values().length][];
    private final double staticMw;
    private final double clockNs;

    PerEventEnergy(final ChipSpec s)
    {
        for (final EnergyCategory c : EnergyCategory.values())
        {
            final List<CountedEvent> priced = new ArrayList<>();
            final List<Double> pj = new ArrayList<>();
            for (final CountedEvent e : CountedEvents.ALL)
            {
                for (final ChipField f : e.energyFigures)
                {
                    if (c.figures.contains(f))
                    {
                        priced.add(e);
                        pj.add(s.get(f));
                    }
                }
            }
            if (!c.isStatic && priced.isEmpty())
            {
                throw new IllegalStateException("no counted event is priced by " + c.figures + " (energy category " + c.label + ")");
            }
            events[c.ordinal()] = priced.toArray(CountedEvent[]::new);
            figures[c.ordinal()] = pj.stream().mapToDouble(Double::doubleValue).toArray();
        }
        staticMw = s.get(ChipField.ENERGY_STATIC_MW_PER_CORE);
        clockNs = 1000.0 / s.get(ChipField.TIMING_CLOCK_MHZ);
    }

    @Override
    public double energyPj(final EnergyCategory c, final EnergyEvents e)
    {
        if (c.isStatic)
        {
            // mW × s × 1e9 = pJ.
            return staticMw * e.cores * (e.cycles * clockNs * 1e-9) * 1e9;
        }
        final CountedEvent[] priced = events[c.ordinal()];
        final double[] pj = figures[c.ordinal()];
        double sum = e.count(priced[0]) * pj[0];
        for (int k = 1; k < priced.length; k++)
        {
            sum += e.count(priced[k]) * pj[k];
        }
        return sum;
    }
}
