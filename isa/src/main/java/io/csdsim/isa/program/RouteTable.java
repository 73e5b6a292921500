package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * The routes of a program, column by column: route i carries the spikes (or partial currents) of
 * group {@code source(i)} over edge {@code edge(i)} to group {@code target(i)}, and {@code entries(i)}
 * of the sender's units use it — one routing entry each on the sender's core. Hops and chip
 * crossings follow from the two groups' cores. Primitive columns, because a large model has hundreds
 * of millions of routes.
 */
public final class RouteTable
{
    /** The edge of a route that carries a dendrite's partial currents to its soma. */
    public static final int PARTIAL_SUMS = -1;
    /** The edge of a route that carries a group's spikes to one of its relays. */
    public static final int RELAY = -2;

    private final int size;
    private final int[] source;
    private final int[] target;
    private final int[] edge;
    private final int[] entries;

    /** Takes ownership of the arrays, which must have one length. */
    public RouteTable(final int[] source, final int[] target, final int[] edge, final int[] entries)
    {
        this(source.length, source, target, edge, entries);
    }

    /** Takes ownership of the arrays, of which the first {@code size} elements hold the routes. */
    public RouteTable(final int size, final int[] source, final int[] target, final int[] edge, final int[] entries)
    {
        if (size > source.length || size > target.length || size > edge.length || size > entries.length)
        {
            throw new IllegalArgumentException("route columns shorter than " + size);
        }
        this.size = size;
        this.source = source;
        this.target = target;
        this.edge = edge;
        this.entries = entries;
    }

    public int size()
    {
        return size;
    }

    public int source(final int i)
    {
        return source[i];
    }

    public int target(final int i)
    {
        return target[i];
    }

    public int edge(final int i)
    {
        return edge[i];
    }

    public int entries(final int i)
    {
        return entries[i];
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof RouteTable r && size == r.size && Arrays.equals(source, 0, size, r.source, 0, size)
            && Arrays.equals(target, 0, size, r.target, 0, size) && Arrays.equals(edge, 0, size, r.edge, 0, size)
            && Arrays.equals(entries, 0, size, r.entries, 0, size);
    }

    @Override
    public int hashCode()
    {
        return size;
    }

    /** @return the raw columns (shared, not copied), for compilers that fill them in place. */
    public int[] sourceColumn()
    {
        return source;
    }

    public int[] targetColumn()
    {
        return target;
    }

    public int[] entriesColumn()
    {
        return entries;
    }
}
