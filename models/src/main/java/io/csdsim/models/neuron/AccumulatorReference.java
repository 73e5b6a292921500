package io.csdsim.models.neuron;

/**
 * An integer accumulator compartment that forwards its tick's sum as one graded spike: in each tick
 * with a non-zero input it fires, and its spike carries that input — saturated to the chip's graded
 * payload, {@code payloadBits} signed bits, each clamp counted — as its payload. It keeps nothing from
 * one tick to the next. The mapper places these where an architect sums a residual stream once
 * (docs/residual-stream.md); a network file cannot hold them.
 */
public final class AccumulatorReference extends NeuronReference
{
    /** The model's name in programs. */
    public static final String NAME = "accumulator";

    private final long payloadMax;
    private long payload;
    private long payloadSaturations;

    private AccumulatorReference(final int payloadBits, final int membraneBits)
    {
        super(membraneBits);
        payloadMax = (1L << (payloadBits - 1)) - 1;
    }

    /** @return a unit; its one parameter is {@code payloadBits}, 2..32. */
    public static AccumulatorReference create(final NamedParameters n, final int membraneBits)
    {
        return new AccumulatorReference(payloadBits(n), membraneBits);
    }

    /** @return the payload width a population of accumulators names, checked. */
    public static int payloadBits(final NamedParameters n)
    {
        return (int)n.integer("payloadBits", 2, 32);
    }

    @Override
    public boolean step(final long input)
    {
        long x = input;
        if (x > payloadMax || x < -payloadMax)
        {
            x = x > 0 ? payloadMax : -payloadMax;
            payloadSaturations++;
        }
        payload = x;
        return input != 0;
    }

    /** @return the payload of the last step's spike: the tick's sum, saturated. */
    @Override
    public long payload()
    {
        return payload;
    }

    /** @return clamps of the payload (an accumulator has no membrane to saturate). */
    @Override
    public long payloadSaturations()
    {
        return payloadSaturations;
    }

    @Override
    public long membrane()
    {
        return payload;
    }
}
