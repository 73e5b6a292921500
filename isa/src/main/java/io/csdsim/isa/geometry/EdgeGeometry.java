package io.csdsim.isa.geometry;

import io.csdsim.isa.program.ConvShape;
import io.csdsim.isa.program.PoolShape;
import io.csdsim.isa.program.ProductMap;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;

/**
 * Which source units an edge connects to a range [a, b) of its target's units, and how many
 * synapses that takes: the geometry of convolutions, token-wise dense tables, max-pools and the two
 * products, computed without enumerating synapses; general convolutions per unit and tap,
 * sparse tables by scanning their rows.
 */
public final class EdgeGeometry
{
    private EdgeGeometry()
    {
    }

    /** Adds to {@code fanA} (and {@code fanB} for products) the source units that feed targets [a, b). */
    public static void fanIn(final ProgramEdge e, final ProgramPopulation target, final ProgramPopulation srcA, final SynapseTable table,
        final int a, final int b, final Intervals fanA, final Intervals fanB)
    {
        switch (e.kind())
        {
            case TABLE -> {
                if (table.kind() == SynapseTable.Kind.SPARSE)
                {
                    sparseFanIn(table, a, b, fanA);
                }
                else if (table.kind() == SynapseTable.Kind.CONV)
                {
                    generalConvFanIn(table, a, b, fanA);
                }
                else if (table.kind() == SynapseTable.Kind.CONV3X3)
                {
                    convFanIn(table.height(), table.width(), table.inFeatures(), table.outFeatures(), a, b, fanA);
                }
                else
                {
                    final int n0 = a / table.outFeatures();
                    final int n1 = (b - 1) / table.outFeatures();
                    fanA.add(n0 * table.inFeatures(), (n1 + 1) * table.inFeatures());
                }
            }
            case POOL -> poolFanIn(e.pool(), srcA.shape()[0], srcA.shape()[1], srcA.shape()[2], target.shape()[1], a, b, fanA);
            case TDEC_PRODUCT -> {
                productFanIn(e.product(), ProductMap.Operand.A, a, b, fanA);
                productFanIn(e.product(), ProductMap.Operand.B, a, b, fanB);
            }
            default -> throw new IllegalStateException(e.kind().name());
        }
    }

    /**
     * The elements of one operand of a product that outputs [a, b) read: per distinct setting of the
     * axes the operand shares with the output, every value of the axes it sums alone.
     */
    private static void productFanIn(final ProductMap map, final ProductMap.Operand op, final int a, final int b, final Intervals out)
    {
        final int[] outAxes = map.axes(ProductMap.Operand.OUT);
        final java.util.BitSet bases = new java.util.BitSet(map.size(op));
        for (int o = a; o < b; o++)
        {
            int rem = o;
            int base = 0;
            for (int i = outAxes.length - 1; i >= 0; i--)
            {
                base += rem % map.extent(outAxes[i]) * map.stride(op, outAxes[i]);
                rem /= map.extent(outAxes[i]);
            }
            bases.set(base);
        }
        final int[] own = map.axes(op);
        int summed = 0;
        final int[] extent = new int[own.length];
        final int[] stride = new int[own.length];
        int combos = 1;
        for (final int ax : own)
        {
            if (!map.has(ProductMap.Operand.OUT, ax))
            {
                extent[summed] = map.extent(ax);
                stride[summed] = map.stride(op, ax);
                combos *= extent[summed];
                summed++;
            }
        }
        for (int base = bases.nextSetBit(0); base >= 0; base = bases.nextSetBit(base + 1))
        {
            // The operand's own order makes the indices rise, so consecutive ones join into one interval.
            int runFrom = -1;
            int runTo = -1;
            for (int q = 0; q < combos; q++)
            {
                int rem = q;
                int idx = base;
                for (int i = summed - 1; i >= 0; i--)
                {
                    idx += rem % extent[i] * stride[i];
                    rem /= extent[i];
                }
                if (idx != runTo)
                {
                    out.add(runFrom, runTo);
                    runFrom = idx;
                }
                runTo = idx + 1;
            }
            out.add(runFrom, runTo);
        }
    }

