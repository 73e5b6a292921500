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

    void tick(final IntArrayList a, final IntArrayList b, final long unit, final long[] out)
    {
        final int n = tokens;
        final int d = features;
        for (int k = 0; k < b.size(); k++)
        {
            countsB[b.get(k)]++;
        }
        if (scores)
        {
            for (int k = 0; k < a.size(); k++)
            {
                final int i = a.get(k) / d;
                final int e = a.get(k) % d;
                final int base = (e / headDim * n + i) * n;
                for (int j = 0; j < n; j++)
                {
                    out[base + j] += unit * countsB[j * d + e];
                }
            }
            for (int k = 0; k < b.size(); k++)
            {
                final int j = b.get(k) / d;
                final int e = b.get(k) % d;
                final int h = e / headDim;
                for (int i = 0; i < n; i++)
                {
                    out[(h * n + i) * n + j] += unit * countsA[i * d + e];
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
                for (int e = h * headDim; e < (h + 1) * headDim; e++)
                {
                    out[i * d + e] += unit * countsB[j * d + e];
                }
            }
            for (int k = 0; k < b.size(); k++)
            {
                final int j = b.get(k) / d;
                final int e = b.get(k) % d;
                final int h = e / headDim;
                for (int i = 0; i < n; i++)
                {
                    out[i * d + e] += unit * countsA[(h * n + i) * n + j];
                }
            }
        }
        for (int k = 0; k < a.size(); k++)
        {
            countsA[a.get(k)]++;
        }
    }
}
