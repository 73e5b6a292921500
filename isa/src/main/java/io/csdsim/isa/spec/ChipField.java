package io.csdsim.isa.spec;

/**
 * Every figure of a chip specification: its JSON key (group.name), its kind, its unit and what it
 * means. A spec holds one value and one source per field.
 */
public enum ChipField
{
    MESH_TILES_X("mesh.tilesX", Kind.COUNT, "tiles", "tiles along x of one chip's mesh", 1, 1024),
    MESH_TILES_Y("mesh.tilesY", Kind.COUNT, "tiles", "tiles along y of one chip's mesh", 1, 1024),
    MESH_CORES_PER_TILE("mesh.coresPerTile", Kind.COUNT, "cores", "cores sharing one router", 1, 256),

    CORE_MAX_NEURONS("core.maxNeurons", Kind.COUNT, "compartments", "neurons (compartments) per core", 1, 1 << 20),
    CORE_MAX_INPUT_AXONS("core.maxInputAxons", Kind.COUNT, "axons", "input axons (fan-in lists) per core", 1, 1 << 24),
    CORE_MAX_OUTPUT_ROUTES("core.maxOutputRoutes", Kind.COUNT, "entries", "output routing entries per core", 1, 1 << 24),
    CORE_MAX_ROUTES_PER_NEURON("core.maxRoutesPerNeuron", Kind.COUNT_OR_ZERO, "entries", "routing entries one neuron may have (0: no limit)", 0, 1 << 20),
    CORE_SYNAPSE_MEMORY_BITS("core.synapseMemoryBits", Kind.COUNT, "bits", "synapse memory per core", 1, 1L << 40),
    CORE_WEIGHT_BITS("core.weightBits", Kind.COUNT, "bits", "signed weight mantissa bits", 2, 16),
    CORE_MEMBRANE_BITS("core.membraneBits", Kind.COUNT, "bits", "saturating membrane bits", 8, 62),
    CORE_SHARED_TABLES("core.sharedSynapseTables", Kind.FLAG, "", "neuron groups of a core may share one synapse table (weight sharing)", 0, 1),
    CORE_CROSSBAR("core.crossbar", Kind.FLAG, "", "synapses are a binary crossbar with one weight per axon type and neuron", 0, 1),
    CORE_AXON_TYPES("core.axonTypes", Kind.COUNT_OR_ZERO, "types", "axon types of a crossbar core (0: not a crossbar)", 0, 64),
    CORE_TDEC_UNITS("core.tdecUnits", Kind.COUNT_OR_ZERO, "units", "TDEC units per core: neurons fed by a max-pool or a TDEC product (0: none)", 0, 1 << 20),
    CORE_MAX_AXON_DELAY("core.maxAxonDelay", Kind.COUNT, "ticks", "largest axon delay", 1, 1 << 16),
    CORE_GRADED_SPIKES("core.gradedSpikes", Kind.COUNT_OR_ZERO, "bits", "signed payload bits a graded spike carries (0: spikes carry "
        + "no payload, and a residual stream cannot be summed by accumulators)", 0, 32, 0),

    TIMING_CLOCK_MHZ("timing.clockMHz", Kind.POSITIVE, "MHz", "clock, or the nominal clock of an asynchronous chip (1 kHz to 1 THz: "
        + "beyond them a figure is a typo, and reports would print hundreds of digits)", 1e-3, 1e6),
    TIMING_SYN_OP_CYCLES("timing.synOpCycles", Kind.POSITIVE, "cycles", "cycles per synaptic operation, per lane", 0, 1e9),
    TIMING_SYN_OP_LANES("timing.synOpLanes", Kind.COUNT, "lanes", "synaptic operations a core does in parallel", 1, 1 << 16),
    TIMING_NEURON_ACTIVE_CYCLES("timing.neuronActiveCycles", Kind.POSITIVE, "cycles", "cycles to update a neuron that received input or fired", 0, 1e9),
    TIMING_NEURON_IDLE_CYCLES("timing.neuronIdleCycles", Kind.NON_NEGATIVE, "cycles", "cycles to update an idle neuron", 0, 1e9),
    TIMING_HOP_X_CYCLES("timing.hopXCycles", Kind.POSITIVE, "cycles", "router and link latency of one hop along x", 0, 1e9),
    TIMING_HOP_Y_CYCLES("timing.hopYCycles", Kind.POSITIVE, "cycles", "router and link latency of one hop along y", 0, 1e9),
    TIMING_LINK_CYCLES_PER_FLIT("timing.linkCyclesPerFlit", Kind.POSITIVE, "cycles", "cycles a link is busy per packet", 0, 1e9),
    TIMING_CHIP_LINK_CYCLES("timing.chipLinkCycles", Kind.POSITIVE, "cycles", "latency of a chip-to-chip link", 0, 1e9),
    TIMING_NETWORK("timing.network", "network-on-chip model: mesh (dimension-order routing, link contention) or latency-only "
        + "(hops × hop latency, no contention: for fast sweeps)", new Choice("mesh", 0), new Choice("latency-only", 1)),
    TIMING_BARRIER_CYCLES("timing.barrierCycles", Kind.NON_NEGATIVE, "cycles", "barrier synchronisation at the end of a tick", 0, 1e9),
    TIMING_CORE("timing.core", "core timing model: serial (a core's synaptic operations share its lanes, its neurons are "
        + "updated one after another, its messages received one at a time) or overlapped (the same, but the neuron updates run "
        + "side by side with the synaptic integration, as separate synapse and soma units)", new Choice("serial", 0), new Choice("overlapped", 1)),
    TIMING_MESSAGE_IN_CYCLES("timing.messageInCycles", Kind.NON_NEGATIVE, "cycles", "cycles a core takes per message (packet) it "
        + "receives, one message at a time", 0, 1e9, 0),
    TIMING_NEURON_FIRE_CYCLES("timing.neuronFireCycles", Kind.NON_NEGATIVE, "cycles", "cycles per neuron that fires, before its "
        + "spike leaves", 0, 1e9, 0),
    TIMING_NEURON_ACCESS_CYCLES("timing.neuronAccessCycles", Kind.NON_NEGATIVE, "cycles", "cycles per neuron accessed every tick, "
        + "beside its active or idle update", 0, 1e9, 0),
    TIMING_MESSAGE_OUT_CYCLES("timing.messageOutCycles", Kind.NON_NEGATIVE, "cycles", "cycles a core takes per message (packet) it "
        + "sends before the next can leave (0: one per cycle)", 0, 1e9, 0),
    TIMING_GRADED_SPIKE_CYCLES("timing.gradedSpikeCycles", Kind.NON_NEGATIVE, "cycles", "cycles a core takes per graded spike "
        + "it sends, for its payload, beside timing.neuronFireCycles", 0, 1e9, 0),
    TIMING_ACCUMULATOR_UPDATE_CYCLES("timing.accumulatorUpdateCycles", Kind.NON_NEGATIVE, "cycles", "cycles per accumulator "
        + "compartment that sums its input and forwards it as a graded spike", 0, 1e9, 0),

