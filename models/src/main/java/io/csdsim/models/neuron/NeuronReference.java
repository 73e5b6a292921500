package io.csdsim.models.neuron;

/**
 * One unit of a neuron model, stepped once per tick: the tick's summed synaptic input in, whether it
 * fired out. Membranes are {@code membraneBits} wide and saturate; every clamp is counted.
 */
public abstract class NeuronReference
{
    private final long max;
    private long saturations;

    protected NeuronReference(final int membraneBits)
    {
        if (membraneBits < 2 || membraneBits > 62)
        {
            throw new IllegalArgumentException("membraneBits " + membraneBits + "; expected 2..62");
        }
        max = (1L << (membraneBits - 1)) - 1;
    }

    /** @return whether the unit fires in this tick, after integrating {@code input}. */
    public abstract boolean step(long input);

    /**
     * @return the integer the last step's spike carries to its synapses, which multiply their weights
     * by it: 1 for a binary spike, the sum for a graded one ({@link AccumulatorReference})
     */
    public long payload()
    {
        return 1;
    }

    /** @return payloads clamped to the chip's graded-spike width (0 for a model of binary spikes). */
    public long payloadSaturations()
    {
        return 0;
    }

    /** @return the membrane potential v after the last step. */
    public abstract long membrane();

    /** @return how many times a state variable was clamped to the membrane range. */
    public final long saturations()
    {
        return saturations;
    }

    /** @return x clamped to ±(2^(membraneBits−1) − 1), counting a clamp. */
    protected final long sat(final long x)
    {
        if (x > max)
        {
            saturations++;
            return max;
        }
        if (x < -max)
        {
            saturations++;
            return -max;
        }
        return x;
    }
}
