package io.csdsim.models.reference;

import org.eclipse.collections.api.list.primitive.IntList;

/**
 * The product of two spike trains by temporal decomposition (DESIGN §3.4), per head: each tick adds
 * a·Bcᵀ + Ac_prev·bᵀ, with Bc the counts of b including this tick and Ac_prev those of a before it;
 * over a window the additions sum to Ac·Bc exactly, whatever the timing. Every addition is a
 * dynamic synaptic operation: a stored count selected by a spike.
 *
 * <p>Two shapes: {@link #qk} for S[h, i, j] = Σ_{e∈h} Q[i, e]·K[j, e], with Q, K of [N, D]; and
 * {@link #av} for O[i, e] = Σ_j A[h(e), i, j]·V[j, e], with A of [heads, N, N] and V of [N, D].
 */
public final class TdecProduct
{
    private final boolean attentionScores;
    private final int tokens;
    private final int features;
    private final int headDim;
    private final int[] countsA;
    private final int[] countsB;
    private long operations;

    private TdecProduct(final boolean attentionScores, final int tokens, final int features, final int heads)
    {
        this.attentionScores = attentionScores;
        this.tokens = tokens;
        this.features = features;
        this.headDim = features / heads;
        this.countsA = new int[attentionScores ? tokens * features : heads * tokens * tokens];
        this.countsB = new int[tokens * features];
    }

    public static TdecProduct qk(final int tokens, final int features, final int heads)
    {
        return new TdecProduct(true, tokens, features, heads);
    }

    public static TdecProduct av(final int tokens, final int features, final int heads)
    {
        return new TdecProduct(false, tokens, features, heads);
    }

    /** @return the number of elements of the product. */
    public int outputSize()
    {
        return attentionScores ? features / headDim * tokens * tokens : tokens * features;
    }

    /** Adds this tick's increment, times {@code unit}, into out. */
    public void tick(final IntList a, final IntList b, final long unit, final long[] out)
    {
        for (int s = 0; s < b.size(); s++)
        {
            countsB[b.get(s)]++;
        }
        if (attentionScores)
        {
            qkTick(a, b, unit, out);
        }
        else
        {
            avTick(a, b, unit, out);
        }
        for (int s = 0; s < a.size(); s++)
        {
            countsA[a.get(s)]++;
        }
    }

    private void qkTick(final IntList q, final IntList k, final long unit, final long[] out)
    {
        final int n = tokens;
        final int d = features;
        for (int s = 0; s < q.size(); s++)
        {
            final int idx = q.get(s);
            final int i = idx / d;
            final int e = idx - i * d;
            final int base = (e / headDim * n + i) * n;
            for (int j = 0; j < n; j++)
            {
                out[base + j] += unit * countsB[j * d + e];
            }
        }
        for (int s = 0; s < k.size(); s++)
        {
            final int idx = k.get(s);
            final int j = idx / d;
            final int e = idx - j * d;
            final int h = e / headDim;
            for (int i = 0; i < n; i++)
            {
                out[(h * n + i) * n + j] += unit * countsA[i * d + e];
            }
        }
        operations += (long)(q.size() + k.size()) * n;
    }

    private void avTick(final IntList a, final IntList v, final long unit, final long[] out)
    {
        final int n = tokens;
        final int d = features;
        for (int s = 0; s < a.size(); s++)
        {
            final int idx = a.get(s);
            final int h = idx / (n * n);
            final int i = idx / n % n;
            final int j = idx % n;
            for (int e = h * headDim; e < (h + 1) * headDim; e++)
            {
                out[i * d + e] += unit * countsB[j * d + e];
            }
        }
        for (int s = 0; s < v.size(); s++)
        {
            final int idx = v.get(s);
            final int j = idx / d;
            final int e = idx - j * d;
            final int h = e / headDim;
            for (int i = 0; i < n; i++)
            {
                out[i * d + e] += unit * countsA[(h * n + i) * n + j];
            }
        }
        operations += (long)a.size() * headDim + (long)v.size() * n;
    }

    /** @return dynamic synaptic operations done so far. */
    public long operations()
    {
        return operations;
    }
}
