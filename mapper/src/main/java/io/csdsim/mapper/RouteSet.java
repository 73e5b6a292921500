package io.csdsim.mapper;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Collects routes in two passes, so that hundreds of millions fit in preallocated columns: a
 * counting pass (how many routes, how many entries each sender has), then a filling pass. Senders
 * whose entries exceed a core's routing entries hand their routes, first fit, to relays made on the
 * fly by {@code relays}.
 */
final class RouteSet
{
    /** Makes a relay for a sender and returns its group id. */
    interface RelayMaker
    {
        int relayFor(int sender);
    }

    private final boolean counting;
    private final long maxEntries;
    private final RelayMaker relays;
    /** Entries per sending group (counting pass; read in the filling pass). */
    long[] totals;
    int n;
    int[] src;
    int[] dst;
    int[] edge;
    int[] entries;
    /** Filling pass: relays of each sender with their fill levels, as flat lists (sender, relay, fill). */
    private final java.util.Map<Integer, long[]> relayFill = new java.util.HashMap<>();
    final java.util.Map<Integer, IntArrayList> relaysOf = new java.util.TreeMap<>();
    private long[] scratch = new long[0];
    private final IntArrayList touched = new IntArrayList();

    /** A counting pass over {@code groups} sending groups. */
    RouteSet(final int groups)
    {
        this.counting = true;
        this.totals = new long[groups];
        this.maxEntries = Long.MAX_VALUE;
        this.relays = null;
    }

    /** A filling pass with room for {@code capacity} routes. */
    RouteSet(final RouteSet counted, final int capacity, final long maxEntries, final RelayMaker relays)
    {
        this.counting = false;
        this.totals = counted.totals;
        this.maxEntries = maxEntries;
        this.relays = relays;
        src = new int[capacity];
        dst = new int[capacity];
        edge = new int[capacity];
        entries = new int[capacity];
    }

    /**
     * Adds a route from every range of the source population (ranges of {@code groupSize} units whose
     * groups are {@code somaOfRange}) that the fan-in overlaps, to {@code targetGroup}.
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
            addDirect(edgeId, somaOfRange[g], targetGroup, scratch[g]);
            scratch[g] = 0;
        }
        touched.clear();
    }

    /** Adds one route; in the filling pass a sender over its limit sends through a relay. */
    void addDirect(final int edgeId, final int source, final int target, final long count)
    {
        if (counting)
        {
            if (source < totals.length)
            {
                totals[source] += count;
            }
            n++;
            return;
        }
        int from = source;
        if (source < totals.length && totals[source] > maxEntries && edgeId >= 0)
        {
            from = relay(source, count);
        }
        src[n] = from;
        dst[n] = target;
        edge[n] = edgeId;
        entries[n] = (int)count;
        n++;
    }

    private int relay(final int sender, final long count)
    {
        final IntArrayList mine = relaysOf.computeIfAbsent(sender, k -> new IntArrayList());
        for (int i = 0; i < mine.size(); i++)
        {
            final long[] fill = relayFill.get(mine.get(i));
            if (fill[0] + count <= maxEntries)
            {
                fill[0] += count;
                return mine.get(i);
            }
        }
        final int relay = relays.relayFor(sender);
        mine.add(relay);
        relayFill.put(relay, new long[] {count});
        return relay;
    }

    long fillOf(final int relay)
    {
        return relayFill.get(relay)[0];
    }
}
