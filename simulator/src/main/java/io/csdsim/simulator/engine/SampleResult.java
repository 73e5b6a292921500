package io.csdsim.simulator.engine;

import org.eclipse.collections.api.list.primitive.IntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * One sample on the chip: spike counts per population, readout accumulators, saturations, the tick log,
 * per-population synaptic operations, the host's input MACs, and — when asked for — the spike trains.
 */
public final class SampleResult
{
    public final int[][] counts;
    /**
     * Per population: the readout accumulators' values after the last tick (ACCUMULATOR populations;
     * null elsewhere), for the host's post-processing ({@code simulator.readout}).
     */
    public final long[][] accumulators;
    public final long saturations;
    public final TickLog ticks;
    public final long[] populationSops;
    public final long inputMacs;
    /** Per group (one per core), summed over ticks: what it did, by name. */
    public final GroupSums perGroup;
    /** Per router place (x · height + y): packets the links leaving it carried, when the engine records them; else null. */
    public final long[] routerLinkLoads;
    private final IntArrayList[][] trains;

    /**
     * What a sample left per population: spike counts, readout values, SOPs of the tables into it,
     * and (null unless kept) its spike trains per tick.
     */
    record Populations(int[][] counts, long[][] accumulators, long[] sops, IntArrayList[][] trains)
    {
    }

    SampleResult(final Populations populations, final long saturations, final long inputMacs, final TickLog ticks, final GroupSums perGroup,
        final long[] routerLinkLoads)
    {
        this.counts = populations.counts();
        this.accumulators = populations.accumulators();
        this.populationSops = populations.sops();
        this.trains = populations.trains();
        this.saturations = saturations;
        this.inputMacs = inputMacs;
        this.ticks = ticks;
        this.perGroup = perGroup;
        this.routerLinkLoads = routerLinkLoads;
    }

    /** @return the units of population p that fired in tick t (the trains must have been kept). */
    public IntList spikes(final int population, final int tick)
    {
        if (trains == null)
        {
            throw new IllegalStateException("spike trains were not kept for this sample");
        }
        final IntArrayList[] p = trains[population];
        return p == null || tick >= p.length || p[tick] == null ? new IntArrayList() : p[tick];
    }
}
