package io.csdsim.simulator.engine;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * What the chip did, tick by tick: one primitive column per quantity, one row per tick.
 */
public final class TickLog
{
    /** The quantities recorded per tick, in column order. */
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

    void add(final long... row)
    {
        for (int i = 0; i < columns.length; i++)
        {
            columns[i].add(row[i]);
        }
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
