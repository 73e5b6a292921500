package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ConvShape;
import io.csdsim.isa.program.SynapseTable;

/**
 * Synaptic integration of one source unit through a table: its fan-out, one stride-1 row per tap
 * (a sparse table: its compressed row).
 * Public so that the bench module measures the very kernel the engine runs.
 */
public final class EngineTables
{
    private EngineTables()
    {
    }

    /**
     * The innermost loop: out[oBase + o] += m[wBase + o] · value for o in [from, to). A spike's value
     * is a power of two (its edge's unit), so the common case is a shift, which the JIT vectorises.
     */
    private static void row(final short[] m, final int wBase, final long[] out, final int oBase, final int from, final int to,
        final long value, final int shift)
    {
        if (shift >= 0)
        {
            for (int o = from; o < to; o++)
            {
                out[oBase + o] += (long)m[wBase + o] << shift;
            }
        }
        else
        {
            for (int o = from; o < to; o++)
            {
                out[oBase + o] += value * m[wBase + o];
            }
        }
    }

    /** A general convolution: per tap that lands on an output pixel, one row of the source's group's output channels. */
    private static void scatterConv(final SynapseTable t, final int s, final long value, final int shift, final long[] out, final int lo,
        final int hi)
    {
        final ConvShape c = t.conv();
        final short[] m = t.mantissa();
        final int cin = t.inFeatures();
        final int cout = t.outFeatures();
        final int cinG = cin / c.groups();
        final int coutG = cout / c.groups();
        final int ci = s % cin;
        final int g = ci / cinG;
        final int pix = s / cin;
        final int y = pix / t.width();
        final int x = pix - y * t.width();
        final int ho = t.outHeight();
        final int wo = t.outWidth();
        final int k = c.kernel();
        final int stride = c.stride();
        for (int ky = 0; ky < k; ky++)
        {
            final int ty = y + c.pad() - ky;
            if (ty < 0 || ty % stride != 0 || ty / stride >= ho)
            {
                continue;
            }
            for (int kx = 0; kx < k; kx++)
            {
                final int tx = x + c.pad() - kx;
                if (tx < 0 || tx % stride != 0 || tx / stride >= wo)
                {
                    continue;
                }
                final int oBase = ((ty / stride) * wo + tx / stride) * cout;
                row(m, ((ky * k + kx) * cinG + ci % cinG) * cout, out, oBase, Math.max(g * coutG, lo - oBase),
                    Math.min((g + 1) * coutG, hi - oBase), value, shift);
            }
        }
    }

    /** out[lo, hi) += value · fan-out of source unit s, where it falls in [lo, hi). */
    public static void scatter(final SynapseTable t, final int s, final long value, final long[] out, final int lo, final int hi)
    {
        final int shift = value > 0 && Long.bitCount(value) == 1 ? Long.numberOfTrailingZeros(value) : -1;
        final short[] m = t.mantissa();
        final int cout = t.outFeatures();
        if (t.kind() == SynapseTable.Kind.SPARSE)
        {
            final int[] targets = t.targets();
            final int begin = t.rowStart()[s];
            final int end = t.rowStart()[s + 1];
            if (lo == 0 && hi >= t.outFeatures())
            {
                // The whole target population (one thread's share): no synapse falls outside.
                for (int k = begin; k < end; k++)
                {
                    out[targets[k]] += value * m[k];
                }
                return;
            }
            for (int k = begin; k < end; k++)
            {
                final int o = targets[k];
                if (o >= lo && o < hi)
                {
                    out[o] += value * m[k];
                }
            }
            return;
        }
        if (t.kind() == SynapseTable.Kind.CONV)
        {
            scatterConv(t, s, value, shift, out, lo, hi);
            return;
        }
        if (t.kind() == SynapseTable.Kind.DENSE)
        {
            final int din = t.inFeatures();
            final int n = s / din;
            final int oBase = n * cout;
            row(m, (s - n * din) * cout, out, oBase, Math.max(0, lo - oBase), Math.min(cout, hi - oBase), value, shift);
            return;
        }
        final int cin = t.inFeatures();
        final int w = t.width();
        final int h = t.height();
        final int ci = s % cin;
        final int pix = s / cin;
        final int y = pix / w;
        final int x = pix - y * w;
        for (int ky = 0; ky < 3; ky++)
        {
            final int yo = y - ky + 1;
            if (yo < 0 || yo >= h || (yo + 1) * w * cout <= lo || yo * w * cout >= hi)
            {
                continue;
            }
            for (int kx = 0; kx < 3; kx++)
            {
                final int xo = x - kx + 1;
                if (xo < 0 || xo >= w)
                {
                    continue;
                }
                final int oBase = (yo * w + xo) * cout;
                row(m, ((ky * 3 + kx) * cin + ci) * cout, out, oBase, Math.max(0, lo - oBase), Math.min(cout, hi - oBase), value, shift);
            }
        }
    }
}
