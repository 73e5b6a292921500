package io.csdsim.simulator.engine;

import io.csdsim.isa.program.SynapseTable;

/** Synaptic integration of one source unit through a table: its fan-out, one stride-1 row per tap. */
final class EngineTables
{
    private EngineTables()
    {
    }

    /** out[lo, hi) += value · fan-out of source unit s, where it falls in [lo, hi). */
    static void scatter(final SynapseTable t, final int s, final long value, final long[] out, final int lo, final int hi)
    {
        final short[] m = t.mantissa();
        final int cout = t.outFeatures();
        if (t.kind() == SynapseTable.Kind.DENSE)
        {
            final int din = t.inFeatures();
            final int n = s / din;
            final int wBase = (s - n * din) * cout;
            final int oBase = n * cout;
            final int o1 = Math.min(cout, hi - oBase);
            for (int o = Math.max(0, lo - oBase); o < o1; o++)
            {
                out[oBase + o] += value * m[wBase + o];
            }
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
                final int wBase = ((ky * 3 + kx) * cin + ci) * cout;
                final int oBase = (yo * w + xo) * cout;
                final int o1 = Math.min(cout, hi - oBase);
                for (int o = Math.max(0, lo - oBase); o < o1; o++)
                {
                    out[oBase + o] += value * m[wBase + o];
                }
            }
        }
    }
}
