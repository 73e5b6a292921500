package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.FanOutCursor;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.simulator.neuron.NeuronKernels;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * A program made ready to run: for every neuron group, the routes its spikes take, as primitive CSR
 * arrays built from the program's route table; which group holds each unit; each group's dendrites.
 */
final class PreparedProgram
{
    final ChipProgram program;
    final List<ProgramPopulation> pops;
    final List<NeuronGroup> groups;
    final List<List<ProgramEdge>> incoming = new ArrayList<>();
    /** Per population: the NEURONS group of each unit (null for the host's populations). */
    final int[][] groupOfUnit;
    /**
     * Per NEURONS group: its spikes' routes, CSR in route-table order — receiver group, sending group
     * (the group itself or a relay), edge·2+side. One entry per route, not per unit.
     */
    final int[] routeStart;
    final int[] routeReceiver;
    final int[] routeSender;
    final int[] routeEdgeSide;
    /** Which of its group's routes each spike takes: runs of units with a bitset of routes each. */
    final RouteSegments segments;
    /** Per group: where its core's router sits, as {@link io.csdsim.simulator.network.OnChipNetwork#send} takes it. */
    final int[] placeOfGroup;
    /**
     * Per group, what timing reads every tick, as primitives rather than through the group records:
     * its size, its soma when it is a dendrite (−1 otherwise), and whether its neurons are updated
     * every tick (NEURONS groups of DIF and accumulator populations).
     */
    final int[] groupSize;
    /** Per group: its first unit and one past its last, read per spike and route when operations are counted. */
    final int[] groupStart;
    final int[] groupEnd;
    final int[] somaOfDendrite;
    final boolean[] updates;
    /** Per group: whether it holds accumulator compartments (graded spikes), updated only when they have input. */
    final boolean[] accumulates;
    /** Per population: whether its spikes are graded. */
    final boolean[] graded;
    /** Per synapse table: a sparse table whose rows ascend, counted by search ({@link FanOutCursor}); checked once per program. */
    final boolean[] rowsAscend;
    /** Per population: whether it is a spike source, the host's input (no neuron updates, fires nor their costs). */
    final boolean[] spikeSource;
    /** Whether timing adds up each router's link loads over a sample (for the HTML report; off by default: it costs a pass per tick). */
    boolean recordLinkLoads;
    /** Per population: whether any route leaves it (false for the host's and the last layers). */
    final boolean[] hasRoutes;
    /** MACs the input stage computes per sample: every input element times its fan-out. */
    final long inputMacs;
    /** Per edge·2+side: the one group of neurons its spikes reach, or a negative ({@link #onlyReceivers}). */
    final int[] onlyReceiver;
    /** Per group: its dendrites (partial sums to it) — for NEURONS groups. */
    final int[][] dendritesOf;

