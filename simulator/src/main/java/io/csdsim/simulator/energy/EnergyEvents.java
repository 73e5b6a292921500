package io.csdsim.simulator.energy;

import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventCounts;
import io.csdsim.simulator.event.EventRegistry;

/**
 * The span an energy model prices — one tick, one core over a sample, a population, a whole run —:
 * the counts of its events (those it stores; the rest derived as {@link CountedEvents} declares),
 * the cycles it lasted and the cores it powered. Counts are integers summed in a fixed order, so the
 * energy of any span is the same whatever thread counted it.
 */
public final class EnergyEvents implements EventCounts
{
    private final long[] counts = new long[EventRegistry.STORED_ID_LIMIT];
    private final boolean[] stored = new boolean[EventRegistry.STORED_ID_LIMIT];
    /** Cycles the span lasted (for static power). */
    public long cycles;
    /** Cores powered over those cycles, or a neuron group's share of its core. */
    public double cores;

    /** @return the events of a span's counts, with no cycles or cores: the caller states those. */
    public static EnergyEvents of(final EventCounts c)
    {
        return new EnergyEvents().add(c);
    }

    /** Adds a span's counts of the events it stores (cycles and cores excepted: the caller states those). */
    public EnergyEvents add(final EventCounts c)
    {
        for (final CountedEvent e : CountedEvents.ALL)
        {
            if (e.id < counts.length && e != CountedEvents.CYCLES && c.stores(e))
            {
                counts[e.id] += c.stored(e);
                stored[e.id] = true;
            }
        }
        return this;
    }

    /** Sets the count of a stored event (the host's input MACs of a population). */
    public EnergyEvents set(final CountedEvent e, final long count)
    {
        counts[e.id] = count;
        stored[e.id] = true;
        return this;
    }

    @Override
    public boolean stores(final CountedEvent e)
    {
        return e.id < stored.length && stored[e.id];
    }

    @Override
    public long stored(final CountedEvent e)
    {
        return counts[e.id];
    }
}
