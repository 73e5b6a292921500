package io.csdsim.isa.spec;

import java.util.Arrays;

/**
 * One chip design (DESIGN §5): a value and a source for every {@link ChipField}. Immutable; changes
 * make a copy ({@link #with}).
 */
public final class ChipSpec
{
    private final String name;
    private final String description;
    private final double[] values;
    private final String[] sources;

    ChipSpec(final String name, final String description, final double[] values, final String[] sources)
    {
        this.name = name;
        this.description = description;
        this.values = values;
        this.sources = sources;
    }

    /**
     * @return a spec from values and sources in {@link ChipField} order; null when valid, else throws
     * IllegalArgumentException naming the field.
     */
    public static ChipSpec of(final String name, final String description, final double[] values, final String[] sources)
    {
        if (values.length != ChipField.values().length || sources.length != values.length)
        {
            throw new IllegalArgumentException(values.length + " values for " + ChipField.values().length + " fields");
        }
        for (final ChipField f : ChipField.values())
        {
            final String why = f.check(values[f.ordinal()]);
            if (why != null)
            {
                throw new IllegalArgumentException(f.key + ": " + values[f.ordinal()] + "; " + why);
            }
        }
        final String why = checkWhole(values);
        if (why != null)
        {
            throw new IllegalArgumentException(why);
        }
        return new ChipSpec(name, description, values.clone(), sources.clone());
    }

    /** @return why values that are each valid do not make a chip together, or null when they do. */
    static String checkWhole(final double[] values)
    {
        final double cores = values[ChipField.MESH_TILES_X.ordinal()] * values[ChipField.MESH_TILES_Y.ordinal()]
            * values[ChipField.MESH_CORES_PER_TILE.ordinal()];
        if (cores > ChipField.MAX_CORES_PER_CHIP)
        {
            return String.format(java.util.Locale.ROOT, "mesh: tilesX × tilesY × coresPerTile = %,.0f cores per chip; expected at most %,d "
                + "(docs/reliability.md)", cores, ChipField.MAX_CORES_PER_CHIP);
        }
        return null;
    }

    public String name()
    {
        return name;
    }

    public String description()
    {
        return description;
    }

    public double get(final ChipField f)
    {
        return values[f.ordinal()];
    }

    public int getInt(final ChipField f)
    {
        return (int)values[f.ordinal()];
    }

    public long getLong(final ChipField f)
    {
        return (long)values[f.ordinal()];
    }

    public boolean flag(final ChipField f)
    {
        return values[f.ordinal()] != 0;
    }

    /** @return where the value of f comes from. */
    public String source(final ChipField f)
    {
        return sources[f.ordinal()];
    }

    /** @return a copy with one field changed and its new source. */
    public ChipSpec with(final ChipField f, final double value, final String source)
    {
        final String why = f.check(value);
        if (why != null)
        {
            throw new IllegalArgumentException(f.key + ": " + why);
        }
        final double[] v = values.clone();
        final String[] s = sources.clone();
        v[f.ordinal()] = value;
        s[f.ordinal()] = source;
        final String whole = checkWhole(v);
        if (whole != null)
        {
            throw new IllegalArgumentException(whole);
        }
        return new ChipSpec(name, description, v, s);
    }

    public ChipSpec renamed(final String newName)
    {
        return new ChipSpec(newName, description, values, sources);
    }

    /** @return cores of one chip. */
    public int coresPerChip()
    {
        return getInt(ChipField.MESH_TILES_X) * getInt(ChipField.MESH_TILES_Y) * getInt(ChipField.MESH_CORES_PER_TILE);
    }

    public int maxNeurons()
    {
        return getInt(ChipField.CORE_MAX_NEURONS);
    }

    public int maxInputAxons()
    {
        return getInt(ChipField.CORE_MAX_INPUT_AXONS);
    }

    public int maxOutputRoutes()
    {
        return getInt(ChipField.CORE_MAX_OUTPUT_ROUTES);
    }

    public long synapseMemoryBits()
    {
        return getLong(ChipField.CORE_SYNAPSE_MEMORY_BITS);
    }

    public int weightBits()
    {
        return getInt(ChipField.CORE_WEIGHT_BITS);
    }

    public int membraneBits()
    {
        return getInt(ChipField.CORE_MEMBRANE_BITS);
    }

    public boolean sharedTables()
    {
        return flag(ChipField.CORE_SHARED_TABLES);
    }

    public int tdecUnits()
    {
        return getInt(ChipField.CORE_TDEC_UNITS);
    }

    /** @return a graded spike's signed payload bits, 0 when the chip's spikes carry none. */
    public int gradedSpikeBits()
    {
        return getInt(ChipField.CORE_GRADED_SPIKES);
    }

    public int maxAxonDelay()
    {
        return getInt(ChipField.CORE_MAX_AXON_DELAY);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ChipSpec c && name.equals(c.name) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode()
    {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }
}
