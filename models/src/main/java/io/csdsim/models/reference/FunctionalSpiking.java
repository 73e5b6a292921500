package io.csdsim.models.reference;

import io.csdsim.models.neuron.DifReference;
import io.csdsim.models.neuron.NeuronModels;
import io.csdsim.models.neuron.NeuronReference;

import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * DESIGN §3.2–3.6 tick by tick on the integer network, with no chip: DIF neurons that integrate every
 * tick and fire only in their window (reset by subtraction, at most one spike a tick, saturating
 * membranes), TDEC max-pools that emit when their running maximum grows, and TDEC products that add
 * q·Kcᵀ + Qc_prev·kᵀ each tick; populations of other neuron models step each unit's functional
 * reference ({@link NeuronModels}) every tick. Timing comes from a {@link Schedule}.
 */
public final class FunctionalSpiking
{
    private final IntNetwork net;
    private final Schedule schedule;

    public FunctionalSpiking(final IntNetwork net, final Schedule schedule)
    {
        this.net = net;
        this.schedule = schedule;
    }

    public Schedule schedule()
    {
        return schedule;
    }

    /** Runs one sample; the result's counts sum each population's spike train. */
    public ExecutionResult run(final int[] input)
    {
        return run(input, null);
    }

    /** Runs one sample and, when {@code trainsOut} is not null, stores the spike trains in trainsOut[0]. */
    public ExecutionResult run(final int[] input, final SpikeTrains[] trainsOut)
    {
        return new Run(input, null).execute(trainsOut);
    }

    /**
     * Runs one sample of a network whose input is spike trains: {@code spikes[t]} lists the units of its
     * spike-source population ({@link IntNetwork#spikeSource}) that fire in tick t; the reference
     * injects 1 into each, so the sources fire the trains unchanged. Ticks past the array are silent.
     */
    public ExecutionResult runSpikes(final int[][] spikes, final SpikeTrains[] trainsOut)
    {
        if (net.spikeSource() < 0)
        {
            throw new IllegalArgumentException("network '" + net.name + "' has no spike-source population for spike trains");
        }
        return new Run(null, spikes).execute(trainsOut);
    }

    private final class Run
    {
        private final int[] input;
        /** Spike-train input: per tick, the spike-source units that fire; null for a network fed values. */
        private final int[][] stimulus;
        private final int n = net.populationCount();
        private final int ticks = schedule.totalTicks();
        private final SpikeTrains trains = new SpikeTrains(n, ticks);
        private final long[][] membrane = new long[n][];
        private final long[][] pending = new long[n][];
        private final boolean[] touched = new boolean[n];
        private final int[][] counts = new int[n][];
        private final TdecProduct[] products = new TdecProduct[net.projectionCount()];
        private final TdecMaxPool[] pools = new TdecMaxPool[n];
        private long[] logits = new long[0];
        private long[] colSum;
        private long saturations;
        private final long[][] scratch = new long[net.projectionCount()][];
        /** NEURONS populations: one functional reference per unit. */
        private final NeuronReference[][] units = new NeuronReference[n][];

        Run(final int[] input, final int[][] stimulus)
        {
            this.input = input;
            this.stimulus = stimulus;
        }

        ExecutionResult execute(final SpikeTrains[] trainsOut)
        {
            final long max = net.membraneMax();
            for (int id = 0; id < n; id++)
            {
                final IntPopulation p = net.population(id);
                switch (p.kind)
                {
                    case INPUT -> counts[id] = input;
                    case DIF -> {
                        trains.enableFor(id);
                        counts[id] = new int[p.size];
                        pending[id] = new long[p.size];
                        final long[] v = new long[p.size];
                        final int ch = p.channels();
                        for (int i = 0; i < v.length; i++)
                        {
                            v[i] = DifReference.initial(p.v0 + (p.bias == null ? 0 : p.bias[i % ch]), max);
                        }
                        membrane[id] = v;
                    }
                    case NEURONS -> {
                        trains.enableFor(id);
                        counts[id] = new int[p.size];
                        pending[id] = new long[p.size];
                        units[id] = new NeuronReference[p.size];
                        for (int i = 0; i < p.size; i++)
                        {
                            units[id][i] = NeuronModels.create(p.name, p.neuronModel, p.neuronParameters, net.membraneBits);
                        }
                    }
                    case MAX_POOL -> {
                        trains.enableFor(id);
                        final int[] s = net.population(p.source).shape;
                        pools[id] = new TdecMaxPool(s[0], s[1], s[2], p.poolKernel, p.poolStride, p.poolPad);
                        counts[id] = pools[id].outputCounts();
                    }
                    case READOUT -> {
                        logits = p.bias.clone();
                        colSum = new long[net.projection(p.head).inFeatures];
                    }
                    default -> throw new IllegalStateException(p.kind.name());
                }
                for (final int pr : p.inputs)
                {
                    final Projection proj = net.projection(pr);
                    if (proj.kind == Projection.Kind.PRODUCT)
                    {
                        products[pr] = new TdecProduct(proj.product);
                    }
                }
            }
            for (int t = 0; t < ticks; t++)
            {
                for (int id = 0; id < n; id++)
                {
                    final IntPopulation p = net.population(id);
                    switch (p.kind)
                    {
                        case DIF -> tickNeurons(p, t, max);
                        case NEURONS -> tickModelNeurons(p, t);
                        case MAX_POOL -> tickPool(p, t);
                        case READOUT -> tickReadout(p, t);
                        default -> { }
                    }
                }
            }
            if (trainsOut != null)
            {
                trainsOut[0] = trains;
            }
            for (final NeuronReference[] us : units)
            {
                for (int i = 0; us != null && i < us.length; i++)
                {
                    saturations += us[i].saturations();
                }
            }
            return new ExecutionResult(counts, logits, saturations);
        }

