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

    ProgramTranslation(final IntNetwork net, final Schedule schedule)
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
        // Every population's program id first: a recurrent edge names a population that comes later.
        programOf = new int[net.populationCount()];
        for (int id = 0, next = 0; id < net.populationCount(); id++)
        {
            programOf[id] = next;
            next += net.population(id).kind == IntPopulation.Kind.READOUT ? 2 : 1;
        }
        for (int id = 0; id < net.populationCount(); id++)
        {
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
            for (int k = 0; k < p.inputs.length; k++)
            {
                final Projection pr = net.projection(p.inputs[k]);
                final int delay = schedule.delay(id, k);
                final boolean product = pr.kind == Projection.Kind.PRODUCT;
                edges.add(new ProgramEdge(edges.size(), pid, product ? ProgramEdge.Kind.TDEC_PRODUCT : ProgramEdge.Kind.TABLE, tableOf[pr.id],
                    programOf[pr.sourceA], pr.sourceB < 0 ? -1 : programOf[pr.sourceB], product ? ProductMap.parse(pr.product.text()) : null,
                    p.inputShifts[k], delay));
            }
        }
    }
}
