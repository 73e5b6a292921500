package io.csdsim.models.reference;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** TDEC max-pool and TDEC products against brute force on random spike trains. */
class TdecUnitsTest
{
    private static final AtomicLong SEEDS = new AtomicLong(7);

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
        final int h = 1 + r.nextInt(9);
        final int w = 1 + r.nextInt(9);
        final int c = 1 + r.nextInt(3);
        final int ticks = 1 + r.nextInt(8);
        final IntArrayList[] in = trains(r, h * w * c, ticks, r.nextDouble());
        final TdecMaxPool pool = new TdecMaxPool(h, w, c);
        final int ho = (h - 1) / 2 + 1;
        final int wo = (w - 1) / 2 + 1;
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
                    for (int dy = -1; dy <= 1; dy++)
                    {
                        for (int dx = -1; dx <= 1; dx++)
                        {
                            final int y = 2 * yo + dy;
                            final int x = 2 * xo + dx;
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
        assertArrayEquals(brute, emitted);
        assertArrayEquals(brute, pool.outputCounts());
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
        final TdecProduct unit = TdecProduct.qk(n, d, heads);
        final long[] s = new long[unit.outputSize()];
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
        final TdecProduct unit = TdecProduct.av(n, d, heads);
        final long[] o = new long[unit.outputSize()];
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
