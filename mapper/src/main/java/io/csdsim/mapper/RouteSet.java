package io.csdsim.mapper;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/** Routes as parallel primitive lists: source group, target group, edge, entries. */
final class RouteSet
{
    final IntArrayList src = new IntArrayList();
    final IntArrayList dst = new IntArrayList();
    final IntArrayList edge = new IntArrayList();
    final LongArrayList entries = new LongArrayList();
    private long[] scratch = new long[0];
    private final IntArrayList touched = new IntArrayList();

    /** Adds one route of a given size (a dendrite's partial sums to its soma). */
    void addDirect(final int edgeId, final int source, final int target, final long n)
    {
        src.add(source);
        dst.add(target);
        edge.add(edgeId);
        entries.add(n);
    }

    /**
     * Adds a route from every range of the source population (ranges of {@code groupSize} units whose
     * soma groups are {@code somaOfRange}) that the fan-in overlaps, to {@code targetGroup}.
     */
    void add(final int edgeId, final Intervals fan, final int groupSize, final int[] somaOfRange, final int targetGroup)
    {
        for (int i = 0; i < fan.count(); i++)
        {
            int lo = fan.lo(i);
            final int hi = fan.hi(i);
            while (lo < hi)
            {
                final int g = lo / groupSize;
                final int end = Math.min(hi, (g + 1) * groupSize);
                if (g >= scratch.length)
                {
                    scratch = java.util.Arrays.copyOf(scratch, Math.max(2 * scratch.length, g + 1));
                }
                if (scratch[g] == 0)
                {
                    touched.add(g);
                }
                scratch[g] += end - lo;
                lo = end;
            }
        }
        touched.sortThis();
        for (int k = 0; k < touched.size(); k++)
        {
            final int g = touched.get(k);
            src.add(somaOfRange[g]);
            dst.add(targetGroup);
            edge.add(edgeId);
            entries.add(scratch[g]);
            scratch[g] = 0;
        }
        touched.clear();
    }
}
