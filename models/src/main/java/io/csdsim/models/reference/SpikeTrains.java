package io.csdsim.models.reference;

import org.eclipse.collections.api.list.primitive.IntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Who spiked when: per population and tick, the indices of the neurons that fired, in increasing
 * order. The record the chip simulation is compared against, spike for spike (invariant 2).
 */
public final class SpikeTrains
{
    private final IntArrayList[][] trains;

    SpikeTrains(final int populations, final int ticks)
    {
        trains = new IntArrayList[populations][];
        for (int p = 0; p < populations; p++)
        {
            trains[p] = new IntArrayList[ticks];
        }
    }

    void enableFor(final int population)
    {
        for (int t = 0; t < trains[population].length; t++)
        {
            trains[population][t] = new IntArrayList();
        }
    }

    IntArrayList at(final int population, final int tick)
    {
        return trains[population][tick];
    }

    public int ticks()
    {
        return trains.length == 0 ? 0 : trains[0].length;
    }

    /** @return the neurons of population p that fired in tick t (empty for non-spiking populations). */
    public IntList spikes(final int population, final int tick)
    {
        final IntArrayList l = trains[population][tick];
        return l == null ? new IntArrayList() : l;
    }
}
