package io.csdsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: a header, rows and optional rule lines; numbers right-aligned. */
final class TextTable
{
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(final String... header)
    {
        this.header = header;
        this.rightAligned = new boolean[header.length];
    }

    /** Marks columns (by index) as right-aligned. */
    TextTable right(final int... columns)
    {
        for (final int c : columns)
        {
            rightAligned[c] = true;
        }
        return this;
    }

    TextTable row(final Object... cells)
    {
        final String[] r = new String[header.length];
        for (int i = 0; i < r.length; i++)
        {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(r);
        return this;
    }

    /** A rule line under the header width. */
    TextTable rule()
    {
        rows.add(null);
        return this;
    }

    void print(final PrintWriter out)
    {
        final int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++)
        {
            w[i] = header[i].length();
        }
        for (final String[] r : rows)
        {
            if (r != null)
            {
                for (int i = 0; i < w.length; i++)
                {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
        }
        line(out, header, w);
        int total = 0;
        for (final int x : w)
        {
            total += x + 2;
        }
        final String rule = "-".repeat(Math.max(0, total - 2));
        out.println(rule);
        for (final String[] r : rows)
        {
            if (r == null)
            {
                out.println(rule);
            }
            else
            {
                line(out, r, w);
            }
        }
    }

    private void line(final PrintWriter out, final String[] cells, final int[] w)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++)
        {
            final String pad = " ".repeat(w[i] - cells[i].length());
            sb.append(rightAligned[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
            if (i < cells.length - 1)
            {
                sb.append("  ");
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    /** 12,345,678 */
    static String count(final long v)
    {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** 9.32 M, 18.51 G, 640 */
    static String si(final double v)
    {
        if (Math.abs(v) >= 1e9)
        {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (Math.abs(v) >= 1e6)
        {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (Math.abs(v) >= 1e3)
        {
            return String.format(Locale.ROOT, "%.2f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String shape(final int[] s)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++)
        {
            sb.append(i == 0 ? "" : "×").append(s[i]);
        }
        return sb.toString();
    }

    static String percent(final double fraction)
    {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }
}
