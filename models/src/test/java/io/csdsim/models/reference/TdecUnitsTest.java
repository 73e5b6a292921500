package io.csdsim.models.reference;

import io.csdsim.models.quant.ProductIndex;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** TDEC max-pool and TDEC products against brute force on random spike trains. */
class TdecUnitsTest
{
    private static final AtomicLong SEEDS = new AtomicLong(7);

    /** Einsum maps that are not attention's: a matrix product, an outer product, a batched one, a sum over B's own axis. */
    private static final String[][] MAPS = {{"ij", "jk", "ik"}, {"i", "j", "ij"}, {"bij", "bjk", "bik"}, {"i", "jk", "ij"}, {"ji", "kj", "ik"}};

    @RepeatedTest(25)
    void anyIndexMapSumsToTheEinsumOfCountsWhateverTheTiming()
    {
        final SplittableRandom r = new SplittableRandom(SEEDS.getAndIncrement() * 19);
        final String[] m = MAPS[r.nextInt(MAPS.length)];
        final String axes = (m[0] + m[1] + m[2]).chars().distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString();
        final int[] ext = new int[axes.length()];
        for (int i = 0; i < ext.length; i++)
        {
            ext[i] = 1 + r.nextInt(4);
        }
        final ProductIndex map = new ProductIndex(m[0], m[1], m[2], axes, ext);
        assertNull(map.problem());
        final int ticks = 1 + r.nextInt(6);
        final IntArrayList[] a = trains(r, map.size(m[0]), ticks, r.nextDouble());
        final IntArrayList[] b = trains(r, map.size(m[1]), ticks, r.nextDouble());
        final TdecProduct unit = new TdecProduct(map);
        final long[] out = new long[map.size(m[2])];
        for (int t = 0; t < ticks; t++)
        {
            unit.tick(a[t], b[t], 1, out);
        }
        // Brute force: every assignment of every axis, by hand-made mixed-radix counting.
        final int[] ac = totals(a, map.size(m[0]));
        final int[] bc = totals(b, map.size(m[1]));
        final long[] want = new long[out.length];
        final int[] v = new int[ext.length];
        final long terms = map.terms();
        for (long q = 0; q < terms; q++)
        {
            long rem = q;
            for (int i = ext.length - 1; i >= 0; i--)
            {
                v[i] = (int)(rem % ext[i]);
                rem /= ext[i];
            }
            want[flat(m[2], axes, ext, v)] += (long)ac[flat(m[0], axes, ext, v)] * bc[flat(m[1], axes, ext, v)];
        }
        assertArrayEquals(want, out, String.join(",", m) + " " + java.util.Arrays.toString(ext));
        // One operation per addition: a spike of A adds once per assignment of the axes A lacks, and so for B.
        long ops = 0;
        for (int t = 0; t < ticks; t++)
        {
            ops += (long)a[t].size() * terms / map.size(m[0]) + (long)b[t].size() * terms / map.size(m[1]);
        }
        assertEquals(ops, unit.operations());
    }

    private static int flat(final String operand, final String axes, final int[] ext, final int[] v)
    {
        int idx = 0;
        for (int i = 0; i < operand.length(); i++)
        {
            final int ax = axes.indexOf(operand.charAt(i));
            idx = idx * ext[ax] + v[ax];
        }
        return idx;
    }

    /** Random trains: each of n neurons fires at most once per tick over `ticks` ticks. */
    private static IntArrayList[] trains(final SplittableRandom r, final int n, final int ticks, final double p)
    {
        final IntArrayList[] t = new IntArrayList[ticks];
        for (int k = 0; k < ticks; k++)
        {
            t[k] = new IntArrayList();
            for (int i = 0; i < n; i++)
            {
                if (r.nextDouble() < p)
                {
                    t[k].add(i);
                }
            }
        }
        return t;
    }

    private static int[] totals(final IntArrayList[] trains, final int n)
    {
        final int[] c = new int[n];
        for (final IntArrayList t : trains)
        {
            t.forEach(i -> c[i]++);
        }
        return c;
    }

