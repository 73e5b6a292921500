package io.csdsim.models.quant;

/**
 * The widths the integer rule targets: signed weight mantissa bits, saturating membrane bits, and the
 * least number of bits an integer threshold keeps (its rounding error is at most 2^-(bits+1)).
 */
public record QuantizationParams(int weightBits, int membraneBits, int minThresholdBits)
{
    /** Loihi-like defaults: 8-bit weights with a per-projection exponent, 24-bit membranes. */
    public static final QuantizationParams DEFAULT = new QuantizationParams(8, 24, 8);

    public QuantizationParams
    {
        if (weightBits < 2 || weightBits > 16)
        {
            throw new IllegalArgumentException("weight bits " + weightBits + " not in 2..16");
        }
        if (membraneBits < 8 || membraneBits > 62)
        {
            throw new IllegalArgumentException("membrane bits " + membraneBits + " not in 8..62");
        }
    }

    /** @return the largest mantissa magnitude. */
    public int mantissaMax()
    {
        return (1 << (weightBits - 1)) - 1;
    }
}
