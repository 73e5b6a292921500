package io.csdsim.simulator.event;

/**
 * The counts of one span — a tick, a core over a sample, a whole run — read by event. A span stores
 * some events; the others are derived from those ({@link CountedEvent#derived}), or are zero there.
 */
public interface EventCounts
{
    /** @return whether this span stores the event's count (rather than deriving it). */
    boolean stores(CountedEvent event);

    /** @return the stored count of an event this span {@link #stores}. */
    long stored(CountedEvent event);

    /**
     * @return the counts of a span that stores the events {@code stores} accepts, each read by
     * {@code stored}
     */
    static EventCounts of(final java.util.function.Predicate<CountedEvent> stores, final java.util.function.ToLongFunction<CountedEvent> stored)
    {
        return new EventCounts()
        {
            @Override
            public boolean stores(final CountedEvent e)
            {
                return stores.test(e);
            }

            @Override
            public long stored(final CountedEvent e)
            {
                return stored.applyAsLong(e);
            }
        };
    }

    /** @return the event's count in this span: stored, else derived from what is stored, else zero. */
    default long count(final CountedEvent event)
    {
        if (stores(event))
        {
            return stored(event);
        }
        return event.derivation == null ? 0 : event.derivation.applyAsLong(this);
    }
}
