package io.csdsim.simulator.energy;

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
