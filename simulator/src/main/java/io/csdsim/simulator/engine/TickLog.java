package io.csdsim.simulator.engine;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * What the chip did, tick by tick: one primitive column per quantity, one row per tick.
 */
public final class TickLog
{
    /** The quantities recorded per tick. */
    public enum Column
    {
        CYCLES, SOPS, DYNAMIC_OPS, NEURON_UPDATES, ACTIVE_UPDATES, SPIKES, PACKETS, HOPS_X, HOPS_Y, CHIP_CROSSINGS, WAIT_CYCLES,
        PEAK_LINK_LOAD, SATURATIONS
    }

    private final LongArrayList[] columns = new LongArrayList[Column.values().length];

    TickLog()
    {
        for (int i = 0; i < columns.length; i++)
        {
            columns[i] = new LongArrayList();
        }
    }

    /** Appends one tick, each figure to its column by name. */
    void add(final TickRow r)
    {
        column(Column.CYCLES).add(r.cycles);
        column(Column.SOPS).add(r.sops);
        column(Column.DYNAMIC_OPS).add(r.dynamicOps);
        column(Column.NEURON_UPDATES).add(r.neuronUpdates);
        column(Column.ACTIVE_UPDATES).add(r.activeUpdates);
        column(Column.SPIKES).add(r.spikes);
        column(Column.PACKETS).add(r.packets);
        column(Column.HOPS_X).add(r.hopsX);
        column(Column.HOPS_Y).add(r.hopsY);
        column(Column.CHIP_CROSSINGS).add(r.chipCrossings);
        column(Column.WAIT_CYCLES).add(r.waitCycles);
        column(Column.PEAK_LINK_LOAD).add(r.peakLinkLoad);
        column(Column.SATURATIONS).add(r.saturations);
    }

    private LongArrayList column(final Column c)
    {
        return columns[c.ordinal()];
    }

    public int ticks()
    {
        return columns[0].size();
    }

    public long get(final int tick, final Column c)
    {
        return columns[c.ordinal()].get(tick);
    }

    public long total(final Column c)
    {
        return columns[c.ordinal()].sum();
    }

    public long max(final Column c)
    {
        return columns[c.ordinal()].isEmpty() ? 0 : columns[c.ordinal()].max();
    }
}
