package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * A contiguous range [start, end) of one population's units, placed on one core, in one of three roles.
 *
 * <ul>
 * <li>{@link Role#NEURONS}: the neurons themselves (a soma when the range has dendrites).</li>
 * <li>{@link Role#DENDRITE}: partial-sum compartments for the same range, taking the {@code pieces}
 * of the fan-in — triples (edge, first source unit, end source unit) — and sending one partial
 * current per neuron to the soma {@code parent} each tick. Used when no core can take the fan-in.</li>
 * <li>{@link Role#RELAY}: forwards the spikes of the range's neurons (group {@code parent} sends every
 * spike to each of its relays) to a share of their destinations. Used when the fan-out needs more
 * routing entries than one core has.</li>
 * </ul>
 */
public record NeuronGroup(int id, int population, int start, int end, int core, Role role, int parent, int[] pieces)
{
    /** What the group's core does for its range. */
    public enum Role
    {
        NEURONS, DENDRITE, RELAY;

    }

    /** Neurons that take all their inputs and send all their spikes themselves. */
    public NeuronGroup(final int id, final int population, final int start, final int end, final int core)
    {
        this(id, population, start, end, core, Role.NEURONS, -1, new int[0]);
    }

    public int size()
    {
        return end - start;
    }

    /** @return the fan-in pieces a dendrite takes (none for other roles). */
    public int pieceCount()
    {
        return pieces.length / 3;
    }

    /** @return the edge of fan-in piece k. */
    public int pieceEdge(final int k)
    {
        return pieces[3 * k];
    }

    /** @return the first source unit of fan-in piece k. */
    public int pieceFrom(final int k)
    {
        return pieces[3 * k + 1];
    }

    /** @return the end (exclusive) source unit of fan-in piece k. */
    public int pieceTo(final int k)
    {
        return pieces[3 * k + 2];
    }

    public boolean isDendrite()
    {
        return role == Role.DENDRITE;
    }

    public NeuronGroup onCore(final int newCore)
    {
        return new NeuronGroup(id, population, start, end, newCore, role, parent, pieces);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof NeuronGroup g && id == g.id && population == g.population && start == g.start && end == g.end
            && core == g.core && role == g.role && parent == g.parent && Arrays.equals(pieces, g.pieces);
    }

    @Override
    public int hashCode()
    {
        return ((id * 31 + population) * 31 + start) * 31 + core;
    }
}
