package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * The index map of a dynamic product of two spike populations (TDEC-VMM, DESIGN §3.4), written as an
 * einsum over named axes: {@code OUT[o] = Σ A[α]·B[β]} over every assignment of the axes, where
 * each operand's flat index is its axes in row-major order. Text form
 * {@code nhk,mhk->hnm[n=64,m=64,h=6,k=64]}: A's axes, B's axes, the output's axes, then each axis's
 * extent. Attention's two products are two maps ({@link #attentionScores}, {@link #attentionValues});
 * nothing in a map knows of heads or tokens.
 *
 * <p>Rules: letters a–z; no letter twice in one operand; every output axis is an axis of A or B
 * (an output never broadcasts); extents 1..2²⁴; each operand at most 2²⁷ elements.
 */
public final class ProductMap
{
    /** The three operands of the product. */
    public enum Operand
    {
        A, B, OUT
    }

    private static final int MAX_EXTENT = 1 << 24;
    private static final long MAX_SIZE = 1L << 27;

    private final String spec;
    private final char[] letters;
    private final int[] extents;
    private final int[][] axes;
    private final int[][] strides;
    private final int[] sizes;

    private ProductMap(final String spec, final char[] letters, final int[] extents, final int[][] axes)
    {
        this.spec = spec;
        this.letters = letters;
        this.extents = extents;
        this.axes = axes;
        this.strides = new int[3][letters.length];
        this.sizes = new int[3];
        for (int op = 0; op < 3; op++)
        {
            int stride = 1;
            for (int i = axes[op].length - 1; i >= 0; i--)
            {
                strides[op][axes[op][i]] = stride;
                stride *= extents[axes[op][i]];
            }
            sizes[op] = stride;
        }
    }

    /** S[h, n, m] = Σ_k Q[n, h·dk + k]·K[m, h·dk + k]: Q and K of [tokens, features] into [heads, tokens, tokens]. */
    public static ProductMap attentionScores(final int tokens, final int features, final int heads)
    {
        return parse("nhk,mhk->hnm[n=" + tokens + ",m=" + tokens + ",h=" + heads + ",k=" + features / heads + "]");
    }

    /** O[n, h·dk + k] = Σ_m A[h, n, m]·V[m, h·dk + k]: A of [heads, tokens, tokens], V of [tokens, features]. */
    public static ProductMap attentionValues(final int tokens, final int features, final int heads)
    {
        return parse("hnm,mhk->nhk[n=" + tokens + ",m=" + tokens + ",h=" + heads + ",k=" + features / heads + "]");
    }

