package io.csdsim.simulator.engine;

import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.EventRegistry;

/**
 * One tick's counts by event: what the timing phase hands the {@link TickLog}, so that neither side
 * depends on the order of the log's columns.
 */
final class TickRow
{
    private final long[] counts = new long[EventRegistry.STORED_ID_LIMIT];

    void set(final CountedEvent e, final long value)
    {
        counts[e.id] = value;
    }

    long get(final CountedEvent e)
    {
        return counts[e.id];
    }
}
