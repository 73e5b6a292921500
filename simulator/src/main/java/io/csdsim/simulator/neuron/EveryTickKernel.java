package io.csdsim.simulator.neuron;

/**
 * A model whose units are stepped every tick and may fire in any: their state changes without input
 * (a leak, a bias, a refractory count) or a unit left at or past its threshold fires again.
 */
abstract class EveryTickKernel extends NeuronKernel
{
    EveryTickKernel(final int membraneBits)
    {
        super(membraneBits);
    }

    @Override
    public final boolean stepsEveryTick()
    {
        return true;
    }

    @Override
    public final boolean mayFire(final int t)
    {
        return true;
    }

    /** @return unit i's input this tick, which it clears, reporting the unit as active when it is not 0. */
    protected static long take(final long[] input, final int i, final UnitActivity activity)
    {
        final long in = input[i];
        if (in != 0)
        {
            input[i] = 0;
            activity.received(i);
        }
        return in;
    }
}
