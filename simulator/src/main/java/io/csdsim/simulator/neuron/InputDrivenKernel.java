package io.csdsim.simulator.neuron;

/**
 * A model whose units keep no state from tick to tick and act only on a tick's input (spike sources,
 * accumulators): they are never stepped in a tick without input, and fire only in one with it, which
 * the engine steps anyway.
 */
abstract class InputDrivenKernel extends NeuronKernel
{
    InputDrivenKernel(final int membraneBits)
    {
        super(membraneBits);
    }

    @Override
    public final boolean stepsEveryTick()
    {
        return false;
    }

    @Override
    public final boolean mayFire(final int t)
    {
        return false;
    }
}
