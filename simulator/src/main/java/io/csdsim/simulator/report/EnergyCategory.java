package io.csdsim.simulator.report;

/**
 * The categories energy is reported in, in report order, each with the label the summary prints and
 * the key the JSON report writes — both stated here, neither derived from the other.
 */
public enum EnergyCategory
{
    SYNAPTIC_OPS("synaptic ops", "synapticOps"),
    DYNAMIC_OPS("dynamic (TDEC) ops", "dynamicTdecOps"),
    NEURON_UPDATES("neuron updates", "neuronUpdates"),
    SPIKES("spikes", "spikes"),
    HOPS("hops", "hops"),
    CHIP_CROSSINGS("chip crossings", "chipCrossings"),
    INPUT_MACS("input MACs (host)", "inputMacsHost"),
    STATIC("static", "static");

    /** What the text summary prints. */
    public final String label;
    /** The key of the JSON report's {@code energyPJ} object (docs/report-format.md). */
    public final String jsonKey;

    EnergyCategory(final String label, final String jsonKey)
    {
        this.label = label;
        this.jsonKey = jsonKey;
    }
}
