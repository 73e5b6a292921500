package io.csdsim.models.reference;

import org.eclipse.collections.api.list.primitive.IntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Max-pool 3×3 / stride 2 / pad 1 by temporal decomposition (DESIGN §3.3): a running count per input
 * and a running maximum per output; an output spikes in a tick when its maximum grows, so its total
 * equals the largest input count whatever the timing.
 */
public final class TdecMaxPool
{
    private final int width;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private final int[] inputCounts;
    private final int[] maximum;

    /** @param height, width, channels the pooled [H, W, C] map. */
    public TdecMaxPool(final int height, final int width, final int channels)
    {
        this.width = width;
        this.channels = channels;
        this.outHeight = (height - 1) / 2 + 1;
        this.outWidth = (width - 1) / 2 + 1;
        this.inputCounts = new int[height * width * channels];
        this.maximum = new int[outHeight * outWidth * channels];
    }

    /** Takes one tick's input spikes and appends the outputs that spike, in increasing order. */
    public void tick(final IntList inputSpikes, final IntArrayList outputSpikes)
    {
        final int before = outputSpikes.size();
        for (int s = 0; s < inputSpikes.size(); s++)
        {
            final int idx = inputSpikes.get(s);
            final int value = ++inputCounts[idx];
            final int chan = idx % channels;
            final int pix = idx / channels;
            final int y = pix / width;
            final int x = pix - y * width;
            // Output yo covers input rows 2yo−1..2yo+1, so row y feeds yo in [y/2, (y+1)/2].
            for (int yo = y / 2; yo <= Math.min(outHeight - 1, (y + 1) / 2); yo++)
            {
                for (int xo = x / 2; xo <= Math.min(outWidth - 1, (x + 1) / 2); xo++)
                {
                    final int o = (yo * outWidth + xo) * channels + chan;
                    if (value > maximum[o])
                    {
                        maximum[o] = value;
                        outputSpikes.add(o);
                    }
                }
            }
        }
        if (outputSpikes.size() - before > 1)
        {
            final int[] tail = new int[outputSpikes.size() - before];
            for (int i = 0; i < tail.length; i++)
            {
                tail[i] = outputSpikes.get(before + i);
            }
            java.util.Arrays.sort(tail);
            for (int i = 0; i < tail.length; i++)
            {
                outputSpikes.set(before + i, tail[i]);
            }
        }
    }

    /** @return the running maximum of each output: its spike count so far. */
    public int[] outputCounts()
    {
        return maximum;
    }
}
