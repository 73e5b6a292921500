package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.ProductReach;
import io.csdsim.isa.program.ProductMap;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * A TDEC product unit bank (DESIGN §3.4) over any {@link ProductMap}: per tick a·Bc + Ac_prev·b with
 * running counts. Each spike's additions are walked by a {@link ProductReach}, whose innermost run is
 * clamped to the chunk's outputs, so chunks of target cores can run at once.
 */
final class ProductBank
{
    private final ProductReach reachA;
    private final ProductReach reachB;
    private final int[] countsA;
    private final int[] countsB;

    ProductBank(final ProductMap map)
    {
        this.reachA = new ProductReach(map, ProductMap.Operand.A);
        this.reachB = new ProductReach(map, ProductMap.Operand.B);
        this.countsA = new int[map.size(ProductMap.Operand.A)];
        this.countsB = new int[map.size(ProductMap.Operand.B)];
    }

    /** First step of a tick: this tick's b spikes join the running counts (Bc includes this tick). */
    void addB(final IntArrayList b)
    {
        for (int k = 0; k < b.size(); k++)
        {
            countsB[b.get(k)]++;
        }
    }

    /** Second step, for the outputs in [lo, hi) only: out += unit · (a · Bc + Ac_prev · b). */
    void accumulate(final IntArrayList a, final IntArrayList b, final long unit, final long[] out, final int lo, final int hi)
    {
        walk(reachA, a, countsB, unit, out, lo, hi);
        walk(reachB, b, countsA, unit, out, lo, hi);
    }

    private static void walk(final ProductReach reach, final IntArrayList spikes, final int[] counts, final long unit, final long[] out,
        final int lo, final int hi)
    {
        final int so = reach.innerOut();
        final int sc = reach.innerOther();
        for (int k = 0; k < spikes.size(); k++)
        {
            final long bases = reach.bases(spikes.get(k));
            for (int q = 0; q < reach.outerCount(); q++)
            {
                final long off = q == 0 ? 0 : reach.outerOffsets(q);
                final int ob = (int)(bases >>> 32) + (int)(off >>> 32);
                final int cb = (int)bases + (int)off;
                final int j1 = reach.innerTo(ob, hi);
                for (int j = reach.innerFrom(ob, lo); j < j1; j++)
                {
                    out[ob + j * so] += unit * counts[cb + j * sc];
                }
            }
        }
    }

    /** Last step: this tick's a spikes join the running counts (Ac_prev of the next tick). */
    void addA(final IntArrayList a)
    {
        for (int k = 0; k < a.size(); k++)
        {
            countsA[a.get(k)]++;
        }
    }
}
