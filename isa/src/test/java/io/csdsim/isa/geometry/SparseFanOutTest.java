package io.csdsim.isa.geometry;

import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sparse row's synapses into a range, as the engine counts them per spike and route: by binary
 * search (or the whole row) when the rows ascend, by a scan when they do not — both equal to
 * counting the row's targets in the range one by one, and the fan-in equal to the sources that
 * reach the range.
 */
class SparseFanOutTest
{
    private static SynapseTable randomTable(final Random rnd, final int sources, final int targets, final boolean ascending)
    {
        final int[] rowStart = new int[sources + 1];
        final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList t = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
        for (int s = 0; s < sources; s++)
        {
            final int n = rnd.nextInt(6);
            final int[] row = new int[n];
            for (int k = 0; k < n; k++)
            {
                row[k] = rnd.nextInt(targets);
            }
            if (ascending)
            {
                java.util.Arrays.sort(row);
            }
            t.addAll(row);
            rowStart[s + 1] = t.size();
        }
        return SynapseTable.sparse(0, sources, targets, rowStart, t.toArray(), new short[t.size()]);
    }

    @Test
    void aSparseRowsCountInAnyRangeIsItsTargetsInThatRangeWhetherRowsAscendOrNot()
    {
        final Random rnd = new Random(7);
        int checked = 0;
        for (final boolean ascending : new boolean[] {true, false})
        {
            final int sources = 40;
            final int targets = 30;
            final SynapseTable table = randomTable(rnd, sources, targets, ascending);
            final ProgramPopulation src = new ProgramPopulation(0, "s", ProgramPopulation.Kind.DIF, new int[] {sources}, 1, 0, null, 0);
            final ProgramPopulation dst = new ProgramPopulation(1, "t", ProgramPopulation.Kind.DIF, new int[] {targets}, 1, 0, null, 0);
            final ProgramEdge e = new ProgramEdge(0, 1, ProgramEdge.Kind.TABLE, 0, 0, -1, null, 0, 1);
            final FanOutCursor cursor = new FanOutCursor(e, dst, src, table, false);
            for (int s = 0; s < sources; s++)
            {
                cursor.at(s);
                for (int a = 0; a <= targets; a++)
                {
                    for (int b = a; b <= targets; b++)
                    {
                        int want = 0;
                        for (int k = table.rowStart()[s]; k < table.rowStart()[s + 1]; k++)
                        {
                            want += table.targets()[k] >= a && table.targets()[k] < b ? 1 : 0;
                        }
                        assertEquals(want, cursor.count(a, b), "row " + s + " into [" + a + ", " + b + ")");
                        assertEquals(want, EdgeGeometry.fanOutCount(e, dst, src, table, false, s, a, b));
                        checked++;
                    }
                }
            }
            for (int a = 0; a < targets; a += 7)
            {
                final int b = Math.min(targets, a + 9);
                final Intervals in = new Intervals();
                final Intervals unused = new Intervals();
                EdgeGeometry.fanIn(e, dst, src, table, a, b, in, unused);
                in.seal();
                for (int s = 0; s < sources; s++)
                {
                    cursor.at(s);
                    assertEquals(cursor.count(a, b) > 0, in.within(s, s + 1).count() > 0, "source " + s + " reaches [" + a + ", " + b + ")");
                }
            }
        }
        assertTrue(checked > 10_000);
    }
}
