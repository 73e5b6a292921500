package io.csdsim.models.graph;

/** What a graph node computes. Its JSON name is {@link #jsonName()}. */
public enum OpKind
{
    /** The image, shape [H, W, C]. */
    INPUT("input", false),
    /** 3×3 convolution, stride 1, pad 1; weight [Cout, Cin, 3, 3]. Produces current. */
    CONV3X3("conv3x3", false),
    /** Token-wise linear layer; weight [Dout, Din]. Produces current. */
    LINEAR("linear", false),
    /** Per-head Q·Kᵀ of two spike populations (TDEC-VMM), times {@code scale}. Produces current. */
    QK("qk", false),
    /** Per-head A·V of two spike populations (TDEC-VMM), times {@code scale}. Produces current. */
    AV("av", false),
    /** Delayed integrate-and-fire population summing the currents of its inputs. */
    NEURON("neuron", true),
    /** TDEC max-pool 3×3 / stride 2 / pad 1 of one spike population. */
    MAXPOOL("maxpool", true),
    /** Global average pool of the summed input currents then a linear classifier: integer accumulators. */
    READOUT("readout", true);

    private final String jsonName;
    private final boolean population;

    OpKind(final String jsonName, final boolean population)
    {
        this.jsonName = jsonName;
        this.population = population;
    }

    public String jsonName()
    {
        return jsonName;
    }

    /** @return true for nodes that hold state per element (neurons, pools, readout), false for currents. */
    public boolean isPopulation()
    {
        return population;
    }

    public static OpKind byJsonName(final String name)
    {
        for (final OpKind k : values())
        {
            if (k.jsonName.equals(name))
            {
                return k;
            }
        }
        return null;
    }
}
