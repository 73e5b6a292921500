package io.csdsim.simulator.engine;

import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.energy.EnergyEvents;
import io.csdsim.simulator.energy.EnergyModel;

import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * What the chip did, tick by tick: one primitive column per quantity, one row per tick; a tick's
 * energy is priced from its counts by the chip's energy model when asked for (not stored twice).
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
        SATURATIONS("saturations", "saturations"),
        /** Spikes the host injected through spike sources: routed like any, but no neuron fired them. */
        INPUT_SPIKES("inputSpikes", "input_spikes"),
        /** Accumulator compartments that summed input and forwarded it (a residual stream summed once). */
        ACCUMULATOR_UPDATES("accumulatorUpdates", "accumulator_updates"),
        /** Of the spikes, those that carried a payload (graded spikes of accumulators). */
        GRADED_SPIKES("gradedSpikes", "graded_spikes");

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

    /** The columns in declaration order, read once: {@code values()} copies its array at every call. */
    private static final Column[] COLUMNS = Column.values();
    private final LongArrayList[] columns = new LongArrayList[COLUMNS.length];
    private final EnergyModel energy;
    /** Cores the program occupies: all draw static power every tick. */
    private final int cores;
    /** The tick the host's input stage feeds the chip, and its MACs (priced in that tick). */
    private int inputTick = -1;
    private long inputMacs;

    TickLog(final EnergyModel energy, final int cores)
    {
        this(energy, cores, 0);
    }

    /** A log with room for {@code ticks} rows from the start. */
    TickLog(final EnergyModel energy, final int cores, final int ticks)
    {
        this.energy = energy;
        this.cores = cores;
        for (int i = 0; i < columns.length; i++)
        {
            columns[i] = new LongArrayList(ticks);
        }
    }

    /** Appends one tick, each figure to its column by name. */
    void add(final TickRow r)
    {
        add(r::get);
    }

    /** Appends one tick whose figure of each column {@code value} gives (a decoded result's, or a timed row's). */
    void add(final java.util.function.ToLongFunction<Column> value)
    {
        for (final Column c : COLUMNS)
        {
            column(c).add(value.applyAsLong(c));
        }
    }

    /** Records the tick in which the host's input stage, of so many MACs, feeds the chip. */
    void inputStage(final int tick, final long macs)
    {
        inputTick = tick;
        inputMacs = macs;
    }

    /** @return the counted events of one tick, every core powered for its cycles. */
    public EnergyEvents events(final int tick)
    {
        final EnergyEvents e = events(c -> get(tick, c));
        e.inputMacs = tick == inputTick ? inputMacs : 0;
        e.cores = cores;
        return e;
    }

    /**
     * @return the events the columns count — one tick's, or sums over ticks and samples — with their
     * cycles; the host's input MACs and the cores powered are the caller's to state.
     */
    public static EnergyEvents events(final java.util.function.ToLongFunction<Column> count)
    {
        final EnergyEvents e = new EnergyEvents();
        e.sops = count.applyAsLong(Column.SOPS);
        e.dynamicOps = count.applyAsLong(Column.DYNAMIC_OPS);
        e.neuronUpdates = count.applyAsLong(Column.NEURON_UPDATES);
        e.activeUpdates = count.applyAsLong(Column.ACTIVE_UPDATES);
        e.spikes = count.applyAsLong(Column.SPIKES);
        // Every packet is received by one core.
        e.messagesSent = count.applyAsLong(Column.PACKETS);
        e.messagesReceived = e.messagesSent;
        e.hopsX = count.applyAsLong(Column.HOPS_X);
        e.hopsY = count.applyAsLong(Column.HOPS_Y);
        e.chipCrossings = count.applyAsLong(Column.CHIP_CROSSINGS);
        e.cycles = count.applyAsLong(Column.CYCLES);
        e.accumulatorUpdates = count.applyAsLong(Column.ACCUMULATOR_UPDATES);
        e.gradedSpikes = count.applyAsLong(Column.GRADED_SPIKES);
        return e;
    }

    /** @return the tick the host's input stage fed the chip, or -1. */
    int inputTick()
    {
        return inputTick;
    }

    /** @return the MACs of the host's input stage. */
    long inputMacs()
    {
        return inputMacs;
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
