package io.csdsim.models.csdformer;

import io.csdsim.models.graph.InputSpec;

import java.util.SplittableRandom;

/**
 * Seeded synthetic 8-bit images shaped like natural ones: a smooth field per channel (a random 4×4
 * grid, bilinearly upsampled) plus pixel noise, laid out [H, W, C]. Used to calibrate thresholds and
 * as the {@code --synthetic} input.
 */
public final class SyntheticImages
{
    private SyntheticImages()
    {
    }

    public static int[][] generate(final InputSpec spec, final int count, final long seed)
    {
        final int[][] out = new int[count][];
        for (int i = 0; i < count; i++)
        {
            out[i] = one(spec, new SplittableRandom(seed * 31 + i));
        }
        return out;
    }

    private static int[] one(final InputSpec s, final SplittableRandom r)
    {
        final int h = s.height();
        final int w = s.width();
        final int c = s.channels();
        final int g = 4;
        final double[][] grid = new double[c][g * g];
        for (int ch = 0; ch < c; ch++)
        {
            for (int k = 0; k < g * g; k++)
            {
                grid[ch][k] = 30 + 195 * r.nextDouble();
            }
        }
        final int[] px = new int[h * w * c];
        for (int y = 0; y < h; y++)
        {
            final double fy = h == 1 ? 0 : (double)y * (g - 1) / (h - 1);
            final int y0 = Math.min(g - 2, (int)fy);
            final double ty = fy - y0;
            for (int x = 0; x < w; x++)
            {
                final double fx = w == 1 ? 0 : (double)x * (g - 1) / (w - 1);
                final int x0 = Math.min(g - 2, (int)fx);
                final double tx = fx - x0;
                for (int ch = 0; ch < c; ch++)
                {
                    final double[] gr = grid[ch];
                    final double v = (1 - ty) * ((1 - tx) * gr[y0 * g + x0] + tx * gr[y0 * g + x0 + 1])
                        + ty * ((1 - tx) * gr[(y0 + 1) * g + x0] + tx * gr[(y0 + 1) * g + x0 + 1]);
                    final double noisy = v + 40 * (r.nextDouble() - 0.5);
                    px[(y * w + x) * c + ch] = (int)Math.max(0, Math.min(255, Math.round(noisy)));
                }
            }
        }
        return px;
    }
}
