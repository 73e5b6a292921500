package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * A contiguous range [start, end) of one population's units, placed on one core.
 *
 * <p>A range whose fan-in no core can take is split by its inputs: its soma group holds the neurons
 * and receives, each tick, one partial current per neuron from each of its dendrite groups; a
 * dendrite group ({@code soma >= 0}) covers the same range with partial-sum compartments and takes
 * the {@code pieces} of the fan-in: triples (edge, first source unit, end source unit).
 */
public record NeuronGroup(int id, int population, int start, int end, int core, int soma, int[] pieces)
{
    /** A group that takes all its inputs itself. */
    public NeuronGroup(final int id, final int population, final int start, final int end, final int core)
    {
        this(id, population, start, end, core, -1, new int[0]);
    }

    public int size()
    {
        return end - start;
    }

    public boolean isDendrite()
    {
        return soma >= 0;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof NeuronGroup g && id == g.id && population == g.population && start == g.start && end == g.end
            && core == g.core && soma == g.soma && Arrays.equals(pieces, g.pieces);
    }

    @Override
    public int hashCode()
    {
        return ((id * 31 + population) * 31 + start) * 31 + core;
    }
}
