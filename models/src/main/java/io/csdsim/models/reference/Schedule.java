package io.csdsim.models.reference;

import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;

import java.util.Arrays;

/**
 * When each population fires (DESIGN §3.6): a delay per input edge (ticks from a source's spike to its
 * integration, at least 1) and the firing window start f(p) = max over sources (f(s) + delay) + D.
 * The input stage is a source with f = 0; max-pools fire in their source's ticks; the readout has no D.
 * Populations of other neuron models (NEURONS) may fire in any of the run's T ticks: f = 0.
 */
public final class Schedule
{
    private final int[] windowStart;
    private final int[][] delays;
    private final int totalTicks;
    private final int outputReady;

    private Schedule(final int[] windowStart, final int[][] delays, final int totalTicks, final int outputReady)
    {
        this.windowStart = windowStart;
        this.delays = delays;
        this.totalTicks = totalTicks;
        this.outputReady = outputReady;
    }

    /** The canonical schedule: one tick per edge (or the projection's own delay), none for TDEC units. */
    public static Schedule canonical(final IntNetwork net)
    {
        final int[][] d = new int[net.populationCount()][];
        for (int id = 0; id < d.length; id++)
        {
            final IntPopulation p = net.population(id);
            d[id] = new int[p.inputs.length];
            for (int k = 0; k < d[id].length; k++)
            {
                final int given = net.projection(p.inputs[k]).delay;
                d[id][k] = given > 0 ? given : 1;
            }
        }
        return withDelays(net, d);
    }

    /** A schedule with the given delay per population and input slot (each >= 1). */
    public static Schedule withDelays(final IntNetwork net, final int[][] delays)
    {
        final int n = net.populationCount();
        final int t = net.timeWindow;
        final int[] f = new int[n];
        int total = 0;
        int ready = 0;
        for (int id = 0; id < n; id++)
        {
            final IntPopulation p = net.population(id);
            switch (p.kind)
            {
                case INPUT -> f[id] = 0;
                case MAX_POOL -> f[id] = f[p.source];
                case DIF, READOUT, NEURONS -> {
                    int start = 0;
                    for (int k = 0; k < p.inputs.length; k++)
                    {
                        if (delays[id][k] < 1)
                        {
                            throw new IllegalArgumentException(p.name + ": delay " + delays[id][k] + " < 1");
                        }
                        final int src = sourceStart(net, f, net.projection(p.inputs[k]));
                        start = Math.max(start, src + delays[id][k]);
                        // The last spike of a source (f + T − 1) must be delivered before the run ends.
                        total = Math.max(total, src + t - 1 + delays[id][k] + 1);
                    }
                    // Neurons of a named model may fire in any tick: their window is the whole run, from tick 0.
                    f[id] = p.kind == IntPopulation.Kind.NEURONS ? 0 : start + (p.kind == IntPopulation.Kind.DIF ? net.delay : 0);
                    total = Math.max(total, f[id] + t);
                    ready = Math.max(ready, f[id] + t);
                }
                default -> throw new IllegalStateException(p.kind.name());
            }
        }
        final int[][] copy = new int[n][];
        for (int id = 0; id < n; id++)
        {
            copy[id] = delays[id].clone();
        }
        return new Schedule(f, copy, total, ready);
    }

    private static int sourceStart(final IntNetwork net, final int[] f, final Projection pr)
    {
        return pr.sourceB < 0 ? f[pr.sourceA] : Math.max(f[pr.sourceA], f[pr.sourceB]);
    }

    /** @return f(p), the first tick of population p's firing window. */
    public int windowStart(final int population)
    {
        return windowStart[population];
    }

    /** @return the delay of input slot {@code slot} of population p. */
    public int delay(final int population, final int slot)
    {
        return delays[population][slot];
    }

    /** @return ticks to run one sample: every window closed and every spike delivered. */
    public int totalTicks()
    {
        return totalTicks;
    }

    /** @return the tick at which the network's output is ready, f(last) + T. */
    public int outputReadyTick()
    {
        return outputReady;
    }
}
