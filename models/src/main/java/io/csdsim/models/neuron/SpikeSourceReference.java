package io.csdsim.models.neuron;

/**
 * A spike source: the unit of a network's spike-train input. It has no state and no parameters; it
 * fires in a tick exactly when its input is positive. The host injects 1 into a source in each tick
 * its train has a spike, so the source fires the train unchanged, on the chip like any neuron: its
 * spikes are routed, cost messages and hops and reach their synapses (docs/neuron-models.md).
 */
public final class SpikeSourceReference extends NeuronReference
{
    /** The model's name in networks, files and programs. */
    public static final String NAME = "spike-source";

    private long last;

    private SpikeSourceReference(final int membraneBits)
    {
        super(membraneBits);
    }

    /** @return a unit; the model takes no parameters. */
    public static SpikeSourceReference create(final NamedParameters n, final int membraneBits)
    {
        return new SpikeSourceReference(membraneBits);
    }

    @Override
    public boolean step(final long input)
    {
        last = input;
        return input > 0;
    }

    /** @return the last input (a source keeps no potential). */
    @Override
    public long membrane()
    {
        return last;
    }
}
