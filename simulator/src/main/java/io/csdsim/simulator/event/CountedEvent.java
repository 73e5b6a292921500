package io.csdsim.simulator.event;

import io.csdsim.isa.spec.ChipField;

import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * One kind of event the chip's run counts, declared once with its unit, the spec figure that prices
 * it (if any), the spans that store it and its name in every output it appears in. Counts are
 * stored by the event's {@link #id}, so no layout has to follow an order declared elsewhere.
 */
public final class CountedEvent
{
    /** The outputs an event may appear in. */
    public enum Output
    {
        /** A column of the {@code --ticks} CSV, per sample and tick. */
        TICKS,
        /** A key of the JSON report's {@code totals}. */
        TOTALS,
        /** A key of each entry of the JSON report's {@code cores}. */
        CORES,
        /** A line of the text summary, per sample. */
        SUMMARY,
        /** A row of the HTML page's summary table, per sample. */
        PAGE,
        /** A column of a sweep's rows, per sample. */
        SWEEP
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    /** Where the event's counts are kept: an index of its own, given when it is declared. */
    public final int id;
    /** The key of the JSON report's totals and of the result codec. */
    public final String key;
    /** The key of a JSON report's per-core entries. */
    public final String coreKey;
    /** The header of its CSV columns (ticks, sweep). */
    public final String csvName;
    /** What the text summary prints. */
    public final String label;
    /** What one count is: "operations", "cycles", "packets", … */
    public final String unit;
    /** The spec figures that price one count (each in its energy category); empty when none does. */
    public final java.util.List<ChipField> energyFigures;
    /** Stored per tick by the tick log. */
    public final boolean perTick;
    /** Stored per core by the per-core sums. */
    public final boolean perCore;
    /** The text summary leaves it out when the run has none. */
    public final boolean omittedWhenZero;
    /** How a span that does not store it derives it from what it stores; null: it is zero there. */
    final ToLongFunction<EventCounts> derivation;
    private final EnumSet<Output> shown;

    private CountedEvent(final Builder b)
    {
        id = IDS.getAndIncrement();
        key = b.key;
        coreKey = b.coreKey == null ? b.key : b.coreKey;
        csvName = Objects.requireNonNull(b.csvName, "csvName of " + b.key);
        label = b.label == null ? b.key : b.label;
        unit = Objects.requireNonNull(b.unit, "unit of " + b.key);
        energyFigures = java.util.List.of(b.energyFigures);
        perTick = b.perTick;
        perCore = b.perCore;
        omittedWhenZero = b.omittedWhenZero;
        derivation = b.derivation;
        shown = b.shown;
    }

    /** @return a builder of an event the engine counts. */
    public static Builder counted(final String key)
    {
        return new Builder(key, null);
    }

    /** @return a builder of an event no span stores: every span computes it from its other counts. */
    public static Builder derived(final String key, final ToLongFunction<EventCounts> derivation)
    {
        return new Builder(key, Objects.requireNonNull(derivation));
    }

    /** @return whether the event appears in that output. */
    public boolean shownIn(final Output output)
    {
        return shown.contains(output);
    }

    @Override
    public String toString()
    {
        return key;
    }

    /** The declaration of one event: names, unit, spans, outputs. */
    public static final class Builder
    {
        private final String key;
        private ToLongFunction<EventCounts> derivation;
        private String coreKey;
        private String csvName;
        private String label;
        private String unit;
        private ChipField[] energyFigures = {};
        private boolean perTick;
        private boolean perCore;
        private boolean omittedWhenZero;
        private final EnumSet<Output> shown = EnumSet.noneOf(Output.class);

        private Builder(final String key, final ToLongFunction<EventCounts> derivation)
        {
            this.key = Objects.requireNonNull(key);
            this.derivation = derivation;
        }

        public Builder csv(final String name)
        {
            csvName = name;
            return this;
        }

        public Builder label(final String text)
        {
            label = text;
            return this;
        }

        public Builder unit(final String what)
        {
            unit = what;
            return this;
        }

        public Builder pricedBy(final ChipField... figures)
        {
            energyFigures = figures.clone();
            return this;
        }

        /** Stored per tick. */
        public Builder perTick()
        {
            perTick = true;
            return this;
        }

        /** Stored per core, under the event's key in the report's per-core entries. */
        public Builder perCore()
        {
            perCore = true;
            return this;
        }

        /** Stored per core, under this key in the report's per-core entries. */
        public Builder perCore(final String key)
        {
            perCore = true;
            coreKey = key;
            return this;
        }

        /** Where a span does not store it, it is derived so (stored spans keep their own count). */
        public Builder elsewhere(final ToLongFunction<EventCounts> f)
        {
            derivation = f;
            return this;
        }

        public Builder omittedWhenZero()
        {
            omittedWhenZero = true;
            return this;
        }

        public Builder shown(final Output... outputs)
        {
            shown.addAll(java.util.List.of(outputs));
            return this;
        }

        public CountedEvent build()
        {
            if (derivation == null && !perTick && !perCore)
            {
                throw new IllegalStateException(key + ": a counted event must be stored per tick or per core");
            }
            return new CountedEvent(this);
        }
    }
}
