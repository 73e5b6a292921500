package io.csdsim.simulator.engine;

import io.csdsim.isa.program.NeuronGroup;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * Which routes a spike takes, by segment. A sending group's units fall into runs over which the set
 * of its routes that carry a unit stays the same; each run keeps that set as a bitset over the
 * group's routes, one bit per route in route order. A spike finds its run by binary search and its
 * routes by the set bits, in route order, without testing a route it does not take. A bit per
 * (run, route) keeps this small even where a run is carried by thousands of routes (CSDformer-8-768
 * has hundreds of millions of (unit run, route) pairs; as ints they did not fit the default heap).
 */
final class RouteSegments
{
    /** Per group: its runs are [groupFirst[g], groupFirst[g + 1]); none for groups without routes. */
    final int[] groupFirst;
    /** Per run: its first unit (runs of a group are sorted and tile the group's units). */
    final int[] runLo;
    /** Per run: where its bitset starts in {@link #bits}; it has {@link #words} words. */
    final int[] runBits;
    final long[] bits;
    private final int[] routeStart;

    /**
     * @param intervalStart per route, its first interval in {@code unitLo}/{@code unitHi}
     * @param intervalEnd per route, one past its last interval
     */
    RouteSegments(final PreparedProgram model, final int[] intervalStart, final int[] intervalEnd, final int[] unitLo, final int[] unitHi)
    {
        final int ng = model.groups.size();
        routeStart = model.routeStart;
        groupFirst = new int[ng + 1];
        final IntArrayList lo = new IntArrayList();
        final IntArrayList start = new IntArrayList();
        final LongArrayList words = new LongArrayList();
        final IntArrayList points = new IntArrayList();
        long[] candidate = new long[1];
        for (int gi = 0; gi < ng; gi++)
        {
            groupFirst[gi] = lo.size();
            final int r0 = model.routeStart[gi];
            final int r1 = model.routeStart[gi + 1];
            if (r0 == r1)
            {
                continue;
            }
            final NeuronGroup g = model.groups.get(gi);
            points.clear();
            points.add(g.start());
            for (int r = r0; r < r1; r++)
            {
                for (int k = intervalStart[r]; k < intervalEnd[r]; k++)
                {
                    final int a = Math.max(g.start(), unitLo[k]);
                    final int b = Math.min(g.end(), unitHi[k]);
                    if (a < b)
                    {
                        points.add(a);
                        points.add(b);
                    }
                }
            }
            points.sortThis();
            final int w = words(gi);
            if (candidate.length < w)
            {
                candidate = new long[w];
            }
            for (int i = 0; i < points.size(); i++)
            {
                final int from = points.get(i);
                if (from >= g.end() || (i > 0 && from == points.get(i - 1)))
                {
                    continue;
                }
                java.util.Arrays.fill(candidate, 0, w, 0);
                for (int r = r0; r < r1; r++)
                {
                    if (carries(r, from, intervalStart, intervalEnd, unitLo, unitHi))
                    {
                        candidate[(r - r0) >>> 6] |= 1L << (r - r0);
                    }
                }
                if (lo.size() > groupFirst[gi] && sameAs(words, start.getLast(), candidate, w))
                {
                    continue;
                }
                lo.add(from);
                start.add(words.size());
                for (int k = 0; k < w; k++)
                {
                    words.add(candidate[k]);
                }
            }
        }
        groupFirst[ng] = lo.size();
        runLo = lo.toArray();
        runBits = start.toArray();
        bits = words.toArray();
    }

    /** @return the words of each bitset of group g's runs: one bit per route of the group. */
    int words(final int g)
    {
        return (routeStart[g + 1] - routeStart[g] + 63) >>> 6;
    }

    /**
     * @return the run of group g that holds unit s, searching forward from {@code from} (a run of g
     * at or before s's — the previous spike's run when spikes come in unit order), else from the start.
     */
    int runOf(final int g, final int s, final int from)
    {
        int run = from;
        if (run < groupFirst[g] || run >= groupFirst[g + 1] || runLo[run] > s)
        {
            return runOf(g, s);
        }
        final int end = groupFirst[g + 1];
        while (run + 1 < end && runLo[run + 1] <= s)
        {
            run++;
        }
        return run;
    }

    /** @return the run of group g that holds unit s (a unit of g). */
    int runOf(final int g, final int s)
    {
        int a = groupFirst[g];
        int b = groupFirst[g + 1] - 1;
        while (a < b)
        {
            final int m = (a + b + 1) >>> 1;
            if (runLo[m] <= s)
            {
                a = m;
            }
            else
            {
                b = m - 1;
            }
        }
        return a;
    }

    private static boolean sameAs(final LongArrayList words, final int at, final long[] candidate, final int w)
    {
        for (int k = 0; k < w; k++)
        {
            if (words.get(at + k) != candidate[k])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean carries(final int r, final int s, final int[] intervalStart, final int[] intervalEnd, final int[] unitLo,
        final int[] unitHi)
    {
        for (int k = intervalStart[r]; k < intervalEnd[r]; k++)
        {
            if (s >= unitLo[k] && s < unitHi[k])
            {
                return true;
            }
        }
        return false;
    }
}