    PreparedProgram(final ChipProgram program)
    {
        this.program = program;
        this.pops = program.populations();
        this.groups = program.groups();
        final int np = pops.size();
        for (int i = 0; i < np; i++)
        {
            incoming.add(new ArrayList<>());
        }
        for (final ProgramEdge e : program.edges())
        {
            incoming.get(e.target()).add(e);
        }
        groupOfUnit = new int[np][];
        final List<List<Integer>> dendrites = new ArrayList<>();
        for (final NeuronGroup g : groups)
        {
            dendrites.add(new ArrayList<>());
            if (g.role() == NeuronGroup.Role.NEURONS)
            {
                if (groupOfUnit[g.population()] == null)
                {
                    groupOfUnit[g.population()] = new int[pops.get(g.population()).size()];
                }
                java.util.Arrays.fill(groupOfUnit[g.population()], g.start(), g.end(), g.id());
            }
        }
        for (final NeuronGroup g : groups)
        {
            if (g.isDendrite())
            {
                dendrites.get(g.parent()).add(g.id());
            }
        }
        dendritesOf = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++)
        {
            dendritesOf[g] = dendrites.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        placeOfGroup = groups.stream().mapToInt(g -> io.csdsim.simulator.network.OnChipNetwork.place(program, g.core())).toArray();
        groupSize = groups.stream().mapToInt(NeuronGroup::size).toArray();
        groupStart = groups.stream().mapToInt(NeuronGroup::start).toArray();
        groupEnd = groups.stream().mapToInt(NeuronGroup::end).toArray();
        somaOfDendrite = groups.stream().mapToInt(g -> g.isDendrite() ? g.parent() : -1).toArray();
        spikeSource = new boolean[pops.size()];
        graded = new boolean[pops.size()];
        for (final ProgramPopulation p : pops)
        {
            spikeSource[p.id()] = NeuronKernels.takesStimulus(program, p);
            graded[p.id()] = NeuronKernels.graded(program, p);
        }
        rowsAscend = new boolean[program.tables().size()];
        for (int t = 0; t < rowsAscend.length; t++)
        {
            final io.csdsim.isa.program.SynapseTable table = program.tables().get(t);
            rowsAscend[t] = table.kind() == io.csdsim.isa.program.SynapseTable.Kind.SPARSE && FanOutCursor.rowsAscend(table);
        }
        updates = new boolean[groups.size()];
        accumulates = new boolean[groups.size()];
        for (final NeuronGroup g : groups)
        {
            accumulates[g.id()] = g.role() == NeuronGroup.Role.NEURONS && graded[g.population()];
            final ProgramPopulation.Kind kind = pops.get(g.population()).kind();
            updates[g.id()] = g.role() == NeuronGroup.Role.NEURONS && !spikeSource[g.population()] && !accumulates[g.id()]
                && (kind.isNeurons() || kind == ProgramPopulation.Kind.ACCUMULATOR);
        }
        final RouteTable rt = program.routes();
        final IntArrayList lo = new IntArrayList();
        final IntArrayList hi = new IntArrayList();
        final IntArrayList soma = new IntArrayList();
        final IntArrayList kept = new IntArrayList();
        final IntArrayList sides = new IntArrayList();
        final IntArrayList ivStart = new IntArrayList();
        final int[] side = new int[1];
        hasRoutes = new boolean[np];
        for (int i = 0; i < rt.size(); i++)
        {
            if (rt.edge(i) < 0)
            {
                continue;
            }
            final Intervals u = units(i, side);
            if (u.count() == 0)
            {
                continue;
            }
            final NeuronGroup g = soma(groups.get(rt.source(i)));
            kept.add(i);
            soma.add(g.id());
            sides.add(rt.edge(i) * 2 + side[0]);
            ivStart.add(lo.size());
            for (int k = 0; k < u.count(); k++)
            {
                lo.add(u.lo(k));
                hi.add(u.hi(k));
            }
            hasRoutes[g.population()] = true;
        }
        ivStart.add(lo.size());
        // A stable counting sort by sending soma keeps each group's routes in route-table order.
        final int n = kept.size();
        routeStart = new int[groups.size() + 1];
        for (int r = 0; r < n; r++)
        {
            routeStart[soma.get(r) + 1]++;
        }
        for (int g = 0; g < groups.size(); g++)
        {
            routeStart[g + 1] += routeStart[g];
        }
        final int[] fill = java.util.Arrays.copyOf(routeStart, groups.size());
        routeReceiver = new int[n];
        routeSender = new int[n];
        routeEdgeSide = new int[n];
        final int[] intervalStart = new int[n];
        final int[] intervalEnd = new int[n];
        for (int r = 0; r < n; r++)
        {
            final int at = fill[soma.get(r)]++;
            final int i = kept.get(r);
            routeReceiver[at] = rt.target(i);
            routeSender[at] = rt.source(i);
            routeEdgeSide[at] = sides.get(r);
            intervalStart[at] = ivStart.get(r);
            intervalEnd[at] = ivStart.get(r + 1);
        }
        segments = new RouteSegments(this, intervalStart, intervalEnd, lo.toArray(), hi.toArray());
        onlyReceiver = onlyReceivers(program.edges().size());
        inputMacs = countInputMacs();
    }

