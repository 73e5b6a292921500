package io.csdsim.models.reference;

import io.csdsim.models.quant.Projection;
import org.eclipse.collections.api.list.primitive.IntList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Max-pool by temporal decomposition (DESIGN §3.3; CSDformer's window is 3×3 / stride 2 / pad 1, any
 * k×k / stride / pad works alike): a running count per input and a running maximum per output; an output spikes in a tick when its maximum grows, so its total
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
    private final int kernel;
    private final int stride;
    private final int pad;

    /** @param height, width, channels the pooled [H, W, C] map, with CSDformer's 3×3 / 2 / pad 1 window. */
    public TdecMaxPool(final int height, final int width, final int channels)
    {
        this(height, width, channels, 3, 2, 1);
    }

    /** A k×k window moved by {@code stride} over the map padded by {@code pad}. */
    public TdecMaxPool(final int height, final int width, final int channels, final int kernel, final int stride, final int pad)
    {
        this.width = width;
        this.channels = channels;
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.outHeight = Projection.outSide(height, kernel, stride, pad);
        this.outWidth = Projection.outSide(width, kernel, stride, pad);
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
            // Output yo covers input rows yo·stride − pad … yo·stride − pad + k − 1, so row y feeds the
            // outputs from ⌈(y + pad − k + 1) / stride⌉ to ⌊(y + pad) / stride⌋ (for 3×3/2/1: y/2 to (y+1)/2).
            for (int yo = firstOutput(y); yo <= Math.min(outHeight - 1, (y + pad) / stride); yo++)
            {
                for (int xo = firstOutput(x); xo <= Math.min(outWidth - 1, (x + pad) / stride); xo++)
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

    /** @return the first output along a side whose window covers input i. */
    private int firstOutput(final int i)
    {
        return Math.max(0, Math.floorDiv(i + pad - kernel + stride, stride));
    }

    /** @return the running maximum of each output: its spike count so far. */
    public int[] outputCounts()
    {
        return maximum;
    }
}
