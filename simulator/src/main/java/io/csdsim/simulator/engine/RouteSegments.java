package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.SynapseTable;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Builds {@link EngineModel}'s segments: splits each sending group's units into runs that take the
 * same routes with the same fan-out, and lists each run's (route, fan-out) pairs once. A unit's
 * routes change only where a route's unit intervals start or end; a route's fan-out changes only at
 * multiples of its edge's period (the units that share a pixel, a token or an attention row), so
 * only those points are examined, not every unit.
 */
final class RouteSegments
{
    /** Per population with routes, per unit: its segment (segment 0 takes no route). */
    final int[][] segmentOfUnit;
    /** CSR over segments: pairs of segment k are [pairStart[k], pairStart[k + 1]). */
    final IntArrayList pairStart = new IntArrayList();
    final IntArrayList route = new IntArrayList();
    final IntArrayList fanOut = new IntArrayList();

    private final EngineModel model;
    private final int[] intervalStart;
    private final int[] intervalEnd;
    private final int[] unitLo;
    private final int[] unitHi;

    /**
     * @param intervalStart per route, its first interval in {@code unitLo}/{@code unitHi}
     * @param intervalEnd per route, one past its last interval
     */
    RouteSegments(final EngineModel model, final int[] intervalStart, final int[] intervalEnd, final int[] unitLo, final int[] unitHi)
    {
        this.model = model;
        this.intervalStart = intervalStart;
        this.intervalEnd = intervalEnd;
        this.unitLo = unitLo;
        this.unitHi = unitHi;
        segmentOfUnit = new int[model.pops.size()][];
        pairStart.add(0);
        pairStart.add(0);
        final IntArrayList points = new IntArrayList();
        final IntArrayList candidate = new IntArrayList();
        for (final NeuronGroup g : model.groups)
        {
            final int r0 = model.routeStart[g.id()];
            final int r1 = model.routeStart[g.id() + 1];
            if (r0 == r1)
            {
                continue;
            }
            if (segmentOfUnit[g.population()] == null)
            {
                segmentOfUnit[g.population()] = new int[model.pops.get(g.population()).size()];
            }
            final int[] of = segmentOfUnit[g.population()];
            points.clear();
            points.add(g.start());
            points.add(g.end());
            for (int r = r0; r < r1; r++)
            {
                final int period = period(r);
                for (int k = intervalStart[r]; k < intervalEnd[r]; k++)
                {
                    final int lo = Math.max(g.start(), unitLo[k]);
                    final int hi = Math.min(g.end(), unitHi[k]);
                    if (lo >= hi)
                    {
                        continue;
                    }
                    points.add(lo);
                    points.add(hi);
                    for (int m = (lo / period + 1) * period; m < hi; m += period)
                    {
                        points.add(m);
                    }
                }
            }
            points.sortThis();
            int previousPairs = -1;
            for (int i = 0; i + 1 < points.size(); i++)
            {
                final int from = points.get(i);
                final int to = points.get(i + 1);
                if (from == to)
                {
                    continue;
                }
                candidate.clear();
                for (int r = r0; r < r1; r++)
                {
                    if (carries(r, from))
                    {
                        candidate.add(r);
                        candidate.add(fanOutOf(r, from));
                    }
                }
                if (previousPairs < 0 || !sameAsLast(candidate))
                {
                    for (int k = 0; k < candidate.size(); k += 2)
                    {
                        route.add(candidate.get(k));
                        fanOut.add(candidate.get(k + 1));
                    }
                    pairStart.add(route.size());
                    previousPairs = candidate.size() / 2;
                }
                java.util.Arrays.fill(of, from, to, pairStart.size() - 2);
            }
        }
    }

    /** @return whether the newest segment's pairs are these (route, fan-out) pairs. */
    private boolean sameAsLast(final IntArrayList candidate)
    {
        final int start = pairStart.get(pairStart.size() - 2);
        final int n = pairStart.get(pairStart.size() - 1) - start;
        if (n * 2 != candidate.size())
        {
            return false;
        }
        for (int k = 0; k < n; k++)
        {
            if (route.get(start + k) != candidate.get(2 * k) || fanOut.get(start + k) != candidate.get(2 * k + 1))
            {
                return false;
            }
        }
        return true;
    }

    private boolean carries(final int r, final int s)
    {
        for (int k = intervalStart[r]; k < intervalEnd[r]; k++)
        {
            if (s >= unitLo[k] && s < unitHi[k])
            {
                return true;
            }
        }
        return false;
    }

    /** @return the targets source unit s reaches on route r's receiver (the operations one spike costs it). */
    private int fanOutOf(final int r, final int s)
    {
        final ProgramEdge e = model.program.edges().get(model.routeEdgeSide[r] >> 1);
        final boolean sideB = (model.routeEdgeSide[r] & 1) == 1;
        final NeuronGroup receiver = model.groups.get(model.routeReceiver[r]);
        final SynapseTable table = e.table() < 0 ? null : model.program.tables().get(e.table());
        return EdgeGeometry.fanOutCount(e, model.pops.get(e.target()), model.pops.get(sideB ? e.sourceB() : e.sourceA()), table, sideB, s,
            receiver.start(), receiver.end());
    }

    /**
     * @return units of route r's source over which its fan-out cannot change except at multiples:
     * a pixel's or token's features for tables, an attention row's per-head slice for QK, a row of the
     * attention map for AV's first side; 1 (every unit) where it can change anywhere.
     */
    private int period(final int r)
    {
        final ProgramEdge e = model.program.edges().get(model.routeEdgeSide[r] >> 1);
        final boolean sideB = (model.routeEdgeSide[r] & 1) == 1;
        return switch (e.kind())
        {
            case TABLE -> model.program.tables().get(e.table()).inFeatures();
            case TDEC_QK -> {
                final int d = model.pops.get(sideB ? e.sourceB() : e.sourceA()).shape()[1];
                yield d % e.heads() == 0 ? d / e.heads() : 1;
            }
            case TDEC_AV -> sideB ? 1 : model.pops.get(e.target()).shape()[0];
            default -> 1;
        };
    }
}
