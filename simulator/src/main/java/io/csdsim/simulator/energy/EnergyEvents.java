package io.csdsim.simulator.energy;

import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.event.EventCounts;

/**
 * The counted events an energy model prices, by name, for whatever span it is asked about: one
 * tick, one core over a sample, a population, a whole run. Counts are integers summed in a fixed
 * order, so the energy of any span is the same whatever thread counted it.
 */
public final class EnergyEvents
{
    /** Synaptic operations: one weight read and added, per spike and target neuron. */
    public long sops;
    /** Dynamic (TDEC) operations: max-pool and attention-product updates. */
    public long dynamicOps;
    /** Neurons updated (every neuron of an updating core, every tick), active or idle. */
    public long neuronUpdates;
    /** Of those, the ones that received input or fired. */
    public long activeUpdates;
    /** Neurons that fired. */
    public long spikes;
    /** Packets sent (each is received by exactly one core). */
    public long messagesSent;
    /** Packets received. */
    public long messagesReceived;
    public long hopsX;
    public long hopsY;
    public long chipCrossings;
    /** Multiply-accumulates of the host's input stage. */
    public long inputMacs;
    /** Accumulator compartments that summed input and forwarded it. */
    public long accumulatorUpdates;
    /** Of the spikes, those carrying a payload (graded). */
    public long gradedSpikes;
    /** Cycles the span lasted (for static power). */
    public long cycles;
    /** Cores powered over those cycles, or a neuron group's share of its core. */
    public double cores;

    /**
     * @return the events an energy model prices, read from a span's counts; the span's cycles and the
     * cores it powers are the caller's to state.
     */
    public static EnergyEvents of(final EventCounts c)
    {
        final EnergyEvents e = new EnergyEvents();
        e.sops = c.count(CountedEvents.SOPS);
        e.dynamicOps = c.count(CountedEvents.DYNAMIC_OPS);
        e.neuronUpdates = c.count(CountedEvents.NEURON_UPDATES);
        e.activeUpdates = c.count(CountedEvents.ACTIVE_UPDATES);
        e.spikes = c.count(CountedEvents.SPIKES);
        e.messagesSent = c.count(CountedEvents.PACKETS);
        e.messagesReceived = c.count(CountedEvents.PACKETS_RECEIVED);
        e.hopsX = c.count(CountedEvents.HOPS_X);
        e.hopsY = c.count(CountedEvents.HOPS_Y);
        e.chipCrossings = c.count(CountedEvents.CHIP_CROSSINGS);
        e.inputMacs = c.count(CountedEvents.INPUT_MACS);
        e.accumulatorUpdates = c.count(CountedEvents.ACCUMULATOR_UPDATES);
        e.gradedSpikes = c.count(CountedEvents.GRADED_SPIKES);
        return e;
    }

    /** Adds another span's counts (cycles and cores excepted: the caller states those). */
    public EnergyEvents add(final EnergyEvents o)
    {
        sops += o.sops;
        dynamicOps += o.dynamicOps;
        neuronUpdates += o.neuronUpdates;
        activeUpdates += o.activeUpdates;
        spikes += o.spikes;
        messagesSent += o.messagesSent;
        messagesReceived += o.messagesReceived;
        hopsX += o.hopsX;
        hopsY += o.hopsY;
        chipCrossings += o.chipCrossings;
        inputMacs += o.inputMacs;
        accumulatorUpdates += o.accumulatorUpdates;
        gradedSpikes += o.gradedSpikes;
        return this;
    }
}