    @RepeatedTest(20)
    void maxPoolEmitsTheMaximumCountAtMostOnceATick()
    {
        final SplittableRandom r = new SplittableRandom(SEEDS.getAndIncrement());
        // CSDformer's pool, through the constructor it uses.
        final int h = 1 + r.nextInt(9);
        final int w = 1 + r.nextInt(9);
        final int c = 1 + r.nextInt(3);
        assertPoolEmitsEachWindowsMaximum(r, new TdecMaxPool(h, w, c), h, w, c, 3, 2, 1);
    }

    @RepeatedTest(20)
    void aMaxPoolOfAnyWindowEmitsTheMaximumCountOfItsWindowAtMostOnceATick()
    {
        final SplittableRandom r = new SplittableRandom(SEEDS.getAndIncrement());
        final int k = 1 + r.nextInt(4);
        final int stride = 1 + r.nextInt(3);
        final int pad = r.nextInt(k);
        final int h = k + r.nextInt(8);
        final int w = k + r.nextInt(8);
        final int c = 1 + r.nextInt(3);
        assertPoolEmitsEachWindowsMaximum(r, new TdecMaxPool(h, w, c, k, stride, pad), h, w, c, k, stride, pad);
    }

    /** Random input trains: every output spikes at most once a tick and, in all, as often as the busiest input of its window. */
    private static void assertPoolEmitsEachWindowsMaximum(final SplittableRandom r, final TdecMaxPool pool, final int h, final int w, final int c,
        final int k, final int stride, final int pad)
    {
        final int ticks = 1 + r.nextInt(8);
        final IntArrayList[] in = trains(r, h * w * c, ticks, r.nextDouble());
        final int ho = (h + 2 * pad - k) / stride + 1;
        final int wo = (w + 2 * pad - k) / stride + 1;
        final int[] emitted = new int[ho * wo * c];
        for (int t = 0; t < ticks; t++)
        {
            final IntArrayList out = new IntArrayList();
            pool.tick(in[t], out);
            assertEquals(out.distinct().size(), out.size(), "two spikes of one output in one tick");
            out.forEach(o -> emitted[o]++);
        }
        final int[] tot = totals(in, h * w * c);
        final int[] brute = new int[ho * wo * c];
        for (int yo = 0; yo < ho; yo++)
        {
            for (int xo = 0; xo < wo; xo++)
            {
                for (int ch = 0; ch < c; ch++)
                {
                    int m = 0;
                    for (int ky = 0; ky < k; ky++)
                    {
                        for (int kx = 0; kx < k; kx++)
                        {
                            final int y = yo * stride - pad + ky;
                            final int x = xo * stride - pad + kx;
                            if (y >= 0 && y < h && x >= 0 && x < w)
                            {
                                m = Math.max(m, tot[(y * w + x) * c + ch]);
                            }
                        }
                    }
                    brute[(yo * wo + xo) * c + ch] = m;
                }
            }
        }
        assertArrayEquals(brute, emitted, k + "×" + k + "/" + stride + "/pad " + pad + " on " + h + "×" + w);
        assertArrayEquals(brute, pool.outputCounts());
    }

    @Test
    void aTwoByTwoPoolOfStrideTwoTakesDisjointWindows()
    {
        // A 2×4 map, one channel, 2×2 / 2 / pad 0: outputs 0 and 1 pool inputs {0, 1, 4, 5} and {2, 3, 6, 7}.
        final TdecMaxPool pool = new TdecMaxPool(2, 4, 1, 2, 2, 0);
        final IntArrayList out = new IntArrayList();
        pool.tick(IntArrayList.newListWith(5, 6), out);
        assertArrayEquals(new int[] {0, 1}, out.toArray());
        out.clear();
        pool.tick(IntArrayList.newListWith(4, 3), out);
        assertArrayEquals(new int[0], out.toArray(), "counts of 1 do not raise a maximum of 1");
        out.clear();
        pool.tick(IntArrayList.newListWith(4), out);
        assertArrayEquals(new int[] {0}, out.toArray(), "input 4 reaches 2");
        assertArrayEquals(new int[] {2, 1}, pool.outputCounts());
    }

