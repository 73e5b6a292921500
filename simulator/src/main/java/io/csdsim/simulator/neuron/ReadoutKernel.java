package io.csdsim.simulator.neuron;

/**
 * The readout's integer accumulators (a READOUT population, {@code ProgramPopulation.Kind.ACCUMULATOR}):
 * each unit adds every input it receives, without bound, and never fires; the host reads the values
 * after the last tick. Not to be confused with the accumulator neuron model ({@link AccumulatorKernel}),
 * which forwards its input as graded spikes.
 */
public final class ReadoutKernel extends InputDrivenKernel
{
    private final long[] values;

    ReadoutKernel(final int units, final int membraneBits)
    {
        super(membraneBits);
        values = new long[units];
    }

    /** @return the accumulators' values, per unit (live: they change as the sample runs). */
    public long[] values()
    {
        return values;
    }

    @Override
    public long step(final int t, final long[] input, final int lo, final int hi, final boolean integrate, final boolean fire,
        final UnitActivity activity)
    {
        if (!integrate)
        {
            return 0;
        }
        final long[] v = values;
        for (int i = lo; i < hi; i++)
        {
            if (input[i] != 0)
            {
                v[i] += input[i];
                input[i] = 0;
                activity.received(i);
            }
        }
        return 0;
    }
}
