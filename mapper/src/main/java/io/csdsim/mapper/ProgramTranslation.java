package io.csdsim.mapper;

import io.csdsim.isa.program.ConvShape;
import io.csdsim.isa.program.NeuronSpec;
import io.csdsim.isa.program.PoolShape;
import io.csdsim.isa.program.ProductMap;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;
import io.csdsim.models.reference.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The integer network in the program's terms: one table per weighted projection (stored once, the
 * edges of every reader refer to it), one edge per input of a population with its shift and delay,
 * firing windows from the schedule. The readout becomes accumulators fed like a residual reader
 * (placed on cores) and a classifier the host applies to their column sums after the last tick.
 */
final class ProgramTranslation
{
    final List<SynapseTable> tables = new ArrayList<>();
    final List<ProgramPopulation> populations = new ArrayList<>();
    final List<ProgramEdge> edges = new ArrayList<>();
    /** Program population of each network population (the readout: its accumulators). */
    final int[] programOf;

    /** Program population of each accumulator of the residual streams. */
    final int[] programOfAccumulator;

    ProgramTranslation(final IntNetwork net, final Schedule schedule)
    {
        this(net, schedule, ResidualStreams.fanIn(net), 0);
    }

    /**
     * @param streams where residual streams are summed by accumulators (none for fan-in)
     * @param payloadBits the chip's graded-spike payload, which the accumulators' spikes carry
     */
    ProgramTranslation(final IntNetwork net, final Schedule schedule, final ResidualStreams streams, final int payloadBits)
    {
        final int[] tableOf = new int[net.projectionCount()];
        java.util.Arrays.fill(tableOf, -1);
        for (int k = 0; k < net.projectionCount(); k++)
        {
            final Projection pr = net.projection(k);
            if (pr.mantissa != null)
            {
                tableOf[k] = tables.size();
                if (pr.kind == Projection.Kind.CONV)
                {
                    tables.add(SynapseTable.conv(tables.size(), pr.height, pr.width, pr.inFeatures, pr.outFeatures,
                        new ConvShape(pr.kernel, pr.stride, pr.pad, pr.groups), pr.mantissa));
                    continue;
                }
                if (pr.kind == Projection.Kind.SPARSE)
                {
                    tables.add(SynapseTable.sparse(tables.size(), pr.inFeatures, pr.outFeatures, pr.rowStart, pr.targets, pr.mantissa));
                    continue;
                }
                final SynapseTable.Kind kind = pr.kind == Projection.Kind.CONV3X3 ? SynapseTable.Kind.CONV3X3 : SynapseTable.Kind.DENSE;
                tables.add(new SynapseTable(tables.size(), kind, pr.height, pr.width, pr.inFeatures, pr.outFeatures, pr.mantissa));
            }
        }
        // Every population's program id first: a recurrent edge names a population that comes later. An
        // accumulator comes just before its first reader.
        programOf = new int[net.populationCount()];
        programOfAccumulator = new int[streams.accumulators.size()];
        for (int id = 0, next = 0; id < net.populationCount(); id++)
        {
            for (final ResidualStreams.Accumulator a : streams.accumulators)
            {
                if (a.firstReader == id)
                {
                    programOfAccumulator[a.id] = next++;
                }
            }
            programOf[id] = next;
            next += net.population(id).kind == IntPopulation.Kind.READOUT ? 2 : 1;
        }
        // One identity table per stream width: a graded spike of accumulator unit i reaches unit i of its reader, weight 1.
        final java.util.Map<Integer, Integer> identityOf = new java.util.HashMap<>();
        for (int id = 0; id < net.populationCount(); id++)
        {
            for (final ResidualStreams.Accumulator a : streams.accumulators)
            {
                if (a.firstReader == id)
                {
                    addAccumulator(net, schedule, streams, a, payloadBits, tableOf, identityOf);
                }
            }
            final IntPopulation p = net.population(id);
            final int pid = programOf[id];
            final int window = schedule.windowStart(id);
            switch (p.kind)
            {
                case INPUT -> {
                    // The input stage's bias is each channel's zero point: the host feeds pixel − zero point.
                    final long[] zero = new long[net.input.channels()];
                    for (int c = 0; c < zero.length; c++)
                    {
                        zero[c] = net.input.zeroPoint(c);
                    }
                    // On the chip the input stage is the image: tables read it flat, a host reads its shape to feed it.
                    final int[] image = {net.input.height(), net.input.width(), net.input.channels()};
                    populations.add(new ProgramPopulation(pid, p.name, ProgramPopulation.Kind.INPUT, image, 0, 0, zero, window));
                }
                case DIF -> populations.add(new ProgramPopulation(pid, p.name, ProgramPopulation.Kind.DIF, p.shape, p.theta, p.v0, p.bias, window));
                case NEURONS -> populations.add(new ProgramPopulation(pid, p.name, ProgramPopulation.Kind.NEURONS, p.shape, 0, 0, null, window,
                    new NeuronSpec(p.neuronModel, p.neuronParameters)));
                case MAX_POOL -> {
                    populations.add(new ProgramPopulation(pid, p.name, ProgramPopulation.Kind.TDEC_MAXPOOL, p.shape, 0, 0, null, window));
                    edges.add(new ProgramEdge(edges.size(), pid, ProgramEdge.Kind.POOL, -1, programOf[p.source], -1, null, 0, 0,
                        new PoolShape(p.poolKernel, p.poolStride, p.poolPad)));
                }
                case READOUT -> {
                    final Projection head = net.projection(p.head);
                    final int[] accShape = {head.tokens(), head.inFeatures};
                    populations.add(new ProgramPopulation(pid, p.name + ".acc", ProgramPopulation.Kind.ACCUMULATOR, accShape, 0, 0, null, window));
                    final int cls = populations.size();
                    populations.add(new ProgramPopulation(cls, p.name, ProgramPopulation.Kind.HOST_CLASSIFIER, p.shape, 0, 0, p.bias,
                        schedule.outputReadyTick()));
                    edges.add(new ProgramEdge(edges.size(), cls, ProgramEdge.Kind.HOST_READOUT, tableOf[p.head], pid, -1, null, 0, 0));
                }
                default -> throw new IllegalStateException(p.kind.name());
            }
            final int acc = streams.readsAccumulator[id];
            for (int k = 0; k < p.inputs.length; k++)
            {
                final Projection pr = net.projection(p.inputs[k]);
                if (acc >= 0 && streams.accumulators.get(acc).writers.get(pr.id))
                {
                    // The accumulator's one graded edge stands for every writer it holds, in the first one's place.
                    if (firstHeld(p, k, streams.accumulators.get(acc)))
                    {
                        final ResidualStreams.Accumulator a = streams.accumulators.get(acc);
                        edges.add(new ProgramEdge(edges.size(), pid, ProgramEdge.Kind.TABLE, identity(a.units, identityOf),
                            programOfAccumulator[acc], -1, null, streams.accumulatorShift[id], 1));
                    }
                    continue;
                }
                final int delay = schedule.delay(id, k);
                final boolean product = pr.kind == Projection.Kind.PRODUCT;
                edges.add(new ProgramEdge(edges.size(), pid, product ? ProgramEdge.Kind.TDEC_PRODUCT : ProgramEdge.Kind.TABLE, tableOf[pr.id],
                    programOf[pr.sourceA], pr.sourceB < 0 ? -1 : programOf[pr.sourceB], product ? ProductMap.parse(pr.product.text()) : null,
                    p.inputShifts[k], delay));
            }
        }
    }