    @Test
    void maxPoolFollowsTheLeadingInputTickByTick()
    {
        // One 1×2 map, one output: input 0 fires at ticks 0, 1; input 1 at ticks 1, 2, 3.
        final TdecMaxPool pool = new TdecMaxPool(1, 2, 1);
        final int[][] in = {{0}, {0, 1}, {1}, {1}};
        final int[] expectSpikes = {1, 1, 0, 1};
        for (int t = 0; t < 4; t++)
        {
            final IntArrayList out = new IntArrayList();
            pool.tick(IntArrayList.newListWith(in[t]), out);
            assertEquals(expectSpikes[t], out.size(), "tick " + t);
        }
        assertEquals(3, pool.outputCounts()[0]);
    }

    @RepeatedTest(20)
    void attentionScoresSumToTheProductOfCountsWhateverTheTiming()
    {
        final SplittableRandom r = new SplittableRandom(SEEDS.getAndIncrement() * 13);
        final int heads = 1 + r.nextInt(3);
        final int d = heads * (1 + r.nextInt(4));
        final int n = 1 + r.nextInt(6);
        final int ticks = 1 + r.nextInt(6);
        final IntArrayList[] q = trains(r, n * d, ticks, r.nextDouble());
        final IntArrayList[] k = trains(r, n * d, ticks, r.nextDouble());
        final TdecProduct unit = new TdecProduct(ProductIndex.attentionScores(n, d, heads));
        final long[] s = new long[heads * n * n];
        for (int t = 0; t < ticks; t++)
        {
            unit.tick(q[t], k[t], 1, s);
        }
        final int[] qc = totals(q, n * d);
        final int[] kc = totals(k, n * d);
        final int dk = d / heads;
        long ops = 0;
        for (final IntArrayList x : q)
        {
            ops += (long)x.size() * n;
        }
        for (final IntArrayList x : k)
        {
            ops += (long)x.size() * n;
        }
        for (int h = 0; h < heads; h++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    long b = 0;
                    for (int e = h * dk; e < (h + 1) * dk; e++)
                    {
                        b += (long)qc[i * d + e] * kc[j * d + e];
                    }
                    assertEquals(b, s[(h * n + i) * n + j]);
                }
            }
        }
        assertEquals(ops, unit.operations());
    }

    @RepeatedTest(20)
    void attentionOutputSumsToTheProductOfCountsWhateverTheTiming()
    {
        final SplittableRandom r = new SplittableRandom(SEEDS.getAndIncrement() * 17);
        final int heads = 1 + r.nextInt(3);
        final int d = heads * (1 + r.nextInt(4));
        final int n = 1 + r.nextInt(6);
        final int ticks = 1 + r.nextInt(6);
        final IntArrayList[] a = trains(r, heads * n * n, ticks, r.nextDouble());
        final IntArrayList[] v = trains(r, n * d, ticks, r.nextDouble());
        final TdecProduct unit = new TdecProduct(ProductIndex.attentionValues(n, d, heads));
        final long[] o = new long[n * d];
        for (int t = 0; t < ticks; t++)
        {
            unit.tick(a[t], v[t], 3, o);
        }
        final int[] ac = totals(a, heads * n * n);
        final int[] vc = totals(v, n * d);
        final int dk = d / heads;
        for (int i = 0; i < n; i++)
        {
            for (int e = 0; e < d; e++)
            {
                long b = 0;
                for (int j = 0; j < n; j++)
                {
                    b += (long)ac[(e / dk * n + i) * n + j] * vc[j * d + e];
                }
                assertEquals(3 * b, o[i * d + e]);
            }
        }
        long ops = 0;
        for (int t = 0; t < ticks; t++)
        {
            ops += (long)a[t].size() * dk + (long)v[t].size() * n;
        }
        assertEquals(ops, unit.operations());
    }
}