    /**
     * Per edge·2+side: the one group all its routes reach when every sending group has at most one
     * route of it, and that group holds neurons (not a dendrite's partial sums); negative otherwise
     * (−1: no route, −2: more than one way). Then a spike's operations there are its fan-out into
     * that group's units, with no route to look up: a sending unit without a route to it has no
     * synapse into it (routes are made from the fan-in).
     */
    private int[] onlyReceivers(final int edges)
    {
        final int[] only = new int[2 * edges];
        java.util.Arrays.fill(only, -1);
        final int[] lastSender = new int[2 * edges];
        for (int g = 0; g < groups.size(); g++)
        {
            for (int r = routeStart[g]; r < routeStart[g + 1]; r++)
            {
                final int key = routeEdgeSide[r];
                final int to = routeReceiver[r];
                if (only[key] == -1 && groups.get(to).role() == NeuronGroup.Role.NEURONS)
                {
                    only[key] = to;
                    lastSender[key] = g;
                }
                else if (only[key] != to || lastSender[key] == g || groups.get(to).role() != NeuronGroup.Role.NEURONS)
                {
                    only[key] = -2;
                }
                else
                {
                    lastSender[key] = g;
                }
            }
        }
        return only;
    }

    private long countInputMacs()
    {
        long macs = 0;
        for (final ProgramEdge e : program.edges())
        {
            final ProgramPopulation src = pops.get(e.sourceA());
            if (src.kind() == ProgramPopulation.Kind.INPUT && e.kind() == ProgramEdge.Kind.TABLE)
            {
                final ProgramPopulation target = pops.get(e.target());
                for (int i = 0; i < src.size(); i++)
                {
                    macs += EdgeGeometry.fanOutCount(e, target, src, program.tables().get(e.table()), false, i, 0, target.size());
                }
            }
        }
        return macs;
    }

    NeuronGroup soma(final NeuronGroup g)
    {
        return g.role() == NeuronGroup.Role.NEURONS ? g : groups.get(g.parent());
    }

    /** The last receiver's fan-in, per operand, and whose it is ({@link #units}). */
    private final Intervals memoA = new Intervals();
    private final Intervals memoB = new Intervals();
    private int memoEdge = -1;
    private int memoReceiver = -1;

    /** The source units route i of the program's table carries, as sealed intervals, and the side of its edge. */
    Intervals units(final int i, final int[] side)
    {
        final RouteTable rt = program.routes();
        final ProgramEdge e = program.edges().get(rt.edge(i));
        final NeuronGroup sender = soma(groups.get(rt.source(i)));
        final NeuronGroup receiver = groups.get(rt.target(i));
        final ProgramPopulation target = pops.get(e.target());
        // The mapper emits an edge's routes into one receiver together: its fan-in is computed once for all their senders.
        if (memoEdge != e.id() || memoReceiver != receiver.id())
        {
            memoA.clear();
            memoB.clear();
            EdgeGeometry.fanIn(e, target, pops.get(e.sourceA()), e.table() < 0 ? null : program.tables().get(e.table()), receiver.start(),
                receiver.end(), memoA, memoB);
            memoA.seal();
            memoB.seal();
            memoEdge = e.id();
            memoReceiver = receiver.id();
        }
        side[0] = e.sourceB() >= 0 && sender.population() == e.sourceB() && e.sourceA() != e.sourceB() ? 1 : 0;
        Intervals fan = (side[0] == 1 ? memoB : memoA).within(sender.start(), sender.end());
        if (receiver.isDendrite())
        {
            final Intervals pieces = new Intervals();
            for (int q = 0; q < receiver.pieceCount(); q++)
            {
                if (receiver.pieceEdge(q) == e.id())
                {
                    for (int k = 0; k < fan.count(); k++)
                    {
                        pieces.add(Math.max(fan.lo(k), receiver.pieceFrom(q)), Math.min(fan.hi(k), receiver.pieceTo(q)));
                    }
                }
            }
            fan = pieces.seal();
        }
        return fan;
    }
}
