package io.csdsim.models.quant;

/**
 * A population of the integer network: the input, a DIF neuron population, neurons of another named
 * model, a TDEC max-pool, or the readout's integer accumulators. DIF populations and the readout sum the currents of their input
 * projections, each shifted left by its exponent.
 */
public final class IntPopulation
{
    /** What the population is. */
    public enum Kind
    {
        INPUT, DIF, MAX_POOL, READOUT,
        /** Spiking neurons of a named model (docs/neuron-models.md): they integrate and may fire in any tick of the run. */
        NEURONS
    }

    public final int id;
    public final String name;
    public final Kind kind;
    /** [H, W, C], [N, D], [heads, N, N] or [classes]; elements are laid out with the last dimension fastest. */
    public final int[] shape;
    public final int size;

    /** NEURONS: the neuron model's name (if, cuba-lif, dif, …) and its parameters by name. */
    public String neuronModel;
    public java.util.SortedMap<String, String> neuronParameters = new java.util.TreeMap<>();
    /** Integer threshold (DIF), > 0. */
    public int theta;
    /** Integer initial membrane potential (DIF). */
    public int v0;
    /**
     * Bias per channel (the last dimension), added once when the window is armed (DIF), or per class
     * (readout); null when zero.
     */
    public long[] bias;
    /** Projections whose currents this population sums (DIF, READOUT), and the left shift of each. */
    public int[] inputs = new int[0];
    public int[] inputShifts = new int[0];
    /** MAX_POOL: the population pooled. */
    public int source = -1;
    /** MAX_POOL: the window, k×k moved by stride over the map padded by pad (CSDformer's: 3, 2, 1). */
    public int poolKernel = 3;
    public int poolStride = 2;
    public int poolPad = 1;
    /** READOUT: the projection holding the classifier's mantissas. */
    public int head = -1;
    /**
     * ANN units per integer unit: of the window's input for DIF (so x·unit/T is the pre-activation), of
     * a logit for the readout, of a spike for the pool. Reporting only; execution never reads it.
     */
    public double unit;

    public IntPopulation(final int id, final String name, final Kind kind, final int[] shape)
    {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.shape = shape;
        int n = 1;
        for (final int d : shape)
        {
            n *= d;
        }
        this.size = n;
    }

    /** @return the length of the last dimension: channels of a map, features of a token matrix. */
    public int channels()
    {
        return shape[shape.length - 1];
    }

    /** @return true when the population emits spikes (DIF, NEURONS and max-pool). */
    public boolean spiking()
    {
        return kind == Kind.DIF || kind == Kind.NEURONS || kind == Kind.MAX_POOL;
    }
}