        private void tickNeurons(final IntPopulation p, final int t, final long max)
        {
            final int id = p.id;
            final long[] cur = pending[id];
            for (int k = 0; k < p.inputs.length; k++)
            {
                deliver(p, k, t, cur);
            }
            final long[] v = membrane[id];
            if (touched[id])
            {
                touched[id] = false;
                for (int i = 0; i < v.length; i++)
                {
                    if (cur[i] != 0)
                    {
                        final long s = v[i] + cur[i];
                        final long c = clamp(s, max);
                        if (c != s)
                        {
                            saturations++;
                        }
                        v[i] = c;
                        cur[i] = 0;
                    }
                }
            }
            final int f = schedule.windowStart(id);
            if (DifReference.inWindow(t, f, net.timeWindow))
            {
                final IntArrayList out = trains.at(id, t);
                final int theta = p.theta;
                final int[] c = counts[id];
                for (int i = 0; i < v.length; i++)
                {
                    if (v[i] >= theta)
                    {
                        v[i] -= theta;
                        c[i]++;
                        out.add(i);
                    }
                }
            }
        }

        /** Neurons of a named model: every unit steps every tick on its summed input. */
        private void tickModelNeurons(final IntPopulation p, final int t)
        {
            final long[] cur = pending[p.id];
            for (int k = 0; k < p.inputs.length; k++)
            {
                deliver(p, k, t, cur);
            }
            touched[p.id] = false;
            if (stimulus != null && p.id == net.spikeSource() && t < stimulus.length)
            {
                for (final int u : stimulus[t])
                {
                    cur[u]++;
                }
            }
            final NeuronReference[] us = units[p.id];
            final IntArrayList out = trains.at(p.id, t);
            final int[] c = counts[p.id];
            for (int i = 0; i < us.length; i++)
            {
                final long in = cur[i];
                cur[i] = 0;
                if (us[i].step(in))
                {
                    c[i]++;
                    out.add(i);
                }
            }
        }

        /** Adds into cur what input slot k of population p delivers in tick t. */
        private void deliver(final IntPopulation p, final int k, final int t, final long[] cur)
        {
            final int ts = t - schedule.delay(p.id, k);
            if (ts < 0)
            {
                return;
            }
            final Projection pr = net.projection(p.inputs[k]);
            final long unit = 1L << p.inputShifts[k];
            switch (pr.kind)
            {
                case CONV3X3, LINEAR, SPARSE, CONV -> {
                    if (net.population(pr.sourceA).kind == IntPopulation.Kind.INPUT)
                    {
                        if (ts == schedule.windowStart(pr.sourceA))
                        {
                            for (int i = 0; i < input.length; i++)
                            {
                                if (input[i] != 0)
                                {
                                    SynapticKernels.scatter(pr, i, unit * input[i], cur);
                                }
                            }
                            touched[p.id] = true;
                        }
                        return;
                    }
                    final IntArrayList s = trains.at(pr.sourceA, ts);
                    for (int i = 0; i < s.size(); i++)
                    {
                        SynapticKernels.scatter(pr, s.get(i), unit, cur);
                    }
                    touched[p.id] |= !s.isEmpty();
                }
                case PRODUCT -> {
                    products[pr.id].tick(trains.at(pr.sourceA, ts), trains.at(pr.sourceB, ts), unit, cur);
                    touched[p.id] = true;
                }
                default -> throw new IllegalStateException(pr.kind.name());
            }
        }

        /** A max-pool emits in its source's tick when an output's running maximum grows (by one). */
        private void tickPool(final IntPopulation p, final int t)
        {
            final IntArrayList in = trains.at(p.source, t);
            if (!in.isEmpty())
            {
                pools[p.id].tick(in, trains.at(p.id, t));
            }
        }

        private long[] scratch(final Projection pr)
        {
            if (scratch[pr.id] == null)
            {
                scratch[pr.id] = new long[pr.outputSize];
            }
            else
            {
                java.util.Arrays.fill(scratch[pr.id], 0);
            }
            return scratch[pr.id];
        }

        private void tickReadout(final IntPopulation p, final int t)
        {
            final Projection head = net.projection(p.head);
            java.util.Arrays.fill(colSum, 0);
            boolean any = false;
            for (int k = 0; k < p.inputs.length; k++)
            {
                final int ts = t - schedule.delay(p.id, k);
                if (ts < 0)
                {
                    continue;
                }
                final Projection pr = net.projection(p.inputs[k]);
                final IntArrayList s = trains.at(pr.sourceA, ts);
                if (s.isEmpty())
                {
                    continue;
                }
                final long[] cur = scratch(pr);
                for (int i = 0; i < s.size(); i++)
                {
                    SynapticKernels.scatter(pr, s.get(i), 1, cur);
                }
                SynapticKernels.columnSums(cur, head.inFeatures, p.inputShifts[k], colSum);
                any = true;
            }
            if (any)
            {
                SynapticKernels.head(head, colSum, logits);
            }
        }
    }

    private static long clamp(final long v, final long max)
    {
        return v > max ? max : Math.max(v, -max);
    }
}
