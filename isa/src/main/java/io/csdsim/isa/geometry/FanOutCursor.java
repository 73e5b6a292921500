package io.csdsim.isa.geometry;

import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;

/**
 * How many targets one source unit reaches through an edge, asked for many target ranges in turn:
 * {@link #at} places the unit once — for a table, the target ranges it reaches (one token's outputs,
 * or up to three rows of a 3×3 neighbourhood, each contiguous) — and {@link #count} then only
 * intersects. Equal to {@link EdgeGeometry#fanOutCount} for every unit and range; kinds other than
 * tables and products are passed to it.
 */
public final class FanOutCursor
{
    private final ProgramEdge edge;
    private final ProgramPopulation target;
    private final ProgramPopulation source;
    private final SynapseTable table;
    private final boolean sideB;
    private final boolean ranges;
    private final ProductReach reach;
    private int productBase;
    private final int[] lo = new int[3];
    private final int[] hi = new int[3];
    private int count;
    private int unit;
    /** A sparse table whose every row lists its targets in ascending order: a row is intersected by binary search. */
    private final boolean sortedRows;
    private int rowLo;
    private int rowHi;

    public FanOutCursor(final ProgramEdge edge, final ProgramPopulation target, final ProgramPopulation source, final SynapseTable table,
        final boolean sideB)
    {
        this(edge, target, source, table, sideB, edge.kind() == ProgramEdge.Kind.TABLE && table.kind() == SynapseTable.Kind.SPARSE
            && rowsAscend(table));
    }

    /**
     * As above, told whether the table's rows ascend ({@link #rowsAscend}) by a caller that checked
     * once for many cursors of the table (the engine makes them per sample).
     */
    public FanOutCursor(final ProgramEdge edge, final ProgramPopulation target, final ProgramPopulation source, final SynapseTable table,
        final boolean sideB, final boolean rowsAscend)
    {
        this.edge = edge;
        this.target = target;
        this.source = source;
        this.table = table;
        this.sideB = sideB;
        // A sparse row or a general convolution's taps are counted by EdgeGeometry.
        this.ranges = edge.kind() == ProgramEdge.Kind.TABLE && (table.kind() == SynapseTable.Kind.DENSE || table.kind() == SynapseTable.Kind.CONV3X3);
        this.sortedRows = edge.kind() == ProgramEdge.Kind.TABLE && table.kind() == SynapseTable.Kind.SPARSE && rowsAscend;
        this.reach = edge.kind() == ProgramEdge.Kind.TDEC_PRODUCT
            ? new ProductReach(edge.product(), sideB ? io.csdsim.isa.program.ProductMap.Operand.B : io.csdsim.isa.program.ProductMap.Operand.A)
            : null;
    }

    /** Places source unit s. */
    public void at(final int s)
    {
        unit = s;
        if (reach != null)
        {
            // Decoded once per spike, then intersected with every receiving group's range.
            productBase = (int)(reach.bases(s) >>> 32);
            return;
        }
        if (sortedRows)
        {
            rowLo = table.rowStart()[s];
            rowHi = table.rowStart()[s + 1];
            return;
        }
        if (!ranges)
        {
            return;
        }
        final int cout = table.outFeatures();
        final int pix = s / table.inFeatures();
        if (table.kind() == SynapseTable.Kind.DENSE)
        {
            lo[0] = pix * cout;
            hi[0] = lo[0] + cout;
            count = 1;
            return;
        }
        final int w = table.width();
        final int y = pix / w;
        final int x = pix - y * w;
        final int x0 = Math.max(0, x - 1);
        final int x1 = Math.min(w - 1, x + 1);
        count = 0;
        for (int yo = Math.max(0, y - 1); yo <= Math.min(table.height() - 1, y + 1); yo++)
        {
            lo[count] = (yo * w + x0) * cout;
            hi[count] = (yo * w + x1 + 1) * cout;
            count++;
        }
    }

    /** @return the targets in [a, b) the placed unit reaches. */
    public int count(final int a, final int b)
    {
        if (reach != null)
        {
            return (int)reach.additionsFrom(productBase, a, b);
        }
        if (sortedRows)
        {
            final int[] targets = table.targets();
            if (rowLo == rowHi || a <= targets[rowLo] && b > targets[rowHi - 1])
            {
                // The whole row (a core holding all its targets): no search.
                return rowHi - rowLo;
            }
            return firstAtLeast(b) - firstAtLeast(a);
        }
        if (!ranges)
        {
            return EdgeGeometry.fanOutCount(edge, target, source, table, sideB, unit, a, b);
        }
        int n = 0;
        for (int k = 0; k < count; k++)
        {
            n += Math.max(0, Math.min(hi[k], b) - Math.max(lo[k], a));
        }
        return n;
    }

    /** @return the first index of the placed row whose target is at least x (the row's end when none is). */
    private int firstAtLeast(final int x)
    {
        final int[] targets = table.targets();
        int lo = rowLo;
        int hi = rowHi;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (targets[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return whether every row of a sparse table lists its targets in ascending order. */
    public static boolean rowsAscend(final SynapseTable t)
    {
        final int[] rows = t.rowStart();
        final int[] targets = t.targets();
        for (int r = 0; r < t.inFeatures(); r++)
        {
            for (int k = rows[r] + 1; k < rows[r + 1]; k++)
            {
                if (targets[k] < targets[k - 1])
                {
                    return false;
                }
            }
        }
        return true;
    }
}
