package io.csdsim.models.quant;

import io.csdsim.models.graph.InputSpec;

import java.util.List;

/**
 * The integer network (DESIGN §2): populations and projections in topological order, the time window
 * T, the DIF delay D, weight and membrane widths. Immutable once built; shared by every executor.
 */
public final class IntNetwork
{
    public final String name;
    public final int timeWindow;
    public final int delay;
    public final int weightBits;
    public final int membraneBits;
    public final InputSpec input;
    private final IntPopulation[] populations;
    private final Projection[] projections;

    public IntNetwork(final String name, final int timeWindow, final int delay, final int weightBits, final int membraneBits,
        final InputSpec input, final List<IntPopulation> populations, final List<Projection> projections)
    {
        this.name = name;
        this.timeWindow = timeWindow;
        this.delay = delay;
        this.weightBits = weightBits;
        this.membraneBits = membraneBits;
        this.input = input;
        this.populations = populations.toArray(new IntPopulation[0]);
        this.projections = projections.toArray(new Projection[0]);
    }

    public int populationCount()
    {
        return populations.length;
    }

    public IntPopulation population(final int id)
    {
        return populations[id];
    }

    public int projectionCount()
    {
        return projections.length;
    }

    public Projection projection(final int id)
    {
        return projections[id];
    }

    /** @return the population of that name, or null. */
    public IntPopulation population(final String name)
    {
        for (final IntPopulation p : populations)
        {
            if (p.name.equals(name))
            {
                return p;
            }
        }
        return null;
    }

    /**
     * @return the population a sample's spike trains feed — the first of neuron model
     * {@code spike-source} — or -1 when the network's input is the image stage
     */
    public int spikeSource()
    {
        for (final IntPopulation p : populations)
        {
            if (p.kind == IntPopulation.Kind.NEURONS && io.csdsim.models.neuron.SpikeSourceReference.NAME.equals(p.neuronModel))
            {
                return p.id;
            }
        }
        return -1;
    }

    /** @return the readout population, or null when the network has none. */
    public IntPopulation readout()
    {
        for (final IntPopulation p : populations)
        {
            if (p.kind == IntPopulation.Kind.READOUT)
            {
                return p;
            }
        }
        return null;
    }

    /** @return the largest saturating membrane value. */
    public long membraneMax()
    {
        return (1L << (membraneBits - 1)) - 1;
    }

    /** @return the input population's values for 8-bit [H, W, C] pixels: each pixel minus its channel's zero point. */
    public int[] encode(final int[] pixels)
    {
        final int c = input.channels();
        final int[] out = new int[pixels.length];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = pixels[i] - input.zeroPoint(i % c);
        }
        return out;
    }

    /** @return the same network run with another delay D: weights and thresholds are shared. */
    public IntNetwork withDelay(final int newDelay)
    {
        return new IntNetwork(name, timeWindow, newDelay, weightBits, membraneBits, input, List.of(populations), List.of(projections));
    }
}
