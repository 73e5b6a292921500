package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.FanOutCursor;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * The first half of a tick's integration phase: for the spikes one edge side brings, the operations
 * each receiving group does — its fan-out into that group along the routes the spikes take — added to
 * the tick's per-group counters, and a table edge's to its target population's SOPs over the sample.
 */
final class OperationCounter
{
    private final PreparedProgram model;
    private final ChipProgram program;
    /** One per edge side and sample: a product's cursor holds its map's walk, built once. */
    private final FanOutCursor[] cursors;
    /** Per population, over the sample: the synaptic operations of the tables into it. */
    final long[] populationSops;

    OperationCounter(final PreparedProgram model)
    {
        this.model = model;
        this.program = model.program;
        cursors = new FanOutCursor[2 * program.edges().size()];
        populationSops = new long[program.populations().size()];
    }

    /**
     * Adds to {@code ops} the operations each receiving group does for these spikes of edge e's source
     * (side B of a product when {@code sideB}); {@code synaptic} when they are SOPs of the target.
     */
    void count(final ProgramEdge e, final IntArrayList spikes, final boolean sideB, final long[] ops, final boolean synaptic)
    {
        final int src = sideB ? e.sourceB() : e.sourceA();
        if (!model.hasRoutes[src])
        {
            return;
        }
        final int key = e.id() * 2 + (sideB ? 1 : 0);
        final FanOutCursor fan = cursor(e, key, sideB);
        final long total = model.onlyReceiver[key] >= 0 ? intoOne(fan, spikes, model.onlyReceiver[key], ops) : alongRoutes(fan, spikes, src, key, ops);
        if (synaptic)
        {
            populationSops[e.target()] += total;
        }
    }

    private FanOutCursor cursor(final ProgramEdge e, final int key, final boolean sideB)
    {
        FanOutCursor fan = cursors[key];
        if (fan == null)
        {
            final ProgramPopulation source = program.populations().get(sideB ? e.sourceB() : e.sourceA());
            final ProgramPopulation target = program.populations().get(e.target());
            final SynapseTable table = e.table() < 0 ? null : program.tables().get(e.table());
            fan = new FanOutCursor(e, target, source, table, sideB, e.table() >= 0 && model.rowsAscend[e.table()]);
            cursors[key] = fan;
        }
        return fan;
    }

    /** One receiving group: each spike's operations are its fan-out into it, no route looked up. */
    private long intoOne(final FanOutCursor fan, final IntArrayList spikes, final int only, final long[] ops)
    {
        final int a = model.groupStart[only];
        final int b = model.groupEnd[only];
        long total = 0;
        for (int k = 0; k < spikes.size(); k++)
        {
            fan.at(spikes.get(k));
            total += fan.count(a, b);
        }
        ops[only] += total;
        return total;
    }

    private long alongRoutes(final FanOutCursor fan, final IntArrayList spikes, final int src, final int key, final long[] ops)
    {
        final RouteSegments runs = model.segments;
        final long[] bits = runs.bits;
        final int[] groupOf = model.groupOfUnit[src];
        final int[] edgeSide = model.routeEdgeSide;
        final int[] receiver = model.routeReceiver;
        final int[] start = model.groupStart;
        final int[] end = model.groupEnd;
        long total = 0;
        int run = -1;
        for (int k = 0; k < spikes.size(); k++)
        {
            final int s = spikes.get(k);
            final int g = groupOf[s];
            final int r0 = model.routeStart[g];
            final int words = runs.words(g);
            run = runs.runOf(g, s, run);
            final int at = runs.runBits[run];
            fan.at(s);
            for (int w = 0; w < words; w++)
            {
                for (long b = bits[at + w]; b != 0; b &= b - 1)
                {
                    final int r = r0 + (w << 6) + Long.numberOfTrailingZeros(b);
                    if (edgeSide[r] == key)
                    {
                        final int to = receiver[r];
                        final int n = fan.count(start[to], end[to]);
                        ops[to] += n;
                        total += n;
                    }
                }
            }
        }
        return total;
    }
}
