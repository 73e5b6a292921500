package io.csdsim.simulator.engine;

import io.csdsim.isa.program.PoolShape;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * A TDEC max-pool unit bank over a {@link PoolShape} window (CSDformer's: 3×3 / stride 2 / pad 1): a
 * running count per input and a running maximum per output; an output fires in a tick when its
 * maximum grows.
 */
final class MaxPoolBank
{
    private final int width;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private final int[] inputCounts;
    private final int[] maximum;
    private final PoolShape window;

    MaxPoolBank(final int height, final int width, final int channels, final PoolShape window)
    {
        this.width = width;
        this.channels = channels;
        this.window = window;
        this.outHeight = window.out(height);
        this.outWidth = window.out(width);
        this.inputCounts = new int[height * width * channels];
        this.maximum = new int[outHeight * outWidth * channels];
    }

    int[] outputCounts()
    {
        return maximum;
    }

    void tick(final IntArrayList in, final IntArrayList out)
    {
        for (int k = 0; k < in.size(); k++)
        {
            final int idx = in.get(k);
            final int value = ++inputCounts[idx];
            final int c = idx % channels;
            final int y = idx / channels / width;
            final int x = idx / channels % width;
            for (int yo = window.firstOutput(y); yo <= window.lastOutput(y, outHeight); yo++)
            {
                for (int xo = window.firstOutput(x); xo <= window.lastOutput(x, outWidth); xo++)
                {
                    final int o = (yo * outWidth + xo) * channels + c;
                    if (value > maximum[o])
                    {
                        maximum[o] = value;
                        out.add(o);
                    }
                }
            }
        }
        out.sortThis();
    }
}
