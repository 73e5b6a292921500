package io.csdsim.simulator.engine;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * A TDEC max-pool unit bank (3×3 / stride 2 / pad 1): a running count per input and a running
 * maximum per output; an output fires in a tick when its maximum grows.
 */
final class EnginePool
{
    private final int width;
    private final int channels;
    private final int outHeight;
    private final int outWidth;
    private final int[] inputCounts;
    private final int[] maximum;

    EnginePool(final int height, final int width, final int channels)
    {
        this.width = width;
        this.channels = channels;
        this.outHeight = (height - 1) / 2 + 1;
        this.outWidth = (width - 1) / 2 + 1;
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
            for (int yo = y / 2; yo <= Math.min(outHeight - 1, (y + 1) / 2); yo++)
            {
                for (int xo = x / 2; xo <= Math.min(outWidth - 1, (x + 1) / 2); xo++)
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
