package io.csdsim.simulator.engine;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * A TDEC product unit bank (DESIGN §3.4): per tick a·Bcᵀ + Ac_prev·bᵀ with running counts, per head.
 * QK: A, B of [N, D] into [heads, N, N]. AV: A of [heads, N, N] and B of [N, D] into [N, D].
 */
final class EngineProducts
{
    private final boolean scores;
    private final int tokens;
    private final int features;
    private final int headDim;
    private final int[] countsA;
    private final int[] countsB;

    private EngineProducts(final boolean scores, final int tokens, final int features, final int heads)
    {
        this.scores = scores;
        this.tokens = tokens;
        this.features = features;
        this.headDim = features / heads;
        this.countsA = new int[scores ? tokens * features : heads * tokens * tokens];
        this.countsB = new int[tokens * features];
    }

    static EngineProducts qk(final int tokens, final int features, final int heads)
    {
        return new EngineProducts(true, tokens, features, heads);
    }

    static EngineProducts av(final int tokens, final int features, final int heads)
    {
        return new EngineProducts(false, tokens, features, heads);
    }

    private static int ceilDiv(final int x, final int n)
    {
        return -Math.floorDiv(-x, n);
    }

    /** First step of a tick: this tick's b spikes join the running counts (Bc includes this tick). */
    void addB(final IntArrayList b)
    {
        for (int k = 0; k < b.size(); k++)
        {
            countsB[b.get(k)]++;
        }
    }

    /**
     * Second step, for the outputs in [lo, hi) only, so chunks of target cores can run it at once:
     * out += unit · (a · Bcᵀ + Ac_prev · bᵀ).
     */
    void accumulate(final IntArrayList a, final IntArrayList b, final long unit, final long[] out, final int lo, final int hi)
    {
        final int n = tokens;
        final int d = features;
        if (scores)
        {
            for (int k = 0; k < a.size(); k++)
            {
                final int i = a.get(k) / d;
                final int e = a.get(k) % d;
                final int base = (e / headDim * n + i) * n;
                final int j1 = Math.min(n, hi - base);
                for (int j = Math.max(0, lo - base); j < j1; j++)
                {
                    out[base + j] += unit * countsB[j * d + e];
                }
            }
            for (int k = 0; k < b.size(); k++)
            {
                final int j = b.get(k) / d;
                final int e = b.get(k) % d;
                final int off = e / headDim * n * n + j;
                final int i1 = Math.min(n, ceilDiv(hi - off, n));
                for (int i = Math.max(0, ceilDiv(lo - off, n)); i < i1; i++)
                {
                    out[off + i * n] += unit * countsA[i * d + e];
                }
            }
        }
        else
        {
            for (int k = 0; k < a.size(); k++)
            {
                final int idx = a.get(k);
                final int h = idx / (n * n);
                final int i = idx / n % n;
                final int j = idx % n;
                final int e1 = Math.min((h + 1) * headDim, hi - i * d);
                for (int e = Math.max(h * headDim, lo - i * d); e < e1; e++)
                {
                    out[i * d + e] += unit * countsB[j * d + e];
                }
            }
            for (int k = 0; k < b.size(); k++)
            {
                final int j = b.get(k) / d;
                final int e = b.get(k) % d;
                final int h = e / headDim;
                final int i1 = Math.min(n, ceilDiv(hi - e, d));
                for (int i = Math.max(0, ceilDiv(lo - e, d)); i < i1; i++)
                {
                    out[i * d + e] += unit * countsA[(h * n + i) * n + j];
                }
            }
        }
    }

    /** Last step: this tick's a spikes join the running counts (Ac_prev of the next tick). */
    void addA(final IntArrayList a)
    {
        for (int k = 0; k < a.size(); k++)
        {
            countsA[a.get(k)]++;
        }
    }
}
