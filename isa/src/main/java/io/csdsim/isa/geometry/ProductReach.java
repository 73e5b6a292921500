package io.csdsim.isa.geometry;

import io.csdsim.isa.program.ProductMap;
import io.csdsim.isa.program.ProductMap.Operand;

/**
 * Where a spike of one operand of a {@link ProductMap} lands: a spike at flat index s of the spiking
 * operand fixes that operand's axes; every assignment of the remaining ("rest") axes gives one
 * addition — an output index and the index of the other operand's count it adds. The rest axes are
 * walked as an outer odometer and one innermost axis (the rest axis with the smallest output step), so
 * a consumer can clamp the innermost run to a range of outputs without visiting the others.
 *
 * <p>Indices are returned packed in a long, output index in the high half and the other operand's
 * index in the low half, so that nothing is allocated per spike; both are below 2²⁷.
 */
public final class ProductReach
{
    private final int[] ownExtent;
    private final int[] ownOut;
    private final int[] ownOther;
    private final int[] outerExtent;
    private final int[] outerOut;
    private final int[] outerOther;
    private final int outerCount;
    private final int innerExtent;
    private final int innerOut;
    private final int innerOther;
    private final long multiplicity;
    private final int[] countExtent;
    private final int[] countOut;
    private final int countOuter;

    /**
     * @param map the product
     * @param side the spiking operand, A or B
     */
    public ProductReach(final ProductMap map, final Operand side)
    {
        final Operand other = side == Operand.A ? Operand.B : Operand.A;
        final int[] own = map.axes(side);
        ownExtent = new int[own.length];
        ownOut = new int[own.length];
        ownOther = new int[own.length];
        for (int i = 0; i < own.length; i++)
        {
            ownExtent[i] = map.extent(own[i]);
            ownOut[i] = map.stride(Operand.OUT, own[i]);
            ownOther[i] = map.stride(other, own[i]);
        }
        // Rest axes: every axis the spiking operand lacks; the innermost is the one with the smallest output step.
        final int[] rest = new int[map.axisCount()];
        int nRest = 0;
        int inner = -1;
        for (int ax = 0; ax < map.axisCount(); ax++)
        {
            if (!map.has(side, ax))
            {
                rest[nRest++] = ax;
                if (inner < 0 || innerKey(map, ax) < innerKey(map, inner))
                {
                    inner = ax;
                }
            }
        }
        outerExtent = new int[Math.max(0, nRest - 1)];
        outerOut = new int[outerExtent.length];
        outerOther = new int[outerExtent.length];
        int k = 0;
        int count = 1;
        long mult = 1;
        int nCount = 0;
        for (int i = 0; i < nRest; i++)
        {
            final int ax = rest[i];
            if (map.stride(Operand.OUT, ax) == 0)
            {
                mult *= map.extent(ax);
            }
            else
            {
                nCount++;
            }
            if (ax != inner)
            {
                outerExtent[k] = map.extent(ax);
                outerOut[k] = map.stride(Operand.OUT, ax);
                outerOther[k] = map.stride(other, ax);
                count *= outerExtent[k];
                k++;
            }
        }
        outerCount = count;
        innerExtent = inner < 0 ? 1 : map.extent(inner);
        innerOut = inner < 0 ? 0 : map.stride(Operand.OUT, inner);
        innerOther = inner < 0 ? 0 : map.stride(other, inner);
        multiplicity = mult;
        // For counting reached outputs, only the rest axes the output has, innermost last.
        countExtent = new int[nCount];
        countOut = new int[nCount];
        int c = 0;
        int outer = 1;
        for (int i = 0; i < nRest; i++)
        {
            final int ax = rest[i];
            if (map.stride(Operand.OUT, ax) != 0 && ax != inner)
            {
                countExtent[c] = map.extent(ax);
                countOut[c] = map.stride(Operand.OUT, ax);
                outer *= countExtent[c];
                c++;
            }
        }
        if (inner >= 0 && innerOut != 0)
        {
            countExtent[c] = innerExtent;
            countOut[c] = innerOut;
        }
        countOuter = outer;
    }

