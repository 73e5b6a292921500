package io.csdsim.simulator.neuron;

import io.csdsim.isa.program.NeuronParameters;

/**
 * Accumulator compartments (docs/neuron-models.md, accumulator): each unit with a non-zero input in a
 * tick forwards it as one graded spike whose payload is the input saturated to the chip's payload
 * bits, and keeps nothing. Only units with input are touched: a silent tick costs no update.
 */
final class AccumulatorKernel extends InputDrivenKernel
{
    private final long payloadMax;

    AccumulatorKernel(final int payloadBits, final int membraneBits)
    {
        super(membraneBits);
        payloadMax = (1L << (payloadBits - 1)) - 1;
    }

    /** The model's name in programs. */
    static final String NAME = "accumulator";

    /** @return a kernel whose payload width is the population's {@code payloadBits}, 2..32. */
    static AccumulatorKernel create(final NeuronParameters p, final int membraneBits)
    {
        return new AccumulatorKernel((int)p.required("payloadBits", 2, 32), membraneBits);
    }

    @Override
    public boolean graded()
    {
        return true;
    }

    @Override
    public long step(final int t, final long[] input, final int lo, final int hi, final boolean integrate, final boolean fire,
        final UnitActivity activity)
    {
        long sat = 0;
        final long max = payloadMax;
        for (int i = lo; i < hi; i++)
        {
            final long in = input[i];
            if (in == 0)
            {
                continue;
            }
            input[i] = 0;
            long x = in;
            if (x > max || x < -max)
            {
                x = x > 0 ? max : -max;
                sat++;
            }
            activity.received(i);
            activity.firedGraded(i, (int)x);
        }
        return sat;
    }
}
