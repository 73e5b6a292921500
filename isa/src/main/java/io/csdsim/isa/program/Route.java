package io.csdsim.isa.program;

/**
 * Spikes of a source group that an edge carries to a target group: {@code entries} is how many of the
 * source group's neurons have a synapse in the target group (one routing entry each, on the source
 * core), {@code hops} the mesh distance between their cores, {@code chipCrossings} the chip-to-chip
 * links on the way.
 */
public record Route(int sourceGroup, int targetGroup, int edge, int entries, int hops, int chipCrossings)
{
    /** The edge of a route that carries a dendrite's partial currents to its soma. */
    public static final int PARTIAL_SUMS = -1;
    /** The edge of a route that carries a group's spikes to one of its relays. */
    public static final int RELAY = -2;
}
