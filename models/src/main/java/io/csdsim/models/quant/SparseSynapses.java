package io.csdsim.models.quant;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Synapses given one by one — source, target, weight mantissa, delay — as importers and hand-made
 * networks have them, turned into sparse projections in compressed rows: one projection per distinct
 * delay, since a projection's spikes all arrive after one delay. Splitting by delay is exact: a
 * target sums the currents of every projection that reaches it in a tick.
 */
public final class SparseSynapses
{
    private final int sources;
    private final int targets;
    private final IntArrayList from = new IntArrayList();
    private final IntArrayList to = new IntArrayList();
    private final IntArrayList weight = new IntArrayList();
    private final IntArrayList delay = new IntArrayList();

    /** Synapses from a population of {@code sources} units to one of {@code targets} units. */
    public SparseSynapses(final int sources, final int targets)
    {
        this.sources = sources;
        this.targets = targets;
    }

    /** Adds a synapse; a weight outside a 16-bit mantissa or a delay below 1 is refused. */
    public SparseSynapses add(final int source, final int target, final int mantissa, final int ticks)
    {
        if (source < 0 || source >= sources || target < 0 || target >= targets)
        {
            throw new IllegalArgumentException("synapse " + source + " → " + target + " outside " + sources + " → " + targets + " units");
        }
        if (mantissa < Short.MIN_VALUE || mantissa > Short.MAX_VALUE || ticks < 1)
        {
            throw new IllegalArgumentException("synapse " + source + " → " + target + ": weight " + mantissa + ", delay " + ticks
                + "; expected a 16-bit weight and a delay >= 1");
        }
        from.add(source);
        to.add(target);
        weight.add(mantissa);
        delay.add(ticks);
        return this;
    }

    /** @return the synapses added so far. */
    public int size()
    {
        return from.size();
    }

    /**
     * @return one sparse projection per distinct delay, shortest first, numbered from {@code firstId};
     * within a row, synapses keep the order they were added in.
     */
    public List<Projection> projections(final int firstId, final String name, final int sourceA)
    {
        final TreeMap<Integer, IntArrayList> byDelay = new TreeMap<>();
        for (int k = 0; k < from.size(); k++)
        {
            byDelay.computeIfAbsent(delay.get(k), d -> new IntArrayList()).add(k);
        }
        final List<Projection> out = new ArrayList<>();
        for (final var entry : byDelay.entrySet())
        {
            final IntArrayList ks = entry.getValue();
            final int[] rowStart = new int[sources + 1];
            for (int i = 0; i < ks.size(); i++)
            {
                rowStart[from.get(ks.get(i)) + 1]++;
            }
            for (int s = 0; s < sources; s++)
            {
                rowStart[s + 1] += rowStart[s];
            }
            final int[] fill = rowStart.clone();
            final int[] t = new int[ks.size()];
            final short[] m = new short[ks.size()];
            for (int i = 0; i < ks.size(); i++)
            {
                final int k = ks.get(i);
                final int at = fill[from.get(k)]++;
                t[at] = to.get(k);
                m[at] = (short)weight.get(k);
            }
            out.add(Projection.sparse(firstId + out.size(), name + (byDelay.size() > 1 ? "@d" + entry.getKey() : ""), sourceA, sources,
                targets, rowStart, t, m, entry.getKey()));
        }
        return out;
    }
}