    ENERGY_SYN_OP_PJ("energy.synOpPJ", Kind.NON_NEGATIVE, "pJ", "per synaptic operation", 0, 1e12),
    ENERGY_DYNAMIC_OP_PJ("energy.dynamicOpPJ", Kind.NON_NEGATIVE, "pJ", "per dynamic (TDEC) synaptic operation", 0, 1e12),
    ENERGY_NEURON_ACTIVE_PJ("energy.neuronActivePJ", Kind.NON_NEGATIVE, "pJ", "per active neuron update", 0, 1e12),
    ENERGY_NEURON_IDLE_PJ("energy.neuronIdlePJ", Kind.NON_NEGATIVE, "pJ", "per idle neuron update", 0, 1e12),
    ENERGY_SPIKE_PJ("energy.spikePJ", Kind.NON_NEGATIVE, "pJ", "per spike sent (within the tile)", 0, 1e12),
    ENERGY_HOP_X_PJ("energy.hopXPJ", Kind.NON_NEGATIVE, "pJ", "per packet hop along x", 0, 1e12),
    ENERGY_HOP_Y_PJ("energy.hopYPJ", Kind.NON_NEGATIVE, "pJ", "per packet hop along y", 0, 1e12),
    ENERGY_CHIP_CROSSING_PJ("energy.chipCrossingPJ", Kind.NON_NEGATIVE, "pJ", "per packet crossing a chip-to-chip link", 0, 1e12),
    ENERGY_INPUT_MAC_PJ("energy.inputMacPJ", Kind.NON_NEGATIVE, "pJ", "per MAC of the input stage (conv0)", 0, 1e12),
    ENERGY_STATIC_MW_PER_CORE("energy.staticMWPerCore", Kind.NON_NEGATIVE, "mW", "static power per core", 0, 1e6),
    ENERGY_MODEL("energy.model", "energy model: per-event (every counted event costs its figure; static power × time)",
        new Choice("per-event", 0)),
    ENERGY_MESSAGE_IN_PJ("energy.messageInPJ", Kind.NON_NEGATIVE, "pJ", "per message (packet) received at a core", 0, 1e12, 0),
    ENERGY_MESSAGE_OUT_PJ("energy.messageOutPJ", Kind.NON_NEGATIVE, "pJ", "per message (packet) a core sends", 0, 1e12, 0),
    ENERGY_NEURON_FIRE_PJ("energy.neuronFirePJ", Kind.NON_NEGATIVE, "pJ", "per neuron that fires", 0, 1e12, 0),
    ENERGY_NEURON_ACCESS_PJ("energy.neuronAccessPJ", Kind.NON_NEGATIVE, "pJ", "per neuron accessed every tick, beside its active "
        + "or idle update", 0, 1e12, 0),
    ENERGY_ACCUMULATOR_UPDATE_PJ("energy.accumulatorUpdatePJ", Kind.NON_NEGATIVE, "pJ", "per accumulator compartment update (a "
        + "sum formed and forwarded)", 0, 1e12, 0),
    ENERGY_GRADED_PAYLOAD_PJ("energy.gradedPayloadPJ", Kind.NON_NEGATIVE, "pJ", "per graded spike sent, for its payload, beside "
        + "energy.spikePJ", 0, 1e12, 0);

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
        FLAG,
        /** One of named choices, stored as the choice's explicit code (never its position). */
        CHOICE
    }

    /** A named value of a {@link Kind#CHOICE} field and the code a spec stores for it. */
    public record Choice(String name, int code)
    {
    }

    /** Cores of one chip at most (tilesX × tilesY × coresPerTile), so that core numbers stay ints. */
    public static final int MAX_CORES_PER_CHIP = 1 << 20;

    public final String key;
    public final Kind kind;
    public final String unit;
    public final String meaning;
    /** The values of a {@link Kind#CHOICE} field; empty for every other kind. */
    private final Choice[] choices;
    /**
     * The value of a field a spec or program leaves out, or NaN where it must be given. Fields added
     * after specs were written have one — a choice its first, a per-event cost 0 — so older files keep
     * their meaning.
     */
    public final double absent;
    /** The smallest value accepted (beside what the kind allows). */
    public final double min;
    /** The largest value accepted: past it counts and products of counts would leave their integer types (docs/reliability.md). */
    public final double max;

    ChipField(final String key, final Kind kind, final String unit, final String meaning, final double min, final double max)
    {
        this(key, kind, unit, meaning, min, max, Double.NaN, new Choice[0]);
    }

    ChipField(final String key, final Kind kind, final String unit, final String meaning, final double min, final double max,
        final double absent)
    {
        this(key, kind, unit, meaning, min, max, absent, new Choice[0]);
    }

    ChipField(final String key, final String meaning, final Choice... choices)
    {
        this(key, Kind.CHOICE, "", meaning, 0, 0, choices[0].code(), choices);
    }

    ChipField(final String key, final Kind kind, final String unit, final String meaning, final double min, final double max,
        final double absent, final Choice[] choices)
    {
        this.absent = absent;
        this.key = key;
        this.kind = kind;
        this.unit = unit;
        this.meaning = meaning;
        this.min = min;
        this.max = max;
        this.choices = choices.clone();
    }

    /** @return the names a {@link Kind#CHOICE} field takes, in declaration order. */
    public java.util.List<String> choiceNames()
    {
        return java.util.Arrays.stream(choices).map(Choice::name).toList();
    }

    /** @return the code of a choice by name, or -1 when the field has no such choice. */
    public int choiceCode(final String name)
    {
        for (final Choice c : choices)
        {
            if (c.name().equals(name))
            {
                return c.code();
            }
        }
        return -1;
    }

    /**
     * @return the entry of {@code registry} that this choice field names in {@code spec}: how a
     * model seam (network, core timing, energy) finds its class by the name the spec gives.
     */
    public <T> T chosen(final ChipSpec spec, final java.util.Map<String, T> registry)
    {
        final String name = choiceName(spec.get(this));
        final T entry = registry.get(name);
        if (entry == null)
        {
            throw new IllegalStateException(key + ": no model '" + name + "' is registered");
        }
        return entry;
    }

    /** @return the name of a choice by code, or null. */
    public String choiceName(final double code)
    {
        for (final Choice c : choices)
        {
            if (c.code() == code)
            {
                return c.name();
            }
        }
        return null;
    }

    /** @return the value as a spec file writes it: a choice's name, true/false, or the number. */
    public String format(final double v)
    {
        return switch (kind)
        {
            case CHOICE -> choiceName(v);
            case FLAG -> Boolean.toString(v != 0);
            default -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
        };
    }

    /** @return whether a spec or program may leave this field out ({@link #absent} is then its value). */
    public boolean optional()
    {
        return !Double.isNaN(absent);
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
        final String kindWhy = switch (kind)
        {
            case COUNT -> integral && v >= 1 ? null : "expected an integer >= 1";
            case COUNT_OR_ZERO -> integral && v >= 0 ? null : "expected an integer >= 0";
            case POSITIVE -> v > 0 ? null : "expected a number > 0";
            case NON_NEGATIVE -> v >= 0 ? null : "expected a number >= 0";
            case FLAG -> v == 0 || v == 1 ? null : "expected true or false";
            case CHOICE -> choiceName(v) != null ? null : "expected one of " + choiceNames();
        };
        if (kindWhy != null || kind == Kind.FLAG || kind == Kind.CHOICE)
        {
            return kindWhy;
        }
        if (v < min || v > max)
        {
            return "expected " + range() + " (docs/reliability.md)";
        }
        return null;
    }

    /** @return the accepted range in words, e.g. "an integer in 1..1,024". */
    public String range()
    {
        final boolean integer = kind == Kind.COUNT || kind == Kind.COUNT_OR_ZERO;
        if (integer)
        {
            return String.format(java.util.Locale.ROOT, "an integer in %,d..%,d", (long)min, (long)max);
        }
        return String.format(java.util.Locale.ROOT, "a number %s %s and <= %s", kind == Kind.POSITIVE && min == 0 ? ">" : ">=",
            plain(min), plain(max));
    }

    private static String plain(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long)v) : Double.toString(v);
    }
}
