package io.csdsim.simulator.neuron;

/**
 * Spike sources (docs/neuron-models.md, {@code spike-source}): the units of a network's spike-train
 * input. No state: a unit fires in a tick exactly when its input is positive, the host having
 * injected 1 for each spike of its train ({@link #takesStimulus}).
 */
final class SpikeSourceKernel extends InputDrivenKernel
{
    /** The model's name in programs. */
    static final String NAME = "spike-source";

    SpikeSourceKernel(final int membraneBits)
    {
        super(membraneBits);
    }

    @Override
    public boolean takesStimulus()
    {
        return true;
    }

    @Override
    public long step(final int t, final long[] input, final int lo, final int hi, final boolean integrate, final boolean fire,
        final UnitActivity activity)
    {
        for (int i = lo; i < hi; i++)
        {
            final long in = input[i];
            if (in != 0)
            {
                input[i] = 0;
                activity.received(i);
                if (in > 0)
                {
                    activity.fired(i);
                }
            }
        }
        return 0;
    }
}
