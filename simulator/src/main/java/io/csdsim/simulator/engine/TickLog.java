package io.csdsim.simulator.engine;

import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.energy.EnergyEvents;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventCounts;
import io.csdsim.simulator.event.EventRegistry;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What the chip did, tick by tick: one primitive column per event stored per tick
 * ({@link EventRegistry#storedPerTick}), one row per tick; a tick's energy is priced from its counts
 * by the chip's energy model when asked for (not stored twice).
 */
public final class TickLog
{
    private static final List<CountedEvent> COLUMNS = EventRegistry.storedPerTick();
    private final LongArrayList[] columns = new LongArrayList[EventRegistry.STORED_ID_LIMIT];
    private final EnergyModel energy;
    /** Cores the program occupies: all draw static power every tick. */
    private final int cores;
    /** The host's input stage of a tick not logged yet: its tick, and its MACs. */
    private int pendingInputTick = -1;
    private long pendingInputMacs;

    TickLog(final EnergyModel energy, final int cores)
    {
        this(energy, cores, 0);
    }

    /** A log with room for {@code ticks} rows from the start. */
    TickLog(final EnergyModel energy, final int cores, final int ticks)
    {
        this.energy = energy;
        this.cores = cores;
        for (final CountedEvent e : COLUMNS)
        {
            columns[e.id] = new LongArrayList(ticks);
        }
    }

    /** Appends one tick, each count to its event's column. */
    void add(final TickRow r)
    {
        add(r::get);
    }

    /** Appends one tick whose count of each stored event {@code value} gives (a decoded result's, or a timed row's). */
    void add(final ToLongFunction<CountedEvent> value)
    {
        final int tick = ticks();
        for (final CountedEvent e : COLUMNS)
        {
            columns[e.id].add(value.applyAsLong(e));
        }
        if (tick == pendingInputTick)
        {
            columns[CountedEvents.INPUT_MACS.id].set(tick, pendingInputMacs);
            pendingInputTick = -1;
        }
    }

    /** Records the tick in which the host's input stage, of so many MACs, feeds the chip (logged or not yet). */
    void inputStage(final int tick, final long macs)
    {
        if (tick < ticks())
        {
            columns[CountedEvents.INPUT_MACS.id].set(tick, macs);
        }
        else
        {
            pendingInputTick = tick;
            pendingInputMacs = macs;
        }
    }

    /** @return the counts of one tick. */
    public EventCounts counts(final int tick)
    {
        return EventCounts.of(TickLog::stores, e -> columns[e.id].get(tick));
    }

    /** @return the counts of every tick, summed. */
    public EventCounts totals()
    {
        return EventCounts.of(TickLog::stores, e -> columns[e.id].sum());
    }

    /** @return whether a tick log stores the event (the standard events counted per tick). */
    public static boolean stores(final CountedEvent e)
    {
        return e.perTick && e.id < EventRegistry.STORED_ID_LIMIT;
    }

    /** @return the counted events of one tick, every core powered for its cycles. */
    public EnergyEvents events(final int tick)
    {
        final EnergyEvents e = EnergyEvents.of(counts(tick));
        e.cycles = columns[CountedEvents.CYCLES.id].get(tick);
        e.cores = cores;
        return e;
    }

    /** @return one tick's energy of one category, in pJ, as the chip's energy model prices it. */
    public double energyPj(final int tick, final EnergyCategory c)
    {
        return energy.energyPj(c, events(tick));
    }

    /** @return the energy model that prices this log's ticks. */
    public EnergyModel energyModel()
    {
        return energy;
    }

    public int ticks()
    {
        return columns[CountedEvents.CYCLES.id].size();
    }

    /** @return an event's count in one tick (derived events included). */
    public long get(final int tick, final CountedEvent e)
    {
        return stores(e) ? columns[e.id].get(tick) : counts(tick).count(e);
    }

    /** @return an event's count over every tick. */
    public long total(final CountedEvent e)
    {
        return stores(e) ? columns[e.id].sum() : totals().count(e);
    }

    /** @return an event's largest count in one tick (a stored event). */
    public long max(final CountedEvent e)
    {
        final LongArrayList c = columns[e.id];
        return c.isEmpty() ? 0 : c.max();
    }
}
