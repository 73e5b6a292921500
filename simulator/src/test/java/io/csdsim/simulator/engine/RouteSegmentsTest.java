package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.FanOutCursor;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.RandomNetworks;
import io.csdsim.models.quant.IntNetwork;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runs are an index, not a model: for every unit that sends spikes, its run's bitset holds
 * exactly the routes of the program's route table that carry it, in table order; and the engine's
 * fan-out cursor counts what EdgeGeometry counts on each route's receiver. Checked unit by
 * unit on random CSDformers mapped onto small cores, so groups start and end inside pixels, tokens
 * and attention rows.
 */
class RouteSegmentsTest
{
    @Test
    void everyUnitsRunHoldsExactlyTheRoutesThatCarryItInTableOrder()
    {
        final SplittableRandom r = new SplittableRandom(11);
        long pairs = 0;
        for (int trial = 0; trial < 6; trial++)
        {
            final IntNetwork net = RandomNetworks.draw(r, 3, 1);
            ChipSpec chip = ChipSpecs.preset("loihi2");
            for (final String o : new String[] {"core.tdecUnits=" + (8 + r.nextInt(100)), "core.maxNeurons=" + (5 + r.nextInt(90)),
                "core.maxInputAxons=" + (64 + r.nextInt(600)), "core.maxOutputRoutes=" + (24 + r.nextInt(400))})
            {
                chip = ChipSpecs.override(chip, o);
            }
            final ChipProgram program = Mapper.compile(net, chip, MapperOptions.DEFAULT).program();
            pairs += check(program, "trial " + trial);
        }
        assertTrue(pairs > 10_000, "pairs checked: " + pairs);
    }

    /** @return the (unit, route) pairs checked */
    private static long check(final ChipProgram program, final String where)
    {
        final PreparedProgram m = new PreparedProgram(program);
        final RouteTable rt = program.routes();
        // Expected, per sending unit: (receiver, sender, edge·2+side, fan-out) of each route in table order.
        final IntArrayList[][] expected = new IntArrayList[program.populations().size()][];
        final int[] side = new int[1];
        long fanOuts = 0;
        for (int i = 0; i < rt.size(); i++)
        {
            if (rt.edge(i) < 0)
            {
                continue;
            }
            final Intervals units = m.units(i, side);
            final NeuronGroup soma = m.soma(program.groups().get(rt.source(i)));
            final int pop = soma.population();
            if (expected[pop] == null)
            {
                expected[pop] = new IntArrayList[program.populations().get(pop).size()];
            }
            for (int k = 0; k < units.count(); k++)
            {
                for (int s = units.lo(k); s < units.hi(k); s++)
                {
                    if (expected[pop][s] == null)
                    {
                        expected[pop][s] = new IntArrayList();
                    }
                    expected[pop][s].addAll(rt.target(i), rt.source(i), rt.edge(i) * 2 + side[0]);
                    // The engine counts a spike's operations with a cursor; it must equal the geometry's count.
                    final ProgramEdge e = program.edges().get(rt.edge(i));
                    final NeuronGroup receiver = program.groups().get(rt.target(i));
                    final ProgramPopulation target = program.populations().get(e.target());
                    final ProgramPopulation source = program.populations().get(side[0] == 1 ? e.sourceB() : e.sourceA());
                    final SynapseTable table = e.table() < 0 ? null : program.tables().get(e.table());
                    final FanOutCursor cursor = new FanOutCursor(e, target, source, table, side[0] == 1);
                    cursor.at(s);
                    assertEquals(EdgeGeometry.fanOutCount(e, target, source, table, side[0] == 1, s, receiver.start(), receiver.end()),
                        cursor.count(receiver.start(), receiver.end()), where + ": fan-out of unit " + s + " on route " + i);
                    fanOuts++;
                }
            }
        }
        assertTrue(fanOuts > 100, "fan-outs checked: " + fanOuts);
        long pairs = 0;
        for (int pop = 0; pop < expected.length; pop++)
        {
            if (expected[pop] == null)
            {
                continue;
            }
            for (int s = 0; s < expected[pop].length; s++)
            {
                final IntArrayList got = new IntArrayList();
                final int g = m.groupOfUnit[pop][s];
                final int r0 = m.routeStart[g];
                final int at = m.segments.runBits[m.segments.runOf(g, s)];
                for (int r = r0; r < m.routeStart[g + 1]; r++)
                {
                    if ((m.segments.bits[at + ((r - r0) >>> 6)] >>> (r - r0) & 1) != 0)
                    {
                        got.addAll(m.routeReceiver[r], m.routeSender[r], m.routeEdgeSide[r]);
                    }
                }
                final IntArrayList want = expected[pop][s] == null ? new IntArrayList() : expected[pop][s];
                assertEquals(want, got, where + ": population " + program.populations().get(pop).name() + " unit " + s);
                pairs += want.size() / 3;
            }
        }
        return pairs;
    }
}
