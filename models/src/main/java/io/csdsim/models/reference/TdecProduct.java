package io.csdsim.models.reference;

import io.csdsim.models.quant.ProductIndex;
import org.eclipse.collections.api.list.primitive.IntList;

/**
 * The product of two spike trains by temporal decomposition (DESIGN §3.4), over any
 * {@link ProductIndex}: each tick adds a·Bc + Ac_prev·b, with Bc the counts of b including this tick
 * and Ac_prev those of a before it; over a window the additions sum to the product of the counts
 * exactly, whatever the timing. Every addition is a dynamic synaptic operation: a stored count
 * selected by a spike.
 *
 * <p>A spike fixes its operand's axes; the reference then walks every assignment of the other axes
 * with an odometer (the chip's engine has its own walk, so the two executors stay independent).
 */
public final class TdecProduct
{
    private final int[] extents;
    private final int[] strideA;
    private final int[] strideB;
    private final int[] strideOut;
    private final int[] countsA;
    private final int[] countsB;
    private final int[] value;
    private long operations;

    public TdecProduct(final ProductIndex map)
    {
        this.extents = map.extents().clone();
        this.strideA = map.strides(map.a());
        this.strideB = map.strides(map.b());
        this.strideOut = map.strides(map.out());
        this.countsA = new int[map.size(map.a())];
        this.countsB = new int[map.size(map.b())];
        this.value = new int[extents.length];
    }

    /** Adds this tick's increment, times {@code unit}, into out. */
    public void tick(final IntList a, final IntList b, final long unit, final long[] out)
    {
        for (int s = 0; s < b.size(); s++)
        {
            countsB[b.get(s)]++;
        }
        for (int s = 0; s < a.size(); s++)
        {
            spike(a.get(s), strideA, strideB, countsB, unit, out);
        }
        for (int s = 0; s < b.size(); s++)
        {
            spike(b.get(s), strideB, strideA, countsA, unit, out);
        }
        for (int s = 0; s < a.size(); s++)
        {
            countsA[a.get(s)]++;
        }
    }

    /** One spike at flat index idx of the operand with strides own: every assignment of the axes it lacks adds a count of the other. */
    private void spike(final int idx, final int[] own, final int[] other, final int[] countsOther, final long unit, final long[] out)
    {
        // Decode the spike's own axes: an axis's value is (idx / stride) mod extent.
        for (int ax = 0; ax < extents.length; ax++)
        {
            value[ax] = own[ax] == 0 ? 0 : idx / own[ax] % extents[ax];
        }
        while (true)
        {
            int o = 0;
            int x = 0;
            for (int ax = 0; ax < extents.length; ax++)
            {
                o += value[ax] * strideOut[ax];
                x += value[ax] * other[ax];
            }
            out[o] += unit * countsOther[x];
            operations++;
            int ax = extents.length - 1;
            while (ax >= 0 && (own[ax] != 0 || ++value[ax] == extents[ax]))
            {
                if (own[ax] == 0)
                {
                    value[ax] = 0;
                }
                ax--;
            }
            if (ax < 0)
            {
                return;
            }
        }
    }

    /** @return dynamic synaptic operations done so far. */
    public long operations()
    {
        return operations;
    }
}
