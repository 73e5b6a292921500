package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * A population as the chip runs it: input (computed by the host), DIF neurons, a TDEC max-pool, or
 * readout accumulators (non-spiking, read by the host after the last tick). Neurons are indexed in
 * the population's layout (last dimension fastest).
 */
public record ProgramPopulation(int id, String name, Kind kind, int[] shape, int theta, int v0, long[] bias, int windowStart, NeuronSpec neuron)
{
    /** A population of a kind that names no neuron model (every kind but {@link Kind#NEURONS}). */
    public ProgramPopulation(final int id, final String name, final Kind kind, final int[] shape, final int theta, final int v0,
        final long[] bias, final int windowStart)
    {
        this(id, name, kind, shape, theta, v0, bias, windowStart, null);
    }

    /** What a population's units do. */
    public enum Kind
    {
        /** The input stage: the host computes its outgoing current (conv0) as MACs and injects it once. */
        INPUT,
        /** Delayed integrate-and-fire neurons (DESIGN §3.2). */
        DIF,
        /** TDEC max-pool 3×3 / stride 2 / pad 1 (DESIGN §3.3): fires in its source's ticks. */
        TDEC_MAXPOOL,
        /** Integer accumulators that integrate every tick and never fire; the host reads them. */
        ACCUMULATOR,
        /** The classifier the host applies to accumulators after the last tick: integer logits, bias included. */
        HOST_CLASSIFIER,
        /** Spiking neurons of the model its {@link NeuronSpec} names (if, cuba-lif, dif, …): they may fire in any tick. */
        NEURONS;


        /** @return whether the population's units are neurons that integrate synaptic input and fire. */
        public boolean isNeurons()
        {
            return this == DIF || this == NEURONS;
        }

        /** @return whether the population's units send spikes (the host's input stage included). */
        public boolean isSpiking()
        {
            return this == INPUT || this == DIF || this == NEURONS || this == TDEC_MAXPOOL;
        }
    }

    public int size()
    {
        int n = 1;
        for (final int d : shape)
        {
            n *= d;
        }
        return n;
    }

    /** @return the length of the last dimension (channels, features). */
    public int channels()
    {
        return shape[shape.length - 1];
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ProgramPopulation p && id == p.id && name.equals(p.name) && kind == p.kind && Arrays.equals(shape, p.shape)
            && theta == p.theta && v0 == p.v0 && Arrays.equals(bias, p.bias) && windowStart == p.windowStart
            && java.util.Objects.equals(neuron, p.neuron);
    }

    @Override
    public int hashCode()
    {
        return id * 31 + name.hashCode();
    }
}
