package io.csdsim.simulator.engine;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The spike trains of one sample: per population that fires and per tick, the units that fired, and
 * for a population of graded spikes each spike's payload, parallel to its train. Written by the
 * update phase, read by integration in later ticks and by the timing of the same tick.
 */
final class SampleSpikes
{
    /** Per population and tick: the units that fired; null for a population that never fires. */
    final IntArrayList[][] trains;
    /** Per graded population and tick: each spike's payload; null for a population of binary spikes. */
    final IntArrayList[][] payloads;

    SampleSpikes(final int populations)
    {
        trains = new IntArrayList[populations][];
        payloads = new IntArrayList[populations][];
    }

    /** Keeps population p's trains over {@code ticks} ticks, with payloads when its spikes are graded. */
    void keep(final int p, final int ticks, final boolean graded)
    {
        trains[p] = new IntArrayList[ticks];
        if (graded)
        {
            payloads[p] = new IntArrayList[ticks];
        }
    }

    /**
     * Makes every population's spike list of tick t, before any population of the tick runs, each
     * with room for as many spikes as the population fired in the tick before and a quarter more,
     * so that a list rarely grows spike by spike.
     */
    void open(final int t)
    {
        for (int id = 0; id < trains.length; id++)
        {
            if (trains[id] != null)
            {
                trains[id][t] = new IntArrayList(room(trains[id], t));
            }
            if (payloads[id] != null)
            {
                payloads[id][t] = new IntArrayList(room(payloads[id], t));
            }
        }
    }

    private static int room(final IntArrayList[] lists, final int t)
    {
        final int last = t == 0 ? 0 : lists[t - 1].size();
        return last + (last >> 2) + 4;
    }
}
