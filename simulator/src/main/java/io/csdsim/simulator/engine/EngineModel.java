package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;

import java.util.ArrayList;
import java.util.List;

/**
 * A program made ready to run: for every unit of every spiking population, the deliveries its spike
 * makes — receiver group, sending group (itself or a relay), edge and side, and the operations it
 * causes there — as primitive CSR arrays built from the program's routes; which group holds each
 * unit; how each population's units split into chunks of whole groups for the tick's workers.
 */
final class EngineModel
{
    final ChipProgram program;
    final List<ProgramPopulation> pops;
    final List<NeuronGroup> groups;
    final List<List<ProgramEdge>> incoming = new ArrayList<>();
    /** Per population: the NEURONS group of each unit (null for the host's populations). */
    final int[][] groupOfUnit;
    /** Per population: CSR offsets over units, and per delivery the receiver, sender and edge·2+side. */
    final int[][] deliveryStart;
    final int[][] deliveryReceiver;
    final int[][] deliverySender;
    final int[][] deliveryEdgeSide;
    /** Per population and delivery: the operations one spike causes in the receiving group. */
    final int[][] deliveryOps;
    /** MACs the input stage computes per sample: every input element times its fan-out. */
    final long inputMacs;
    /** Per group: its dendrites (partial sums to it) — for NEURONS groups. */
    final int[][] dendritesOf;

    EngineModel(final ChipProgram program)
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
        deliveryStart = new int[np][];
        deliveryReceiver = new int[np][];
        deliverySender = new int[np][];
        deliveryEdgeSide = new int[np][];
        deliveryOps = new int[np][];
        buildDeliveries();
        inputMacs = countInputMacs();
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

    private NeuronGroup soma(final NeuronGroup g)
    {
        return g.role() == NeuronGroup.Role.NEURONS ? g : groups.get(g.parent());
    }

    /** The source units route i carries, as sealed intervals, and the side of its edge. */
    private Intervals units(final int i, final int[] side)
    {
        final RouteTable rt = program.routes();
        final ProgramEdge e = program.edges().get(rt.edge(i));
        final NeuronGroup sender = soma(groups.get(rt.source(i)));
        final NeuronGroup receiver = groups.get(rt.target(i));
        final ProgramPopulation target = pops.get(e.target());
        final Intervals fanA = new Intervals();
        final Intervals fanB = new Intervals();
        EdgeGeometry.fanIn(e, target, pops.get(e.sourceA()), e.table() < 0 ? null : program.tables().get(e.table()), receiver.start(),
            receiver.end(), fanA, fanB);
        side[0] = e.sourceB() >= 0 && sender.population() == e.sourceB() && e.sourceA() != e.sourceB() ? 1 : 0;
        Intervals fan = (side[0] == 1 ? fanB : fanA).seal().within(sender.start(), sender.end());
        if (receiver.isDendrite())
        {
            final Intervals pieces = new Intervals();
            for (int q = 0; q < receiver.pieces().length; q += 3)
            {
                if (receiver.pieces()[q] == e.id())
                {
                    for (int k = 0; k < fan.count(); k++)
                    {
                        pieces.add(Math.max(fan.lo(k), receiver.pieces()[q + 1]), Math.min(fan.hi(k), receiver.pieces()[q + 2]));
                    }
                }
            }
            fan = pieces.seal();
        }
        return fan;
    }

    private void buildDeliveries()
    {
        final RouteTable rt = program.routes();
        final int[][] count = new int[pops.size()][];
        final int[] side = new int[1];
        for (int pass = 0; pass < 2; pass++)
        {
            final int[][] fill = new int[pops.size()][];
            for (int i = 0; i < rt.size(); i++)
            {
                if (rt.edge(i) < 0)
                {
                    continue;
                }
                final NeuronGroup sender = soma(groups.get(rt.source(i)));
                final int p = sender.population();
                final Intervals u = units(i, side);
                if (pass == 0)
                {
                    if (count[p] == null)
                    {
                        count[p] = new int[pops.get(p).size() + 1];
                    }
                    for (int k = 0; k < u.count(); k++)
                    {
                        for (int s = u.lo(k); s < u.hi(k); s++)
                        {
                            count[p][s + 1]++;
                        }
                    }
                }
                else
                {
                    if (fill[p] == null)
                    {
                        fill[p] = deliveryStart[p].clone();
                    }
                    for (int k = 0; k < u.count(); k++)
                    {
                        for (int s = u.lo(k); s < u.hi(k); s++)
                        {
                            final int at = fill[p][s]++;
                            deliveryReceiver[p][at] = rt.target(i);
                            deliverySender[p][at] = rt.source(i);
                            deliveryEdgeSide[p][at] = rt.edge(i) * 2 + side[0];
                            final ProgramEdge e = program.edges().get(rt.edge(i));
                            final NeuronGroup r = groups.get(rt.target(i));
                            deliveryOps[p][at] = EdgeGeometry.fanOutCount(e, pops.get(e.target()), pops.get(p),
                                e.table() < 0 ? null : program.tables().get(e.table()), side[0] == 1, s, r.start(), r.end());
                        }
                    }
                }
            }
            if (pass == 0)
            {
                for (int p = 0; p < pops.size(); p++)
                {
                    if (count[p] == null)
                    {
                        continue;
                    }
                    for (int s = 0; s < pops.get(p).size(); s++)
                    {
                        count[p][s + 1] += count[p][s];
                    }
                    deliveryStart[p] = count[p];
                    final int n = count[p][pops.get(p).size()];
                    deliveryReceiver[p] = new int[n];
                    deliverySender[p] = new int[n];
                    deliveryEdgeSide[p] = new int[n];
                    deliveryOps[p] = new int[n];
                }
            }
        }
    }

    int coreOf(final int group)
    {
        return groups.get(group).core();
    }
}
