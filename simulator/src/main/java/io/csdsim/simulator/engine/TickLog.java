package io.csdsim.simulator.engine;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * What the chip did, tick by tick: one primitive column per quantity, one row per tick.
 */
public final class TickLog
{
    /** The quantities recorded per tick, each with its report key and CSV column name stated (docs/report-format.md). */
    public enum Column
    {
        CYCLES("cycles", "cycles"),
        SOPS("sops", "sops"),
        DYNAMIC_OPS("dynamicOps", "dynamic_ops"),
        NEURON_UPDATES("neuronUpdates", "neuron_updates"),
        ACTIVE_UPDATES("activeUpdates", "active_updates"),
        SPIKES("spikes", "spikes"),
        PACKETS("packets", "packets"),
        HOPS_X("hopsX", "hops_x"),
        HOPS_Y("hopsY", "hops_y"),
        CHIP_CROSSINGS("chipCrossings", "chip_crossings"),
        WAIT_CYCLES("waitCycles", "wait_cycles"),
        PEAK_LINK_LOAD("peakLinkLoad", "peak_link_load"),
        SATURATIONS("saturations", "saturations");

        /** The key of the JSON report's totals. */
        public final String jsonKey;
        /** The header of the --ticks CSV column. */
        public final String csvName;

        Column(final String jsonKey, final String csvName)
        {
            this.jsonKey = jsonKey;
            this.csvName = csvName;
        }
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
