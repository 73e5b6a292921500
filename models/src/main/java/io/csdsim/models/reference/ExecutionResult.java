package io.csdsim.models.reference;

/**
 * What an oracle computed for one sample: per population its spike counts (the input's integer pixel
 * values for the input population, null for the readout), and the readout's integer logits.
 */
public record ExecutionResult(int[][] counts, long[] logits, long saturations)
{
    /** @return the index of the largest logit (the first on a tie). */
    public int predictedClass()
    {
        int best = 0;
        for (int c = 1; c < logits.length; c++)
        {
            if (logits[c] > logits[best])
            {
                best = c;
            }
        }
        return best;
    }

    /** @return the total spike count of population {@code id}. */
    public long totalSpikes(final int id)
    {
        long s = 0;
        for (final int c : counts[id])
        {
            s += c;
        }
        return s;
    }
}
