package io.csdsim.simulator.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortestNumbersTest
{
    @Test
    void writesTheDoubleJava17WritesLongerInItsShortestDigits()
    {
        // Java 17 writes this double with 17 significant digits; 16 read back as the same double.
        final double v = 3.4239917743724851E18;
        assertEquals(v, Double.parseDouble("3.423991774372485E18"));
        assertEquals("3.423991774372485E18", ShortestNumbers.of(v));
    }

    @Test
    void keepsDoubleToStringsLayout()
    {
        assertEquals("0.30000000000000004", ShortestNumbers.of(0.1 + 0.2));
        assertEquals("0.002", ShortestNumbers.of(2.0E-3));
        assertEquals("1.0E7", ShortestNumbers.of(1.0E7));
        assertEquals("9999999.0", ShortestNumbers.of(9999999.0));
        assertEquals("6.152644608000001E8", ShortestNumbers.of(6.152644608000001E8));
        assertEquals("-0.0", ShortestNumbers.of(-0.0));
    }

    /** The fewest significant digits that read back as v, found by rounding its exact value at every precision. */
    private static int fewestDigits(final double v)
    {
        for (int p = 1; ; p++)
        {
            if (new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN)).doubleValue() == v)
            {
                return p;
            }
        }
    }

    private static int significantDigits(final String s)
    {
        final String mantissa = s.contains("E") ? s.substring(0, s.indexOf('E')) : s;
        final String digits = mantissa.replace("-", "").replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, digits.length());
    }

    @Test
    void everyDoubleReadsBackAndHasNoDigitMoreThanNeeded()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++)
        {
            final double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL) : random.nextInt(1_000_000) * 23.6 + 0.1;
            final String s = ShortestNumbers.of(v);
            assertEquals(v, Double.parseDouble(s), s);
            assertTrue(significantDigits(s) <= Math.max(2, fewestDigits(v)), s + " for " + new BigDecimal(v));
        }
    }
}
