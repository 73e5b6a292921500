package io.csdsim.simulator.energy;

/**
 * The categories energy is reported in, in report order, each with the label the summary prints,
 * the key the JSON report writes and the name of its {@code --ticks} column — all stated here, none
 * derived from another — and whether it is static (power × time) or paid per event.
 */
public enum EnergyCategory
{
    SYNAPTIC_OPS("synaptic ops", "synapticOps", "energy_synaptic_ops_pj", false),
    DYNAMIC_OPS("dynamic (TDEC) ops", "dynamicTdecOps", "energy_dynamic_ops_pj", false),
    NEURON_UPDATES("neuron updates", "neuronUpdates", "energy_neuron_updates_pj", false),
    NEURON_ACCESSES("neuron accesses", "neuronAccesses", "energy_neuron_accesses_pj", false),
    NEURON_FIRES("neuron fires", "neuronFires", "energy_neuron_fires_pj", false),
    ACCUMULATOR_UPDATES("accumulator updates", "accumulatorUpdates", "energy_accumulator_updates_pj", false),
    GRADED_PAYLOADS("graded payloads", "gradedPayloads", "energy_graded_payloads_pj", false),
    SPIKES("spikes", "spikes", "energy_spikes_pj", false),
    MESSAGES_SENT("messages sent", "messagesSent", "energy_messages_sent_pj", false),
    MESSAGES_RECEIVED("messages received", "messagesReceived", "energy_messages_received_pj", false),
    HOPS("hops", "hops", "energy_hops_pj", false),
    CHIP_CROSSINGS("chip crossings", "chipCrossings", "energy_chip_crossings_pj", false),
    INPUT_MACS("input MACs (host)", "inputMacsHost", "energy_input_macs_host_pj", false),
    STATIC("static", "static", "energy_static_pj", true);

    /** What the text summary prints. */
    public final String label;
    /** The key of the JSON report's {@code energyPJ} objects (docs/report-format.md). */
    public final String jsonKey;
    /** The header of the {@code --ticks} CSV column. */
    public final String csvName;
    /** Static power × time, as opposed to an energy paid per event (dynamic). */
    public final boolean isStatic;

    EnergyCategory(final String label, final String jsonKey, final String csvName, final boolean isStatic)
    {
        this.label = label;
        this.jsonKey = jsonKey;
        this.csvName = csvName;
        this.isStatic = isStatic;
    }
}