    /**
     * The receptive fields of a general convolution's targets [a, b): per output pixel and per group
     * its channels touch, the group's input channels at every tap that lands inside the map.
     */
    private static void generalConvFanIn(final SynapseTable t, final int a, final int b, final Intervals out)
    {
        final ConvShape c = t.conv();
        final int wo = t.outWidth();
        final int cout = t.outFeatures();
        final int cin = t.inFeatures();
        final int coutG = cout / c.groups();
        final int cinG = cin / c.groups();
        for (int pix = a / cout; pix <= (b - 1) / cout; pix++)
        {
            final int ca = Math.max(a, pix * cout) - pix * cout;
            final int cb = Math.min(b, (pix + 1) * cout) - pix * cout;
            final int g0 = ca / coutG;
            final int g1 = (cb - 1) / coutG;
            final int yo = pix / wo;
            final int xo = pix % wo;
            for (int ky = 0; ky < c.kernel(); ky++)
            {
                final int y = yo * c.stride() - c.pad() + ky;
                for (int kx = 0; kx < c.kernel() && y >= 0 && y < t.height(); kx++)
                {
                    final int x = xo * c.stride() - c.pad() + kx;
                    if (x >= 0 && x < t.width())
                    {
                        out.add((y * t.width() + x) * cin + g0 * cinG, (y * t.width() + x) * cin + (g1 + 1) * cinG);
                    }
                }
            }
        }
    }

    /** @return the targets in [a, b) that source unit s of a general convolution reaches: its group's channels at every output its taps land on. */
    private static long generalConvCount(final SynapseTable t, final int s, final int a, final int b)
    {
        final ConvShape c = t.conv();
        final int cin = t.inFeatures();
        final int cout = t.outFeatures();
        final int coutG = cout / c.groups();
        final int g = s % cin / (cin / c.groups());
        final int pix = s / cin;
        final int y = pix / t.width();
        final int x = pix % t.width();
        final int ho = t.outHeight();
        final int wo = t.outWidth();
        long n = 0;
        for (int ky = 0; ky < c.kernel(); ky++)
        {
            final int ty = y + c.pad() - ky;
            if (ty < 0 || ty % c.stride() != 0 || ty / c.stride() >= ho)
            {
                continue;
            }
            for (int kx = 0; kx < c.kernel(); kx++)
            {
                final int tx = x + c.pad() - kx;
                if (tx < 0 || tx % c.stride() != 0 || tx / c.stride() >= wo)
                {
                    continue;
                }
                final int o = ((ty / c.stride()) * wo + tx / c.stride()) * cout + g * coutG;
                n += overlap(o, o + coutG, a, b);
            }
        }
        return n;
    }

    /**
     * Per sparse table (by its targets array), its synapses by target: column starts and the sources
     * of each column in ascending order. Built once: the partitioner asks a table's fan-in for every
     * candidate range, and a scan of every row per range was quadratic in the table's size.
     */
    private static final java.util.Map<int[], int[][]> BY_TARGET = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static int[][] byTarget(final SynapseTable t)
    {
        return BY_TARGET.computeIfAbsent(t.targets(), k -> {
            final int[] rows = t.rowStart();
            final int[] start = new int[t.outFeatures() + 1];
            for (final int target : k)
            {
                start[target + 1]++;
            }
            for (int c = 0; c < t.outFeatures(); c++)
            {
                start[c + 1] += start[c];
            }
            final int[] fill = java.util.Arrays.copyOf(start, t.outFeatures());
            final int[] sources = new int[k.length];
            for (int s = 0; s < t.inFeatures(); s++)
            {
                for (int j = rows[s]; j < rows[s + 1]; j++)
                {
                    sources[fill[k[j]]++] = s;
                }
            }
            return new int[][] {start, sources};
        });
    }

    /** The source units with a synapse into [a, b), from the table's synapses by target. */
    private static void sparseFanIn(final SynapseTable t, final int a, final int b, final Intervals out)
    {
        final int[][] cols = byTarget(t);
        final int[] start = cols[0];
        final int[] sources = cols[1];
        final int lo = start[Math.max(0, Math.min(a, t.outFeatures()))];
        final int hi = start[Math.max(0, Math.min(b, t.outFeatures()))];
        if (hi - lo > t.inFeatures() / 64)
        {
            final java.util.BitSet seen = new java.util.BitSet(t.inFeatures());
            for (int k = lo; k < hi; k++)
            {
                seen.set(sources[k]);
            }
            for (int s = seen.nextSetBit(0); s >= 0; s = seen.nextSetBit(s + 1))
            {
                out.add(s, s + 1);
            }
            return;
        }
        final int[] some = java.util.Arrays.copyOfRange(sources, lo, hi);
        java.util.Arrays.sort(some);
        for (int k = 0; k < some.length; k++)
        {
            if (k == 0 || some[k] != some[k - 1])
            {
                out.add(some[k], some[k] + 1);
            }
        }
    }

