package io.csdsim.simulator.timing;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * A core that does one thing at a time (Loihi's published per-operation times are of this kind):
 * synaptic and dynamic operations share its lanes, its neurons are updated one after another — each
 * also accessed — and its fired neurons emit one after another.
 */
class SerialCoreTiming extends CoreTiming
{
    private final double opCycles;
    private final long activeCycles;
    private final long idleCycles;
    private final long accessCycles;
    private final long fireCycles;
    private final long messageInCycles;
    private final long messageOutCycles;
    private final long barrier;
    private final long accumulatorCycles;
    private final long gradedSpikeCycles;

    SerialCoreTiming(final ChipSpec s)
    {
        opCycles = s.get(ChipField.TIMING_SYN_OP_CYCLES) / s.get(ChipField.TIMING_SYN_OP_LANES);
        activeCycles = Math.round(s.get(ChipField.TIMING_NEURON_ACTIVE_CYCLES));
        idleCycles = Math.round(s.get(ChipField.TIMING_NEURON_IDLE_CYCLES));
        accessCycles = Math.round(s.get(ChipField.TIMING_NEURON_ACCESS_CYCLES));
        fireCycles = Math.round(s.get(ChipField.TIMING_NEURON_FIRE_CYCLES));
        messageInCycles = Math.round(s.get(ChipField.TIMING_MESSAGE_IN_CYCLES));
        messageOutCycles = Math.max(1, Math.round(s.get(ChipField.TIMING_MESSAGE_OUT_CYCLES)));
        barrier = Math.round(s.get(ChipField.TIMING_BARRIER_CYCLES));
        accumulatorCycles = Math.round(s.get(ChipField.TIMING_ACCUMULATOR_UPDATE_CYCLES));
        gradedSpikeCycles = Math.round(s.get(ChipField.TIMING_GRADED_SPIKE_CYCLES));
    }

    @Override
    public long integrateCycles(final long sops, final long dynamicOps)
    {
        return (long)Math.ceil((sops + dynamicOps) * opCycles);
    }

    @Override
    public long partialSumCycles(final int compartments)
    {
        return (long)Math.ceil(compartments * opCycles);
    }

    @Override
    public long updateCycles(final long active, final long idle)
    {
        return active * activeCycles + idle * idleCycles + (active + idle) * accessCycles;
    }

    @Override
    public long fireCycles(final long fired)
    {
        return fired * fireCycles;
    }

    @Override
    public long accumulatorCycles(final long updates)
    {
        return updates * accumulatorCycles;
    }

    @Override
    public long gradedSpikeCycles(final long graded)
    {
        return graded * gradedSpikeCycles;
    }

    @Override
    public long messageInCycles()
    {
        return messageInCycles;
    }

    @Override
    public long messageOutCycles()
    {
        return messageOutCycles;
    }

    @Override
    public long barrierCycles()
    {
        return barrier;
    }
}
