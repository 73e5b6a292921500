package io.csdsim.simulator.event;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The events a run's outputs show, in report order: the standard ones ({@link CountedEvents}) and
 * whatever a study adds ({@link #with}). Every output asks it which events it shows; none lists
 * events of its own.
 */
public final class EventRegistry
{
    /** The standard events. */
    public static final EventRegistry STANDARD = new EventRegistry(CountedEvents.ALL);
    /** The highest id of a standard event that some span stores, plus one: the size of a store indexed by id. */
    public static final int STORED_ID_LIMIT = CountedEvents.ALL.stream().filter(e -> e.perTick || e.perCore).mapToInt(e -> e.id).max()
        .orElse(-1) + 1;

    private static final List<CountedEvent> PER_TICK = CountedEvents.ALL.stream().filter(e -> e.perTick).toList();
    private static final List<CountedEvent> PER_CORE = CountedEvents.ALL.stream().filter(e -> e.perCore).toList();

    private final List<CountedEvent> events;

    private EventRegistry(final List<CountedEvent> events)
    {
        this.events = List.copyOf(events);
    }

    /** @return this registry with more events after its own (derived ones: what the engine counts is {@link CountedEvents}). */
    public EventRegistry with(final CountedEvent... more)
    {
        final List<CountedEvent> all = new ArrayList<>(events);
        for (final CountedEvent e : more)
        {
            if (events.stream().anyMatch(o -> o.key.equals(e.key)))
            {
                throw new IllegalArgumentException("an event named '" + e.key + "' is declared already");
            }
            all.add(e);
        }
        return new EventRegistry(all);
    }

    /** @return every event, in report order. */
    public List<CountedEvent> all()
    {
        return events;
    }

    /** @return the events shown in an output, in report order. */
    public List<CountedEvent> shownIn(final CountedEvent.Output output)
    {
        return events.stream().filter(e -> e.shownIn(output)).toList();
    }

    /**
     * @return the events shown in an output, {@code first} of them ahead in the order given (where an
     * output's order predates the registry), then the rest in report order.
     */
    public List<CountedEvent> shownIn(final CountedEvent.Output output, final CountedEvent... first)
    {
        final Set<CountedEvent> ordered = new LinkedHashSet<>();
        for (final CountedEvent e : first)
        {
            if (e.shownIn(output) && events.contains(e))
            {
                ordered.add(e);
            }
        }
        ordered.addAll(shownIn(output));
        return List.copyOf(ordered);
    }

    /** @return the standard events stored per tick, in report order. */
    public static List<CountedEvent> storedPerTick()
    {
        return PER_TICK;
    }

    /** @return the standard events stored per core, in report order. */
    public static List<CountedEvent> storedPerCore()
    {
        return PER_CORE;
    }

    /** @return the event of that key, or null. */
    public CountedEvent byKey(final String key)
    {
        return events.stream().filter(e -> e.key.equals(key)).findFirst().orElse(null);
    }
}
