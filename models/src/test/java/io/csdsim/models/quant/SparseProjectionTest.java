package io.csdsim.models.quant;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A sparse projection keeps every synapse (target and weight together), each row in ascending target order. */
class SparseProjectionTest
{
    @Test
    void rowsAreSortedByTargetWithTheirWeightsAndSortedInputIsKeptAsGiven()
    {
        final int[] rowStart = {0, 3, 3, 6};
        final int[] targets = {4, 0, 2, 1, 1, 0};
        final short[] weights = {-3, 5, 7, 2, -1, 9};
        final Projection p = Projection.sparse(0, "p", 0, 3, 5, rowStart, targets, weights, 1);
        assertArrayEquals(new int[] {0, 2, 4, 0, 1, 1}, p.targets);
        // Row 0: (4, -3), (0, 5), (2, 7) -> (0, 5), (2, 7), (4, -3); row 2: (1, 2), (1, -1), (0, 9) -> (0, 9), then target 1's two.
        assertArrayEquals(new short[] {5, 7, -3, 9}, new short[] {p.mantissa[0], p.mantissa[1], p.mantissa[2], p.mantissa[3]});
        final List<Short> ones = new ArrayList<>(List.of(p.mantissa[4], p.mantissa[5]));
        ones.sort(null);
        assertEquals(List.of((short)-1, (short)2), ones);
        assertArrayEquals(new int[] {4, 0, 2, 1, 1, 0}, targets, "the caller's arrays are not touched");
        final int[] sorted = {0, 2, 4};
        final short[] w = {1, 2, 3};
        final Projection q = Projection.sparse(1, "q", 0, 1, 5, new int[] {0, 3}, sorted, w, 1);
        assertSame(sorted, q.targets);
        assertSame(w, q.mantissa);
    }
}