    private static long innerKey(final ProductMap map, final int ax)
    {
        final int s = map.stride(Operand.OUT, ax);
        return s == 0 ? Long.MAX_VALUE : s;
    }

    /** @return the output index (high half) and the other operand's index (low half) of spike s with every rest axis at 0. */
    public long bases(final int s)
    {
        int rem = s;
        int out = 0;
        int other = 0;
        // The outermost axis takes what is left: one division fewer per spike, on the engine's hot path.
        for (int i = ownExtent.length - 1; i > 0; i--)
        {
            final int v = rem % ownExtent[i];
            rem /= ownExtent[i];
            out += v * ownOut[i];
            other += v * ownOther[i];
        }
        if (ownExtent.length > 0)
        {
            out += rem * ownOut[0];
            other += rem * ownOther[0];
        }
        return (long)out << 32 | other;
    }

    /** @return the offsets (packed as {@link #bases}) of outer combination q, 0 ≤ q < {@link #outerCount}. */
    public long outerOffsets(final int q)
    {
        int rem = q;
        int out = 0;
        int other = 0;
        for (int i = outerExtent.length - 1; i >= 0; i--)
        {
            final int v = rem % outerExtent[i];
            rem /= outerExtent[i];
            out += v * outerOut[i];
            other += v * outerOther[i];
        }
        return (long)out << 32 | other;
    }

    /** @return the number of outer combinations (1 when at most one axis is left). */
    public int outerCount()
    {
        return outerCount;
    }

    /** @return the innermost rest axis's extent (1 when the spiking operand has every axis). */
    public int innerExtent()
    {
        return innerExtent;
    }

    /** @return the output step of the innermost rest axis (0 when the output lacks it). */
    public int innerOut()
    {
        return innerOut;
    }

    /** @return the other operand's step of the innermost rest axis. */
    public int innerOther()
    {
        return innerOther;
    }

    /** @return the first innermost index whose output is at least lo, for an innermost run starting at output base. */
    public int innerFrom(final int base, final int lo)
    {
        if (innerOut == 1)
        {
            return Math.min(innerExtent, Math.max(0, lo - base));
        }
        if (innerOut == 0)
        {
            return base >= lo ? 0 : innerExtent;
        }
        return (int)Math.min(innerExtent, Math.max(0, -Math.floorDiv((long)base - lo, innerOut)));
    }

    /** @return one past the last innermost index whose output is below hi, for an innermost run starting at output base. */
    public int innerTo(final int base, final int hi)
    {
        if (innerOut == 1)
        {
            return Math.min(innerExtent, Math.max(0, hi - base));
        }
        if (innerOut == 0)
        {
            return base < hi ? innerExtent : 0;
        }
        return (int)Math.min(innerExtent, Math.max(0, -Math.floorDiv((long)base - hi, innerOut)));
    }

    /** @return the additions spike s makes to outputs in [a, b); several per output when a summed axis is the other operand's alone. */
    public long additions(final int s, final int a, final int b)
    {
        return additionsFrom((int)(bases(s) >>> 32), a, b);
    }

    /** As {@link #additions}, for a spike whose output base ({@link #bases}' high half) is already known. */
    public long additionsFrom(final int base, final int a, final int b)
    {
        if (countExtent.length == 0)
        {
            return base >= a && base < b ? multiplicity : 0;
        }
        final int last = countExtent.length - 1;
        if (last == 0)
        {
            // One axis left (attention's case): a run of outputs, contiguous or strided, intersected with [a, b).
            final long run = countOut[0] == 1 ? Math.max(0, Math.min((long)base + countExtent[0], b) - Math.max(base, a))
                : EdgeGeometry.progressionCount(base, countOut[0], countExtent[0], a, b);
            return run * multiplicity;
        }
        long n = 0;
        for (int q = 0; q < countOuter; q++)
        {
            int rem = q;
            int off = base;
            for (int i = last - 1; i >= 0; i--)
            {
                off += rem % countExtent[i] * countOut[i];
                rem /= countExtent[i];
            }
            n += EdgeGeometry.progressionCount(off, countOut[last], countExtent[last], a, b);
        }
        return n * multiplicity;
    }
}
