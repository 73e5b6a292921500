package io.csdsim.isa.spec;

/**
 * Every figure of a chip specification: its JSON key (group.name), its kind, its unit and what it
 * means. A spec holds one value and one source per field.
 */
public enum ChipField
{
    MESH_TILES_X("mesh.tilesX", Kind.COUNT, "tiles", "tiles along x of one chip's mesh"),
    MESH_TILES_Y("mesh.tilesY", Kind.COUNT, "tiles", "tiles along y of one chip's mesh"),
    MESH_CORES_PER_TILE("mesh.coresPerTile", Kind.COUNT, "cores", "cores sharing one router"),

    CORE_MAX_NEURONS("core.maxNeurons", Kind.COUNT, "compartments", "neurons (compartments) per core"),
    CORE_MAX_INPUT_AXONS("core.maxInputAxons", Kind.COUNT, "axons", "input axons (fan-in lists) per core"),
    CORE_MAX_OUTPUT_ROUTES("core.maxOutputRoutes", Kind.COUNT, "entries", "output routing entries per core"),
    CORE_MAX_ROUTES_PER_NEURON("core.maxRoutesPerNeuron", Kind.COUNT_OR_ZERO, "entries", "routing entries one neuron may have (0: no limit)"),
    CORE_SYNAPSE_MEMORY_BITS("core.synapseMemoryBits", Kind.COUNT, "bits", "synapse memory per core"),
    CORE_WEIGHT_BITS("core.weightBits", Kind.COUNT, "bits", "signed weight mantissa bits"),
    CORE_MEMBRANE_BITS("core.membraneBits", Kind.COUNT, "bits", "saturating membrane bits"),
    CORE_SHARED_TABLES("core.sharedSynapseTables", Kind.FLAG, "", "neuron groups of a core may share one synapse table (weight sharing)"),
    CORE_CROSSBAR("core.crossbar", Kind.FLAG, "", "synapses are a binary crossbar with one weight per axon type and neuron"),
    CORE_AXON_TYPES("core.axonTypes", Kind.COUNT_OR_ZERO, "types", "axon types of a crossbar core (0: not a crossbar)"),
    CORE_TDEC_UNITS("core.tdecUnits", Kind.COUNT_OR_ZERO, "units", "TDEC units per core: neurons fed by a max-pool or attention product (0: none)"),
    CORE_MAX_AXON_DELAY("core.maxAxonDelay", Kind.COUNT, "ticks", "largest axon delay"),

    TIMING_CLOCK_MHZ("timing.clockMHz", Kind.POSITIVE, "MHz", "clock, or the nominal clock of an asynchronous chip"),
    TIMING_SYN_OP_CYCLES("timing.synOpCycles", Kind.POSITIVE, "cycles", "cycles per synaptic operation, per lane"),
    TIMING_SYN_OP_LANES("timing.synOpLanes", Kind.COUNT, "lanes", "synaptic operations a core does in parallel"),
    TIMING_NEURON_ACTIVE_CYCLES("timing.neuronActiveCycles", Kind.POSITIVE, "cycles", "cycles to update a neuron that received input or fired"),
    TIMING_NEURON_IDLE_CYCLES("timing.neuronIdleCycles", Kind.NON_NEGATIVE, "cycles", "cycles to update an idle neuron"),
    TIMING_HOP_X_CYCLES("timing.hopXCycles", Kind.POSITIVE, "cycles", "router and link latency of one hop along x"),
    TIMING_HOP_Y_CYCLES("timing.hopYCycles", Kind.POSITIVE, "cycles", "router and link latency of one hop along y"),
    TIMING_LINK_CYCLES_PER_FLIT("timing.linkCyclesPerFlit", Kind.POSITIVE, "cycles", "cycles a link is busy per packet"),
    TIMING_CHIP_LINK_CYCLES("timing.chipLinkCycles", Kind.POSITIVE, "cycles", "latency of a chip-to-chip link"),
    TIMING_BARRIER_CYCLES("timing.barrierCycles", Kind.NON_NEGATIVE, "cycles", "barrier synchronisation at the end of a tick"),

    ENERGY_SYN_OP_PJ("energy.synOpPJ", Kind.NON_NEGATIVE, "pJ", "per synaptic operation"),
    ENERGY_DYNAMIC_OP_PJ("energy.dynamicOpPJ", Kind.NON_NEGATIVE, "pJ", "per dynamic (TDEC) synaptic operation"),
    ENERGY_NEURON_ACTIVE_PJ("energy.neuronActivePJ", Kind.NON_NEGATIVE, "pJ", "per active neuron update"),
    ENERGY_NEURON_IDLE_PJ("energy.neuronIdlePJ", Kind.NON_NEGATIVE, "pJ", "per idle neuron update"),
    ENERGY_SPIKE_PJ("energy.spikePJ", Kind.NON_NEGATIVE, "pJ", "per spike sent (within the tile)"),
    ENERGY_HOP_X_PJ("energy.hopXPJ", Kind.NON_NEGATIVE, "pJ", "per packet hop along x"),
    ENERGY_HOP_Y_PJ("energy.hopYPJ", Kind.NON_NEGATIVE, "pJ", "per packet hop along y"),
    ENERGY_CHIP_CROSSING_PJ("energy.chipCrossingPJ", Kind.NON_NEGATIVE, "pJ", "per packet crossing a chip-to-chip link"),
    ENERGY_INPUT_MAC_PJ("energy.inputMacPJ", Kind.NON_NEGATIVE, "pJ", "per MAC of the input stage (conv0)"),
    ENERGY_STATIC_MW_PER_CORE("energy.staticMWPerCore", Kind.NON_NEGATIVE, "mW", "static power per core");

    /** What values a field takes. */
    public enum Kind
    {
        /** An integer >= 1. */
        COUNT,
        /** An integer >= 0. */
        COUNT_OR_ZERO,
        /** A number > 0. */
        POSITIVE,
        /** A number >= 0. */
        NON_NEGATIVE,
        /** true or false (stored as 1 or 0). */
        FLAG
    }

    public final String key;
    public final Kind kind;
    public final String unit;
    public final String meaning;

    ChipField(final String key, final Kind kind, final String unit, final String meaning)
    {
        this.key = key;
        this.kind = kind;
        this.unit = unit;
        this.meaning = meaning;
    }

    public String group()
    {
        return key.substring(0, key.indexOf('.'));
    }

    public String name2()
    {
        return key.substring(key.indexOf('.') + 1);
    }

    public static ChipField byKey(final String key)
    {
        for (final ChipField f : values())
        {
            if (f.key.equals(key))
            {
                return f;
            }
        }
        return null;
    }

    /** @return why v is not a valid value, or null when it is. */
    public String check(final double v)
    {
        if (!Double.isFinite(v))
        {
            return "expected a finite number";
        }
        final boolean integral = v == Math.rint(v);
        return switch (kind)
        {
            case COUNT -> integral && v >= 1 ? null : "expected an integer >= 1";
            case COUNT_OR_ZERO -> integral && v >= 0 ? null : "expected an integer >= 0";
            case POSITIVE -> v > 0 ? null : "expected a number > 0";
            case NON_NEGATIVE -> v >= 0 ? null : "expected a number >= 0";
            case FLAG -> v == 0 || v == 1 ? null : "expected true or false";
        };
    }
}