    /** @return the synapses of sparse row s into [a, b). */
    private static int sparseCount(final int[] rows, final int[] targets, final int s, final int a, final int b)
    {
        int n = 0;
        for (int k = rows[s]; k < rows[s + 1]; k++)
        {
            n += targets[k] >= a && targets[k] < b ? 1 : 0;
        }
        return n;
    }

    /** 3×3 / pad 1 receptive fields of target pixels [a/cout, (b-1)/cout], all input channels. */
    private static void convFanIn(final int h, final int w, final int cin, final int cout, final int a, final int b, final Intervals out)
    {
        final int p0 = a / cout;
        final int p1 = (b - 1) / cout;
        for (int yo = p0 / w; yo <= p1 / w; yo++)
        {
            final int xa = yo == p0 / w ? p0 % w : 0;
            final int xb = yo == p1 / w ? p1 % w : w - 1;
            final int x0 = Math.max(0, xa - 1);
            final int x1 = Math.min(w - 1, xb + 1);
            for (int y = Math.max(0, yo - 1); y <= Math.min(h - 1, yo + 1); y++)
            {
                out.add((y * w + x0) * cin, (y * w + x1 + 1) * cin);
            }
        }
    }

    /** The windows of target units [a, b) of a max-pool, each on its own channel. */
    private static void poolFanIn(final PoolShape window, final int h, final int w, final int c, final int wo, final int a, final int b,
        final Intervals out)
    {
        for (int p = a / c; p <= (b - 1) / c; p++)
        {
            final int ca = Math.max(a, p * c) - p * c;
            final int cb = Math.min(b, (p + 1) * c) - p * c;
            final int y0 = p / wo * window.stride() - window.pad();
            final int x0 = p % wo * window.stride() - window.pad();
            for (int y = Math.max(0, y0); y <= Math.min(h - 1, y0 + window.kernel() - 1); y++)
            {
                for (int x = Math.max(0, x0); x <= Math.min(w - 1, x0 + window.kernel() - 1); x++)
                {
                    out.add((y * w + x) * c + ca, (y * w + x) * c + cb);
                }
            }
        }
    }

    /**
     * @return synapses a table edge has from the source units {@code from} (sealed) into targets
     * [a, b): Σ over those sources of their fan-out inside the range.
     */
    public static long synapses(final SynapseTable table, final int a, final int b, final Intervals from)
    {
        long s = 0;
        if (table.kind() == SynapseTable.Kind.SPARSE || table.kind() == SynapseTable.Kind.CONV)
        {
            for (int k = 0; k < from.count(); k++)
            {
                for (int u = from.lo(k); u < from.hi(k); u++)
                {
                    s += table.kind() == SynapseTable.Kind.SPARSE ? sparseCount(table.rowStart(), table.targets(), u, a, b)
                        : generalConvCount(table, u, a, b);
                }
            }
            return s;
        }
        if (table.kind() == SynapseTable.Kind.DENSE)
        {
            final int din = table.inFeatures();
            final int dout = table.outFeatures();
            for (int k = 0; k < from.count(); k++)
            {
                for (int u = from.lo(k); u < from.hi(k); )
                {
                    final int n = u / din;
                    final int end = Math.min(from.hi(k), (n + 1) * din);
                    s += (long)(end - u) * overlap(n * dout, (n + 1) * dout, a, b);
                    u = end;
                }
            }
            return s;
        }
        final int w = table.width();
        final int h = table.height();
        final int cin = table.inFeatures();
        final int cout = table.outFeatures();
        for (int k = 0; k < from.count(); k++)
        {
            for (int u = from.lo(k); u < from.hi(k); )
            {
                final int pix = u / cin;
                final int end = Math.min(from.hi(k), (pix + 1) * cin);
                final int y = pix / w;
                final int x = pix % w;
                long fan = 0;
                for (int yo = Math.max(0, y - 1); yo <= Math.min(h - 1, y + 1); yo++)
                {
                    for (int xo = Math.max(0, x - 1); xo <= Math.min(w - 1, x + 1); xo++)
                    {
                        final int t = yo * w + xo;
                        fan += overlap(t * cout, (t + 1) * cout, a, b);
                    }
                }
                s += (end - u) * fan;
                u = end;
            }
        }
        return s;
    }