    /**
     * @param text the map's text form
     * @return the map
     * @throws IllegalArgumentException naming what is wrong and what is expected
     */
    public static ProductMap parse(final String text)
    {
        final int open = text.indexOf('[');
        final int arrow = text.indexOf("->");
        if (open < 0 || !text.endsWith("]") || arrow < 0 || arrow > open)
        {
            throw new IllegalArgumentException("product map '" + text + "': expected A,B->OUT[axis=extent,...], e.g. nhk,mhk->hnm[n=64,m=64,h=6,k=64]");
        }
        final String[] ins = text.substring(0, arrow).split(",", -1);
        if (ins.length != 2)
        {
            throw new IllegalArgumentException("product map '" + text + "': expected two operands before '->', found " + ins.length);
        }
        final String[] operands = {ins[0], ins[1], text.substring(arrow + 2, open)};
        final StringBuilder seen = new StringBuilder();
        for (final String op : operands)
        {
            for (int i = 0; i < op.length(); i++)
            {
                final char c = op.charAt(i);
                if (c < 'a' || c > 'z')
                {
                    throw new IllegalArgumentException("product map '" + text + "': axis '" + c + "' is not a letter a-z");
                }
                if (op.indexOf(c) != i)
                {
                    throw new IllegalArgumentException("product map '" + text + "': axis '" + c + "' appears twice in operand " + op);
                }
                if (seen.indexOf(String.valueOf(c)) < 0)
                {
                    seen.append(c);
                }
            }
        }
        for (int i = 0; i < operands[2].length(); i++)
        {
            final char c = operands[2].charAt(i);
            if (operands[0].indexOf(c) < 0 && operands[1].indexOf(c) < 0)
            {
                throw new IllegalArgumentException("product map '" + text + "': output axis '" + c + "' is in neither A nor B");
            }
        }
        final char[] letters = seen.toString().toCharArray();
        final int[] extents = new int[letters.length];
        final String body = text.substring(open + 1, text.length() - 1);
        for (final String kv : body.isEmpty() ? new String[0] : body.split(",", -1))
        {
            final int eq = kv.indexOf('=');
            final int axis = eq == 1 ? seen.indexOf(kv.substring(0, 1)) : -1;
            if (axis < 0)
            {
                throw new IllegalArgumentException("product map '" + text + "': '" + kv + "' is not AXIS=EXTENT for an axis of the map");
            }
            if (extents[axis] != 0)
            {
                throw new IllegalArgumentException("product map '" + text + "': axis '" + letters[axis] + "' has two extents");
            }
            extents[axis] = parseExtent(text, kv.substring(2));
        }
        for (int i = 0; i < letters.length; i++)
        {
            if (extents[i] == 0)
            {
                throw new IllegalArgumentException("product map '" + text + "': axis '" + letters[i] + "' has no extent");
            }
        }
        final int[][] axes = new int[3][];
        for (int op = 0; op < 3; op++)
        {
            axes[op] = new int[operands[op].length()];
            long size = 1;
            for (int i = 0; i < axes[op].length; i++)
            {
                axes[op][i] = seen.indexOf(String.valueOf(operands[op].charAt(i)));
                size *= extents[axes[op][i]];
                if (size > MAX_SIZE)
                {
                    throw new IllegalArgumentException("product map '" + text + "': operand " + operands[op] + " exceeds " + MAX_SIZE + " elements");
                }
            }
        }
        final StringBuilder canonical = new StringBuilder(operands[0]).append(',').append(operands[1]).append("->").append(operands[2]).append('[');
        for (int i = 0; i < letters.length; i++)
        {
            canonical.append(i == 0 ? "" : ",").append(letters[i]).append('=').append(extents[i]);
        }
        return new ProductMap(canonical.append(']').toString(), letters, extents, axes);
    }

    private static int parseExtent(final String text, final String value)
    {
        try
        {
            final int v = Integer.parseInt(value);
            if (v >= 1 && v <= MAX_EXTENT)
            {
                return v;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // Answered below with the expected range.
        }
        throw new IllegalArgumentException("product map '" + text + "': extent '" + value + "' is not an integer in 1.." + MAX_EXTENT);
    }

    /** @return the number of distinct axes. */
    public int axisCount()
    {
        return letters.length;
    }

    /** @return the name of an axis. */
    public char letter(final int axis)
    {
        return letters[axis];
    }

    /** @return the extent of an axis. */
    public int extent(final int axis)
    {
        return extents[axis];
    }

    /** @return the operand's axes, outermost first (a copy). */
    public int[] axes(final Operand op)
    {
        return axes[op.ordinal()].clone();
    }

    /** @return the step of the operand's flat index per step of the axis; 0 when the operand lacks the axis. */
    public int stride(final Operand op, final int axis)
    {
        return strides[op.ordinal()][axis];
    }

    /** @return whether the operand has the axis. */
    public boolean has(final Operand op, final int axis)
    {
        return strides[op.ordinal()][axis] != 0;
    }

    /** @return the operand's number of elements. */
    public int size(final Operand op)
    {
        return sizes[op.ordinal()];
    }

    /** @return the operand's shape, outermost first. */
    public int[] shape(final Operand op)
    {
        final int[] ax = axes[op.ordinal()];
        final int[] shape = new int[ax.length];
        for (int i = 0; i < ax.length; i++)
        {
            shape[i] = extents[ax[i]];
        }
        return shape;
    }

    /** @return the additions the whole product makes: the product of all extents. */
    public long terms()
    {
        long n = 1;
        for (final int e : extents)
        {
            n *= e;
        }
        return n;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ProductMap m && m.spec.equals(spec);
    }

    @Override
    public int hashCode()
    {
        return spec.hashCode();
    }

    /** @return the text form, which {@link #parse} reads back. */
    @Override
    public String toString()
    {
        return spec;
    }

    /** @return the extents of all axes, in axis order (a copy). */
    public int[] extents()
    {
        return Arrays.copyOf(extents, extents.length);
    }
}
