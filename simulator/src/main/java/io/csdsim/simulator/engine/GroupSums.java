package io.csdsim.simulator.engine;

import io.csdsim.simulator.energy.EnergyEvents;

/**
 * Per neuron group (one per core), summed over a sample's ticks by one timing thread, each quantity
 * in its own named array: synaptic and dynamic ops, neuron updates (all and active), spikes fired,
 * packets sent and received, the hops and chip crossings of the packets it sent, busy cycles.
 */
public final class GroupSums
{
    public final long[] sops;
    public final long[] dynamicOps;
    public final long[] neuronUpdates;
    public final long[] activeUpdates;
    /** Spikes its neurons fired. */
    public final long[] spikes;
    /** Spikes the host injected into its spike sources (which cost no neuron energy or time). */
    public final long[] inputSpikes;
    /** Packets the group's core sent (to relays and dendrites included). */
    public final long[] packets;
    public final long[] packetsReceived;
    /** Hops and crossings of the packets the group sent. */
    public final long[] hopsX;
    public final long[] hopsY;
    public final long[] chipCrossings;
    /** Cycles from the tick's start until the core was done updating and firing, summed over ticks. */
    public final long[] busyCycles;
    /** Accumulator compartments that summed and forwarded input, and the graded spikes they sent. */
    public final long[] accumulatorUpdates;
    public final long[] gradedSpikes;

    /** Sums of this many groups, all zero. */
    public GroupSums(final int groups)
    {
        sops = new long[groups];
        dynamicOps = new long[groups];
        neuronUpdates = new long[groups];
        activeUpdates = new long[groups];
        spikes = new long[groups];
        inputSpikes = new long[groups];
        packets = new long[groups];
        packetsReceived = new long[groups];
        hopsX = new long[groups];
        hopsY = new long[groups];
        chipCrossings = new long[groups];
        busyCycles = new long[groups];
        accumulatorUpdates = new long[groups];
        gradedSpikes = new long[groups];
    }

    /** @return the number of groups. */
    public int groups()
    {
        return sops.length;
    }

    /** Adds another thread's or sample's sums (integer sums: the order does not matter). */
    public void add(final GroupSums o)
    {
        final java.util.Map<String, long[]> theirs = o.byName();
        for (final java.util.Map.Entry<String, long[]> e : byName().entrySet())
        {
            final long[] mine = e.getValue();
            final long[] add = theirs.get(e.getKey());
            for (int g = 0; g < mine.length; g++)
            {
                mine[g] += add[g];
            }
        }
    }

    public EnergyEvents addEvents(final int g, final EnergyEvents into)
    {
        into.sops += sops[g];
        into.dynamicOps += dynamicOps[g];
        into.neuronUpdates += neuronUpdates[g];
        into.activeUpdates += activeUpdates[g];
        into.spikes += spikes[g];
        into.messagesSent += packets[g];
        into.messagesReceived += packetsReceived[g];
        into.hopsX += hopsX[g];
        into.hopsY += hopsY[g];
        into.chipCrossings += chipCrossings[g];
        into.accumulatorUpdates += accumulatorUpdates[g];
        into.gradedSpikes += gradedSpikes[g];
        return into;
    }

    /** @return every per-group column under its name, the arrays themselves (filling one fills these sums). */
    public java.util.Map<String, long[]> byName()
    {
        final java.util.Map<String, long[]> m = new java.util.LinkedHashMap<>();
        m.put("sops", sops);
        m.put("dynamicOps", dynamicOps);
        m.put("neuronUpdates", neuronUpdates);
        m.put("activeUpdates", activeUpdates);
        m.put("spikes", spikes);
        m.put("inputSpikes", inputSpikes);
        m.put("packets", packets);
        m.put("packetsReceived", packetsReceived);
        m.put("hopsX", hopsX);
        m.put("hopsY", hopsY);
        m.put("chipCrossings", chipCrossings);
        m.put("busyCycles", busyCycles);
        m.put("accumulatorUpdates", accumulatorUpdates);
        m.put("gradedSpikes", gradedSpikes);
        return m;
    }
}
