package io.csdsim.simulator.energy;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * The per-event model (docs/timing-model.md, "Energy"): every counted event costs its spec figure
 * — the categories of Davies et al. 2018's Table 2 and the per-message and per-neuron ones
 * calibrated Loihi models (SANA-FE) add — and every core draws its static power for as long as the
 * span lasts.
 */
final class PerEventEnergy extends EnergyModel
{
    private final double synOp;
    private final double dynamicOp;
    private final double active;
    private final double idle;
    private final double access;
    private final double fire;
    private final double spike;
    private final double messageOut;
    private final double messageIn;
    private final double hopX;
    private final double hopY;
    private final double crossing;
    private final double inputMac;
    private final double staticMw;
    private final double clockNs;
    private final double accumulatorUpdate;
    private final double gradedPayload;

    PerEventEnergy(final ChipSpec s)
    {
        synOp = s.get(ChipField.ENERGY_SYN_OP_PJ);
        dynamicOp = s.get(ChipField.ENERGY_DYNAMIC_OP_PJ);
        active = s.get(ChipField.ENERGY_NEURON_ACTIVE_PJ);
        idle = s.get(ChipField.ENERGY_NEURON_IDLE_PJ);
        access = s.get(ChipField.ENERGY_NEURON_ACCESS_PJ);
        fire = s.get(ChipField.ENERGY_NEURON_FIRE_PJ);
        spike = s.get(ChipField.ENERGY_SPIKE_PJ);
        messageOut = s.get(ChipField.ENERGY_MESSAGE_OUT_PJ);
        messageIn = s.get(ChipField.ENERGY_MESSAGE_IN_PJ);
        hopX = s.get(ChipField.ENERGY_HOP_X_PJ);
        hopY = s.get(ChipField.ENERGY_HOP_Y_PJ);
        crossing = s.get(ChipField.ENERGY_CHIP_CROSSING_PJ);
        inputMac = s.get(ChipField.ENERGY_INPUT_MAC_PJ);
        staticMw = s.get(ChipField.ENERGY_STATIC_MW_PER_CORE);
        clockNs = 1000.0 / s.get(ChipField.TIMING_CLOCK_MHZ);
        accumulatorUpdate = s.get(ChipField.ENERGY_ACCUMULATOR_UPDATE_PJ);
        gradedPayload = s.get(ChipField.ENERGY_GRADED_PAYLOAD_PJ);
    }

    @Override
    public double energyPj(final EnergyCategory c, final EnergyEvents e)
    {
        return switch (c)
        {
            case SYNAPTIC_OPS -> e.sops * synOp;
            case DYNAMIC_OPS -> e.dynamicOps * dynamicOp;
            case NEURON_UPDATES -> e.activeUpdates * active + (e.neuronUpdates - e.activeUpdates) * idle;
            case NEURON_ACCESSES -> e.neuronUpdates * access;
            case NEURON_FIRES -> e.spikes * fire;
            case ACCUMULATOR_UPDATES -> e.accumulatorUpdates * accumulatorUpdate;
            case GRADED_PAYLOADS -> e.gradedSpikes * gradedPayload;
            case SPIKES -> e.spikes * spike;
            case MESSAGES_SENT -> e.messagesSent * messageOut;
            case MESSAGES_RECEIVED -> e.messagesReceived * messageIn;
            case HOPS -> e.hopsX * hopX + e.hopsY * hopY;
            case CHIP_CROSSINGS -> e.chipCrossings * crossing;
            case INPUT_MACS -> e.inputMacs * inputMac;
            // mW × s × 1e9 = pJ.
            case STATIC -> staticMw * e.cores * (e.cycles * clockNs * 1e-9) * 1e9;
        };
    }
}