    /**
     * @return how many targets in [a, b) source unit s reaches through edge e; {@code sideB} picks
     * the second source of a product.
     */
    public static int fanOutCount(final ProgramEdge e, final ProgramPopulation target, final ProgramPopulation source,
        final SynapseTable table, final boolean sideB, final int s, final int a, final int b)
    {
        long c = 0;
        switch (e.kind())
        {
            case TABLE -> {
                if (table.kind() == SynapseTable.Kind.SPARSE)
                {
                    c = sparseCount(table.rowStart(), table.targets(), s, a, b);
                }
                else if (table.kind() == SynapseTable.Kind.CONV)
                {
                    c = generalConvCount(table, s, a, b);
                }
                else if (table.kind() == SynapseTable.Kind.DENSE)
                {
                    final int n = s / table.inFeatures();
                    c = overlap(n * table.outFeatures(), (n + 1) * table.outFeatures(), a, b);
                }
                else
                {
                    final int w = table.width();
                    final int cout = table.outFeatures();
                    final int pix = s / table.inFeatures();
                    final int y = pix / w;
                    final int x = pix % w;
                    for (int yo = Math.max(0, y - 1); yo <= Math.min(table.height() - 1, y + 1); yo++)
                    {
                        for (int xo = Math.max(0, x - 1); xo <= Math.min(w - 1, x + 1); xo++)
                        {
                            final int t = yo * w + xo;
                            c += overlap(t * cout, (t + 1) * cout, a, b);
                        }
                    }
                }
            }
            case POOL -> {
                final PoolShape window = e.pool();
                final int ch = source.shape()[2];
                final int w = source.shape()[1];
                final int y = s / ch / w;
                final int x = s / ch % w;
                final int wo = target.shape()[1];
                for (int yo = window.firstOutput(y); yo <= window.lastOutput(y, target.shape()[0]); yo++)
                {
                    for (int xo = window.firstOutput(x); xo <= window.lastOutput(x, wo); xo++)
                    {
                        final int o = (yo * wo + xo) * ch + s % ch;
                        c += o >= a && o < b ? 1 : 0;
                    }
                }
            }
            case TDEC_PRODUCT -> c = new ProductReach(e.product(), sideB ? ProductMap.Operand.B : ProductMap.Operand.A).additions(s, a, b);
            default -> throw new IllegalStateException(e.kind().name());
        }
        return (int)c;
    }

    /**
     * @return how many of base, base + stride, …, base + (count − 1)·stride fall in [a, b): the
     * targets a spike reaches down a strided run (a column of an attention product), without walking the column.
     */
    public static long progressionCount(final long base, final long stride, final long count, final long a, final long b)
    {
        final long from = Math.min(count, Math.max(0, -Math.floorDiv(base - a, stride)));
        final long to = Math.min(count, Math.max(0, -Math.floorDiv(base - b, stride)));
        return Math.max(0, to - from);
    }

    private static long overlap(final int lo, final int hi, final int a, final int b)
    {
        return Math.max(0, Math.min(hi, b) - Math.max(lo, a));
    }

    /** @return how many distinct values u mod m the sealed set holds (input rows of a table it needs). */
    public static int distinctModulo(final Intervals from, final int m)
    {
        final boolean[] seen = new boolean[m];
        int n = 0;
        for (int k = 0; k < from.count(); k++)
        {
            if (from.hi(k) - from.lo(k) >= m)
            {
                return m;
            }
            for (int u = from.lo(k); u < from.hi(k); u++)
            {
                if (!seen[u % m])
                {
                    seen[u % m] = true;
                    n++;
                }
            }
        }
        return n;
    }

    /** @return the distinct output features of a table's targets [a, b) (the slice a shared table needs). */
    public static int distinctOutputs(final SynapseTable table, final int a, final int b)
    {
        return Math.min(table.outFeatures(), b - a);
    }
}
