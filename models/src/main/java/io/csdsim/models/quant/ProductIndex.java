package io.csdsim.models.quant;

import java.util.Arrays;

/**
 * The index map of a dynamic product of two spike populations (DESIGN §3.4) as an einsum over
 * named axes: {@code OUT[o] = Σ A[α]·B[β]} over every assignment of the axes, each operand's flat
 * index being its axes in row-major order. {@code a}, {@code b} and {@code out} spell each operand's
 * axes, outermost first; {@code axes} lists every axis once and {@code extents} gives their extents
 * in that order. Attention's two products are two such maps; no map knows of heads.
 */
public record ProductIndex(String a, String b, String out, String axes, int[] extents)
{
    /** S[h, n, m] = Σ_k Q[n, h·dk + k]·K[m, h·dk + k]: Q and K of [tokens, features] into [heads, tokens, tokens]. */
    public static ProductIndex attentionScores(final int tokens, final int features, final int heads)
    {
        return new ProductIndex("nhk", "mhk", "hnm", "nmhk", new int[] {tokens, tokens, heads, features / heads});
    }

    /** O[n, h·dk + k] = Σ_m A[h, n, m]·V[m, h·dk + k]: A of [heads, tokens, tokens], V of [tokens, features]. */
    public static ProductIndex attentionValues(final int tokens, final int features, final int heads)
    {
        return new ProductIndex("hnm", "mhk", "nhk", "nmhk", new int[] {tokens, tokens, heads, features / heads});
    }

    /** @return what is wrong with the map, or null when it is well formed. */
    public String problem()
    {
        if (axes.length() != extents.length || axes.chars().distinct().count() != axes.length())
        {
            return "axes '" + axes + "' must name each axis once, with one extent each (" + extents.length + " given)";
        }
        for (final int e : extents)
        {
            if (e < 1 || e > 1 << 24)
            {
                return "extents " + Arrays.toString(extents) + " must be in 1.." + (1 << 24);
            }
        }
        for (final String op : new String[] {a, b, out})
        {
            if (op.chars().distinct().count() != op.length() || op.chars().anyMatch(c -> axes.indexOf(c) < 0))
            {
                return "operand '" + op + "' must use axes of '" + axes + "', each once";
            }
            long size = 1;
            for (int i = 0; i < op.length(); i++)
            {
                size *= extents[axes.indexOf(op.charAt(i))];
                if (size > 1 << 27)
                {
                    return "operand '" + op + "' exceeds " + (1 << 27) + " elements";
                }
            }
        }
        if (out.chars().anyMatch(c -> a.indexOf(c) < 0 && b.indexOf(c) < 0))
        {
            return "output axes '" + out + "' must each be an axis of A ('" + a + "') or B ('" + b + "')";
        }
        if (axes.chars().anyMatch(c -> a.indexOf(c) < 0 && b.indexOf(c) < 0))
        {
            return "every axis of '" + axes + "' must belong to A or B";
        }
        return null;
    }

    /** @return the number of elements of an operand spelled by its axes. */
    public int size(final String operand)
    {
        int n = 1;
        for (int i = 0; i < operand.length(); i++)
        {
            n *= extents[axes.indexOf(operand.charAt(i))];
        }
        return n;
    }

    /** @return per axis (in {@link #axes} order), its step in the operand's flat index; 0 where the operand lacks it. */
    public int[] strides(final String operand)
    {
        final int[] s = new int[axes.length()];
        int stride = 1;
        for (int i = operand.length() - 1; i >= 0; i--)
        {
            final int ax = axes.indexOf(operand.charAt(i));
            s[ax] = stride;
            stride *= extents[ax];
        }
        return s;
    }

    /** @return the additions of the whole product: the product of all extents. */
    public long terms()
    {
        long n = 1;
        for (final int e : extents)
        {
            n *= e;
        }
        return n;
    }

    /** @return the einsum text form, e.g. {@code nhk,mhk->hnm[n=64,m=64,h=6,k=64]}. */
    public String text()
    {
        final StringBuilder sb = new StringBuilder(a).append(',').append(b).append("->").append(out).append('[');
        for (int i = 0; i < axes.length(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(axes.charAt(i)).append('=').append(extents[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ProductIndex p && p.text().equals(text());
    }

    @Override
    public int hashCode()
    {
        return text().hashCode();
    }

    @Override
    public String toString()
    {
        return text();
    }
}
