package io.csdsim.simulator.engine;

import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.EventCounts;
import io.csdsim.simulator.event.EventRegistry;

import java.util.List;

/**
 * Per neuron group (one per core), summed over a sample's ticks by one timing thread: one array per
 * event stored per core ({@link EventRegistry#storedPerCore}), read by event.
 */
public final class GroupSums
{
    private static final List<CountedEvent> COLUMNS = EventRegistry.storedPerCore();
    private final long[][] columns = new long[EventRegistry.STORED_ID_LIMIT][];
    private final int groups;

    /** Sums of this many groups, all zero. */
    public GroupSums(final int groups)
    {
        this.groups = groups;
        for (final CountedEvent e : COLUMNS)
        {
            columns[e.id] = new long[groups];
        }
    }

    /** @return the events stored per group, in report order. */
    public static List<CountedEvent> columns()
    {
        return COLUMNS;
    }

    /** @return the number of groups. */
    public int groups()
    {
        return groups;
    }

    /** @return the per-group array of an event stored per core: the array itself (filling it fills these sums). */
    public long[] of(final CountedEvent e)
    {
        final long[] c = e.perCore && e.id < columns.length ? columns[e.id] : null;
        if (c == null)
        {
            throw new IllegalArgumentException(e.key + " is not counted per core");
        }
        return c;
    }

    /** Adds another thread's or sample's sums (integer sums: the order does not matter). */
    public void add(final GroupSums o)
    {
        for (final CountedEvent e : COLUMNS)
        {
            final long[] mine = columns[e.id];
            final long[] add = o.columns[e.id];
            for (int g = 0; g < mine.length; g++)
            {
                mine[g] += add[g];
            }
        }
    }

    /** @return the counts of one group (derived events included; none that are counted per tick only). */
    public EventCounts counts(final int g)
    {
        return EventCounts.of(e -> e.perCore && e.id < columns.length, e -> columns[e.id][g]);
    }
}
