package io.csdsim.simulator.energy;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.Map;
import java.util.function.Function;

/**
 * Prices counted events in picojoules, per category. Models are chosen by the spec's
 * {@code energy.model}; each is one class and one line of {@link #MODELS}. The engine asks it for
 * every tick, the report for every core, population and run, always with integer counts, so the
 * figures are deterministic.
 */
public abstract class EnergyModel
{
    private static final Map<String, Function<ChipSpec, EnergyModel>> MODELS = Map.of(
        "per-event", PerEventEnergy::new);

    /** @return the energy model the spec names. */
    public static EnergyModel of(final ChipSpec spec)
    {
        return ChipField.ENERGY_MODEL.chosen(spec, MODELS).apply(spec);
    }

    /** @return the energy of one category for these events, in pJ. */
    public abstract double energyPj(EnergyCategory category, EnergyEvents events);

    /** @return the sum of the dynamic categories (every one but static power × time), in pJ. */
    public final double dynamicPj(final EnergyEvents events)
    {
        double sum = 0;
        for (final EnergyCategory c : EnergyCategory.values())
        {
            sum += c.isStatic ? 0 : energyPj(c, events);
        }
        return sum;
    }

    /** @return the sum of every category, in report order, in pJ. */
    public final double totalPj(final EnergyEvents events)
    {
        double sum = 0;
        for (final EnergyCategory c : EnergyCategory.values())
        {
            sum += energyPj(c, events);
        }
        return sum;
    }
}
