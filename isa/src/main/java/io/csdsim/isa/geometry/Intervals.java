package io.csdsim.isa.geometry;

import java.util.Arrays;

/**
 * A set of source indices as sorted, disjoint half-open intervals [lo, hi), built by adding
 * intervals in any order and then {@link #seal sealed}. Primitive arrays only.
 */
public final class Intervals
{
    private int[] lo = new int[16];
    private int[] hi = new int[16];
    private int n;
    private boolean sealed;

    public void add(final int from, final int to)
    {
        if (to <= from)
        {
            return;
        }
        if (n == lo.length)
        {
            lo = Arrays.copyOf(lo, 2 * n);
            hi = Arrays.copyOf(hi, 2 * n);
        }
        lo[n] = from;
        hi[n] = to;
        n++;
        sealed = false;
    }

    /** Sorts and merges; returns this. */
    public Intervals seal()
    {
        if (sealed || n == 0)
        {
            sealed = true;
            return this;
        }
        final long[] packed = new long[n];
        for (int i = 0; i < n; i++)
        {
            packed[i] = ((long)lo[i] << 32) | (hi[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            final int a = (int)(packed[i] >>> 32);
            final int b = (int)packed[i];
            if (m > 0 && a <= hi[m - 1])
            {
                hi[m - 1] = Math.max(hi[m - 1], b);
            }
            else
            {
                lo[m] = a;
                hi[m] = b;
                m++;
            }
        }
        n = m;
        sealed = true;
        return this;
    }

    public int count()
    {
        return n;
    }

    public int lo(final int i)
    {
        return lo[i];
    }

    public int hi(final int i)
    {
        return hi[i];
    }

    /** @return the number of indices in the set (sealed). */
    public long size()
    {
        long s = 0;
        for (int i = 0; i < n; i++)
        {
            s += hi[i] - lo[i];
        }
        return s;
    }

    /** @return how many indices of [from, to) the set holds (sealed). */
    public long overlap(final int from, final int to)
    {
        long s = 0;
        int i = Arrays.binarySearch(hi, 0, n, from);
        i = i < 0 ? -i - 1 : i + 1;
        for (; i < n && lo[i] < to; i++)
        {
            s += Math.min(hi[i], to) - Math.max(lo[i], from);
        }
        return Math.max(0, s);
    }

    /** @return a new sealed set: this set's indices inside [from, to). */
    public Intervals within(final int from, final int to)
    {
        final Intervals out = new Intervals();
        for (int i = 0; i < n; i++)
        {
            out.add(Math.max(lo[i], from), Math.min(hi[i], to));
        }
        return out.seal();
    }

    /** @return a sealed copy. */
    public Intervals copy()
    {
        return within(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public void clear()
    {
        n = 0;
        sealed = false;
    }
}