    /** Whether slot k is the first of p's slots that accumulator a holds. */
    private static boolean firstHeld(final IntPopulation p, final int k, final ResidualStreams.Accumulator a)
    {
        for (int j = 0; j < k; j++)
        {
            if (a.writers.get(p.inputs[j]))
            {
                return false;
            }
        }
        return true;
    }

    /** @return the identity table of {@code units} units, made on first use. */
    private int identity(final int units, final java.util.Map<Integer, Integer> identityOf)
    {
        return identityOf.computeIfAbsent(units, u -> {
            final int[] rowStart = new int[u + 1];
            final int[] targets = new int[u];
            final short[] ones = new short[u];
            for (int i = 0; i < u; i++)
            {
                rowStart[i + 1] = i + 1;
                targets[i] = i;
                ones[i] = 1;
            }
            tables.add(SynapseTable.sparse(tables.size(), u, u, rowStart, targets, ones));
            return tables.size() - 1;
        });
    }

    /**
     * An accumulator population (neuron model {@code accumulator}) and its edges: the previous
     * accumulator's graded spikes, one synapse per unit, and its new writers' tables.
     */
    private void addAccumulator(final IntNetwork net, final Schedule schedule, final ResidualStreams streams,
        final ResidualStreams.Accumulator a, final int payloadBits, final int[] tableOf, final java.util.Map<Integer, Integer> identityOf)
    {
        final int pid = programOfAccumulator[a.id];
        final IntPopulation reader = net.population(a.firstReader);
        // Its sums are complete from the tick its last writer's first spikes arrive (reporting only: accumulators fire on any input).
        int window = 0;
        for (int pr = a.writers.nextSetBit(0); pr >= 0; pr = a.writers.nextSetBit(pr + 1))
        {
            final Projection w = net.projection(pr);
            window = Math.max(window, schedule.windowStart(w.sourceA) + a.reach[pr]);
        }
        populations.add(new ProgramPopulation(pid, reader.name + ".residual", ProgramPopulation.Kind.NEURONS, reader.shape.clone(), 0, 0, null,
            window, io.csdsim.isa.program.NeuronSpec.of(io.csdsim.models.neuron.AccumulatorReference.NAME, "payloadBits", payloadBits)));
        if (a.previous >= 0)
        {
            edges.add(new ProgramEdge(edges.size(), pid, ProgramEdge.Kind.TABLE, identity(a.units, identityOf),
                programOfAccumulator[a.previous], -1, null, a.previousShift, 1));
        }
        for (int pr = a.writers.nextSetBit(0); pr >= 0; pr = a.writers.nextSetBit(pr + 1))
        {
            if (a.writerShift[pr] >= 0)
            {
                final Projection w = net.projection(pr);
                edges.add(new ProgramEdge(edges.size(), pid, ProgramEdge.Kind.TABLE, tableOf[pr], programOf[w.sourceA], -1, null,
                    a.writerShift[pr], a.reach[pr]));
            }
        }
    }
}
