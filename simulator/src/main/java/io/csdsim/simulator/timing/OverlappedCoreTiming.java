package io.csdsim.simulator.timing;

import io.csdsim.isa.spec.ChipSpec;

/**
 * A core whose synapse unit and soma unit work side by side (SANA-FE's pipeline of separate units):
 * each phase costs what it costs on the serial core, but the neuron updates overlap the synaptic
 * integration — the core is done updating at the later of the two, not their sum.
 */
final class OverlappedCoreTiming extends SerialCoreTiming
{
    OverlappedCoreTiming(final ChipSpec s)
    {
        super(s);
    }

    @Override
    public long afterUpdate(final long integrated, final long updateCycles)
    {
        return Math.max(integrated, updateCycles);
    }
}
