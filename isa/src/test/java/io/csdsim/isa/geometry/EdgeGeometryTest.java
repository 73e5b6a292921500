package io.csdsim.isa.geometry;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EdgeGeometryTest
{
    @Test
    void progressionCountEqualsCountingTermByTerm()
    {
        final Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++)
        {
            final long base = rnd.nextInt(200) - 50;
            final long stride = 1 + rnd.nextInt(20);
            final long count = rnd.nextInt(15);
            final long a = rnd.nextInt(300) - 80;
            final long b = a + rnd.nextInt(200) - 20;
            long expected = 0;
            for (long k = 0; k < count; k++)
            {
                final long t = base + k * stride;
                expected += t >= a && t < b ? 1 : 0;
            }
            assertEquals(expected, EdgeGeometry.progressionCount(base, stride, count, a, b),
                () -> "base " + base + " stride " + stride + " count " + count + " [" + a + ", " + b + ")");
        }
    }

    @Test
    void progressionCountOfAnEmptyRangeOrProgressionIsZero()
    {
        assertEquals(0, EdgeGeometry.progressionCount(0, 4, 10, 5, 5));
        assertEquals(0, EdgeGeometry.progressionCount(0, 4, 10, 9, 3));
        assertEquals(0, EdgeGeometry.progressionCount(0, 4, 0, 0, 100));
        // 0, 4, 8 of 0..36 fall in [0, 9): a hand count.
        assertEquals(3, EdgeGeometry.progressionCount(0, 4, 10, 0, 9));
    }
}
