package io.csdsim.models.reference;

import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;

/**
 * DESIGN §3.1 layer by layer on the integer network, with no time: each DIF population's count is
 * clip(floor((x + v0) / θ), 0, T) of its whole input x; a max-pool takes the largest count of its
 * window; the readout sums the classifier over the residual stream. The ground truth for D ≥ T−1.
 */
public final class QuantizedReference
{
    private final IntNetwork net;

    public QuantizedReference(final IntNetwork net)
    {
        this.net = net;
    }

    /** Runs one sample given as integer input values (pixels minus zero points). */
    public ExecutionResult run(final int[] input)
    {
        return run(input, null);
    }

    /**
     * Runs one sample; when {@code preActivations} is not null, stores each DIF population's whole
     * window input x (bias included, v0 not) at its population index.
     */
    public ExecutionResult run(final int[] input, final long[][] preActivations)
    {
        final int n = net.populationCount();
        final int[][] counts = new int[n][];
        final long[][] currents = new long[net.projectionCount()][];
        long[] logits = new long[0];
        final int t = net.timeWindow;
        for (int id = 0; id < n; id++)
        {
            final IntPopulation p = net.population(id);
            switch (p.kind)
            {
                case INPUT -> counts[id] = input;
                case DIF -> {
                    final long[] x = windowInput(p, counts, currents);
                    final int[] c = new int[p.size];
                    for (int i = 0; i < x.length; i++)
                    {
                        c[i] = (int)Math.max(0, Math.min(t, Math.floorDiv(x[i] + p.v0, (long)p.theta)));
                    }
                    counts[id] = c;
                    if (preActivations != null)
                    {
                        preActivations[id] = x;
                    }
                }
                case MAX_POOL -> counts[id] = maxPool(net.population(p.source), counts[p.source], p);
                case READOUT -> {
                    final Projection head = net.projection(p.head);
                    final long[] colSum = new long[head.inFeatures];
                    for (int k = 0; k < p.inputs.length; k++)
                    {
                        SynapticKernels.columnSums(current(p.inputs[k], counts, currents), head.inFeatures, p.inputShifts[k], colSum);
                    }
                    logits = p.bias.clone();
                    SynapticKernels.head(head, colSum, logits);
                }
                default -> throw new IllegalStateException(p.kind.name());
            }
        }
        return new ExecutionResult(counts, logits, 0);
    }

    /**
     * The whole window's input x of DIF population p (bias included, v0 not) given the spike counts
     * of its sources in {@code counts}; {@code currents} caches projection currents and may hold nulls.
     */
    public long[] windowInput(final IntPopulation p, final int[][] counts, final long[][] currents)
    {
        final long[] x = new long[p.size];
        for (int k = 0; k < p.inputs.length; k++)
        {
            final long[] cur = current(p.inputs[k], counts, currents);
            final int s = p.inputShifts[k];
            for (int i = 0; i < x.length; i++)
            {
                x[i] += cur[i] << s;
            }
        }
        if (p.bias != null)
        {
            final int ch = p.channels();
            for (int i = 0; i < x.length; i++)
            {
                x[i] += p.bias[i % ch];
            }
        }
        return x;
    }

    private long[] current(final int projId, final int[][] counts, final long[][] currents)
    {
        if (currents[projId] != null)
        {
            return currents[projId];
        }
        final Projection pr = net.projection(projId);
        final long[] out = new long[pr.outputSize];
        switch (pr.kind)
        {
            case CONV3X3, LINEAR -> SynapticKernels.scatterAll(pr, counts[pr.sourceA], out);
            case PRODUCT -> SynapticKernels.product(pr, counts[pr.sourceA], counts[pr.sourceB], out);
            default -> throw new IllegalStateException(pr.kind.name());
        }
        currents[projId] = out;
        return out;
    }

    /** Max-pool of counts over the pool's window (CSDformer's: 3×3 / stride 2 / pad 1); padding never wins (counts are >= 0). */
    static int[] maxPool(final IntPopulation src, final int[] in, final IntPopulation out)
    {
        final int h = src.shape[0];
        final int w = src.shape[1];
        final int c = src.shape[2];
        final int ho = out.shape[0];
        final int wo = out.shape[1];
        final int[] res = new int[out.size];
        for (int yo = 0; yo < ho; yo++)
        {
            for (int xo = 0; xo < wo; xo++)
            {
                final int ob = (yo * wo + xo) * c;
                final int y0 = yo * out.poolStride - out.poolPad;
                final int x0 = xo * out.poolStride - out.poolPad;
                for (int y = Math.max(0, y0); y <= Math.min(h - 1, y0 + out.poolKernel - 1); y++)
                {
                    for (int x = Math.max(0, x0); x <= Math.min(w - 1, x0 + out.poolKernel - 1); x++)
                    {
                        final int ib = (y * w + x) * c;
                        for (int ch = 0; ch < c; ch++)
                        {
                            res[ob + ch] = Math.max(res[ob + ch], in[ib + ch]);
                        }
                    }
                }
            }
        }
        return res;
    }
}
