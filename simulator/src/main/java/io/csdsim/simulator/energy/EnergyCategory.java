package io.csdsim.simulator.energy;

import io.csdsim.isa.spec.ChipField;

import java.util.List;

/**
 * The categories energy is reported in, in report order, each with the label the summary prints,
 * the key the JSON report writes and the name of its {@code --ticks} column — all stated here, none
 * derived from another —, whether it is static (power × time) or paid per event, and the spec
 * figures it sums: a per-event category prices each counted event whose declaration names one of
 * them ({@code CountedEvents}).
 */
public enum EnergyCategory
{
    SYNAPTIC_OPS("synaptic ops", "synapticOps", "energy_synaptic_ops_pj", false, ChipField.ENERGY_SYN_OP_PJ),
    DYNAMIC_OPS("dynamic (TDEC) ops", "dynamicTdecOps", "energy_dynamic_ops_pj", false, ChipField.ENERGY_DYNAMIC_OP_PJ),
    NEURON_UPDATES("neuron updates", "neuronUpdates", "energy_neuron_updates_pj", false, ChipField.ENERGY_NEURON_ACTIVE_PJ, ChipField.ENERGY_NEURON_IDLE_PJ),
    NEURON_ACCESSES("neuron accesses", "neuronAccesses", "energy_neuron_accesses_pj", false, ChipField.ENERGY_NEURON_ACCESS_PJ),
    NEURON_FIRES("neuron fires", "neuronFires", "energy_neuron_fires_pj", false, ChipField.ENERGY_NEURON_FIRE_PJ),
    ACCUMULATOR_UPDATES("accumulator updates", "accumulatorUpdates", "energy_accumulator_updates_pj", false, ChipField.ENERGY_ACCUMULATOR_UPDATE_PJ),
    GRADED_PAYLOADS("graded payloads", "gradedPayloads", "energy_graded_payloads_pj", false, ChipField.ENERGY_GRADED_PAYLOAD_PJ),
    SPIKES("spikes", "spikes", "energy_spikes_pj", false, ChipField.ENERGY_SPIKE_PJ),
    MESSAGES_SENT("messages sent", "messagesSent", "energy_messages_sent_pj", false, ChipField.ENERGY_MESSAGE_OUT_PJ),
    MESSAGES_RECEIVED("messages received", "messagesReceived", "energy_messages_received_pj", false, ChipField.ENERGY_MESSAGE_IN_PJ),
    HOPS("hops", "hops", "energy_hops_pj", false, ChipField.ENERGY_HOP_X_PJ, ChipField.ENERGY_HOP_Y_PJ),
    CHIP_CROSSINGS("chip crossings", "chipCrossings", "energy_chip_crossings_pj", false, ChipField.ENERGY_CHIP_CROSSING_PJ),
    INPUT_MACS("input MACs (host)", "inputMacsHost", "energy_input_macs_host_pj", false, ChipField.ENERGY_INPUT_MAC_PJ),
    STATIC("static", "static", "energy_static_pj", true, ChipField.ENERGY_STATIC_MW_PER_CORE);

    /** What the text summary prints. */
    public final String label;
    /** The key of the JSON report's {@code energyPJ} objects (docs/report-format.md). */
    public final String jsonKey;
    /** The header of the {@code --ticks} CSV column. */
    public final String csvName;
    /** Static power × time, as opposed to an energy paid per event (dynamic). */
    public final boolean isStatic;
    /** The spec figures this category's energy comes from. */
    public final List<ChipField> figures;

    EnergyCategory(final String label, final String jsonKey, final String csvName, final boolean isStatic, final ChipField... figures)
    {
        this.figures = List.of(figures);
        this.label = label;
        this.jsonKey = jsonKey;
        this.csvName = csvName;
        this.isStatic = isStatic;
    }
}
