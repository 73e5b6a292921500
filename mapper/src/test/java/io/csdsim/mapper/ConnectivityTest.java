package io.csdsim.mapper;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.csdformer.RandomNetworks;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.ProductIndex;
import io.csdsim.models.quant.Projection;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program's connectivity equals the integer network's: every table stored once with the
 * projection's mantissas, every input an edge with its shift, every population tiled by its groups,
 * every synapse's source reaching its target's core by exactly the routes the program lists, with
 * entries equal to the brute-force count — on random small CSDformers, under chips whose limits
 * force splitting, dendrites and relays.
 */
class ConnectivityTest
{
    static IntNetwork randomNetwork(final SplittableRandom r)
    {
        return RandomNetworks.draw(r, 4, 3);
    }

    static ChipSpec randomChip(final SplittableRandom r)
    {
        return TestChips.loihi("core.tdecUnits=" + (8 + r.nextInt(200)), "core.maxNeurons=" + (4 + r.nextInt(300)),
            "core.maxInputAxons=" + (64 + r.nextInt(600)), "core.maxOutputRoutes=" + (24 + r.nextInt(400)),
            "core.sharedSynapseTables=" + r.nextBoolean(), "mesh.tilesX=" + (1 + r.nextInt(4)), "mesh.tilesY=" + (1 + r.nextInt(3)));
    }

    /** Every target unit a source unit of an edge reaches (brute force from the network's geometry). */
    private static void fanOut(final IntNetwork net, final Projection pr, final boolean fromB, final int s, final Set<Integer> out)
    {
        switch (pr.kind)
        {
            case CONV3X3 -> {
                final int cin = pr.inFeatures;
                final int y = s / cin / pr.width;
                final int x = s / cin % pr.width;
                for (int yo = y - 1; yo <= y + 1; yo++)
                {
                    for (int xo = x - 1; xo <= x + 1; xo++)
                    {
                        if (yo >= 0 && yo < pr.height && xo >= 0 && xo < pr.width)
                        {
                            for (int co = 0; co < pr.outFeatures; co++)
                            {
                                out.add((yo * pr.width + xo) * pr.outFeatures + co);
                            }
                        }
                    }
                }
            }
            case LINEAR -> {
                final int n = s / pr.inFeatures;
                for (int o = 0; o < pr.outFeatures; o++)
                {
                    out.add(n * pr.outFeatures + o);
                }
            }
            case PRODUCT -> {
                // Attention's geometry by hand, which also pins what its two index maps mean.
                final int tok = pr.product.extents()[0];
                final int heads = pr.product.extents()[2];
                final int d = heads * pr.product.extents()[3];
                final boolean scores = pr.product.equals(ProductIndex.attentionScores(tok, d, heads));
                assertTrue(scores || pr.product.equals(ProductIndex.attentionValues(tok, d, heads)), pr.product.text());
                if (scores)
                {
                    attentionScores(tok, d, heads, fromB, s, out);
                }
                else
                {
                    attentionValues(tok, d, heads, fromB, s, out);
                }
            }
            default -> throw new IllegalStateException(pr.kind.name());
        }
    }

    private static void attentionScores(final int tok, final int d, final int heads, final boolean fromB, final int s, final Set<Integer> out)
    {
        final int h = s % d / (d / heads);
        final int row = s / d;
        for (int other = 0; other < tok; other++)
        {
            out.add(fromB ? (h * tok + other) * tok + row : (h * tok + row) * tok + other);
        }
    }

    private static void attentionValues(final int tok, final int d, final int heads, final boolean fromB, final int s, final Set<Integer> out)
    {
        final int dk = d / heads;
        if (!fromB)
        {
            final int h = s / (tok * tok);
            final int i = s / tok % tok;
            for (int e = h * dk; e < (h + 1) * dk; e++)
            {
                out.add(i * d + e);
            }
        }
        else
        {
            for (int i = 0; i < tok; i++)
            {
                out.add(i * d + s % d);
            }
        }
    }

    private static void poolFanOut(final IntPopulation src, final IntPopulation pool, final int s, final Set<Integer> out)
    {
        final int c = src.shape[2];
        final int y = s / c / src.shape[1];
        final int x = s / c % src.shape[1];
        for (int yo = 0; yo < pool.shape[0]; yo++)
        {
            for (int xo = 0; xo < pool.shape[1]; xo++)
            {
                if (Math.abs(2 * yo - y) <= 1 && Math.abs(2 * xo - x) <= 1)
                {
                    out.add((yo * pool.shape[1] + xo) * c + s % c);
                }
            }
        }
    }

    private static int groupOf(final List<NeuronGroup> groups, final int pop, final int unit)
    {
        for (final NeuronGroup g : groups)
        {
            if (g.population() == pop && g.role() == NeuronGroup.Role.NEURONS && unit >= g.start() && unit < g.end())
            {
                return g.id();
            }
        }
        throw new AssertionError("unit " + unit + " of population " + pop + " is in no group");
    }

    @Test
    void everySynapseIsPresentOnceAndEveryRouteReachesItsTargets()
    {
        final SplittableRandom r = new SplittableRandom(77);
        int dendrites = 0;
        int relays = 0;
        for (int trial = 0; trial < 12; trial++)
        {
            final IntNetwork net = randomNetwork(r);
            final ChipProgram p = Mapper.compile(net, randomChip(r), MapperOptions.DEFAULT).program();
            dendrites += (int)p.groups().stream().filter(NeuronGroup::isDendrite).count();
            relays += (int)p.groups().stream().filter(g -> g.role() == NeuronGroup.Role.RELAY).count();
            check(net, p, "trial " + trial);
        }
        assertTrue(dendrites > 0, "the random chips must force dendrites somewhere");
        assertTrue(relays > 0, "the random chips must force relays somewhere");
    }

    static void check(final IntNetwork net, final ChipProgram p, final String where)
    {
        // Tables stored once, with the projections' mantissas.
        long weighted = 0;
        for (int k = 0; k < net.projectionCount(); k++)
        {
            weighted += net.projection(k).mantissa != null ? 1 : 0;
        }
        assertEquals(weighted, p.tables().size(), where);
        final Map<String, Integer> popId = new HashMap<>();
        for (final ProgramPopulation q : p.populations())
        {
            popId.put(q.name(), q.id());
        }
        // Groups with role NEURONS tile every on-chip population exactly once.
        for (final ProgramPopulation q : p.populations())
        {
            if (!Partitioner.onChip(q))
            {
                continue;
            }
            final int[] covered = new int[q.size()];
            for (final NeuronGroup g : p.groups())
            {
                if (g.population() == q.id() && g.role() == NeuronGroup.Role.NEURONS)
                {
                    for (int u = g.start(); u < g.end(); u++)
                    {
                        covered[u]++;
                    }
                }
            }
            for (int u = 0; u < covered.length; u++)
            {
                assertEquals(1, covered[u], where + ": unit " + u + " of " + q.name());
            }
        }
        // Routes by (source group, target group, edge).
        final Map<List<Integer>, Integer> routes = new HashMap<>();
        final RouteTable rt = p.routes();
        for (int i = 0; i < rt.size(); i++)
        {
            assertTrue(routes.put(List.of(rt.source(i), rt.target(i), rt.edge(i)), rt.entries(i)) == null, where + ": duplicate route");
        }
        final Map<List<Integer>, Set<Integer>> expected = new HashMap<>();
        for (int id = 0; id < net.populationCount(); id++)
        {
            final IntPopulation tp = net.population(id);
            final int target = tp.kind == IntPopulation.Kind.READOUT ? popId.get(tp.name + ".acc") : popId.get(tp.name);
            final List<ProgramEdge> in = p.edges().stream().filter(e -> e.target() == target && e.kind() != ProgramEdge.Kind.HOST_READOUT).toList();
            if (tp.kind == IntPopulation.Kind.MAX_POOL)
            {
                final IntPopulation src = net.population(tp.source);
                expect(p, in.get(0), src.size, s -> {
                    final Set<Integer> t = new HashSet<>();
                    poolFanOut(src, tp, s, t);
                    return t;
                }, popId.get(src.name), target, expected);
                continue;
            }
            assertEquals(tp.inputs.length, in.size(), where + ": edges into " + tp.name);
            for (int k = 0; k < tp.inputs.length; k++)
            {
                final Projection pr = net.projection(tp.inputs[k]);
                final ProgramEdge e = in.get(k);
                assertEquals(tp.inputShifts[k], e.shift(), where + ": shift of " + pr.name);
                if (pr.mantissa != null)
                {
                    final SynapseTable t = p.tables().get(e.table());
                    assertArrayEquals(pr.mantissa, t.mantissa(), where + ": table of " + pr.name);
                }
                if (net.population(pr.sourceA).kind == IntPopulation.Kind.INPUT)
                {
                    continue;
                }
                expect(p, e, net.population(pr.sourceA).size, s -> {
                    final Set<Integer> t = new HashSet<>();
                    fanOut(net, pr, false, s, t);
                    return t;
                }, e.sourceA(), target, expected);
                if (pr.sourceB >= 0)
                {
                    final ProgramEdge eb = new ProgramEdge(e.id(), e.target(), e.kind(), e.table(), e.sourceB(), -1, e.product(), e.shift(), e.delay());
                    expect(p, eb, net.population(pr.sourceB).size, s -> {
                        final Set<Integer> t = new HashSet<>();
                        fanOut(net, pr, true, s, t);
                        return t;
                    }, e.sourceB(), target, expected);
                }
            }
        }
        // Each expected (sender, receiver, edge) is a route with exactly that many entries, and nothing else is.
        int synapseRoutes = 0;
        for (final Map.Entry<List<Integer>, Set<Integer>> x : expected.entrySet())
        {
            assertEquals(x.getValue().size(), routes.getOrDefault(x.getKey(), -1), where + ": route " + x.getKey());
            synapseRoutes++;
        }
        for (int i = 0; i < rt.size(); i++)
        {
            final NeuronGroup src = p.groups().get(rt.source(i));
            final NeuronGroup dst = p.groups().get(rt.target(i));
            if (rt.edge(i) == RouteTable.PARTIAL_SUMS)
            {
                assertTrue(src.isDendrite() && src.parent() == dst.id() && rt.entries(i) == src.size(), where);
            }
            else if (rt.edge(i) == RouteTable.RELAY)
            {
                assertTrue(dst.role() == NeuronGroup.Role.RELAY && dst.parent() == src.id() && rt.entries(i) == src.size(), where);
            }
            else
            {
                assertTrue(expected.containsKey(List.of(rt.source(i), rt.target(i), rt.edge(i))), where + ": route with no synapse " + i);
            }
        }
        assertTrue(synapseRoutes > 0);
    }

    /**
     * Records, for every synapse of edge e from a source unit to a target unit, the sender (the unit's
     * group, or its relay that serves the receiver) and the receiver (the target's group, or the
     * dendrite whose piece holds the source unit).
     */
    private static void expect(final ChipProgram p, final ProgramEdge e, final int sourceSize,
        final java.util.function.IntFunction<Set<Integer>> fan, final int sourcePop, final int targetPop,
        final Map<List<Integer>, Set<Integer>> expected)
    {
        final List<NeuronGroup> groups = p.groups();
        for (int s = 0; s < sourceSize; s++)
        {
            final int sender = groupOf(groups, sourcePop, s);
            final Set<Integer> receivers = new HashSet<>();
            for (final int t : fan.apply(s))
            {
                final int soma = groupOf(groups, targetPop, t);
                int receiver = soma;
                int holders = 0;
                for (final NeuronGroup d : groups)
                {
                    if (d.isDendrite() && d.parent() == soma)
                    {
                        for (int q = 0; q < d.pieces().length; q += 3)
                        {
                            if (d.pieces()[q] == e.id() && s >= d.pieces()[q + 1] && s < d.pieces()[q + 2])
                            {
                                receiver = d.id();
                                holders++;
                            }
                        }
                    }
                }
                final boolean split = groups.stream().anyMatch(d -> d.isDendrite() && d.parent() == soma);
                assertEquals(split ? 1 : 0, holders, "source " + s + " of edge " + e.id() + " must sit in exactly one dendrite piece");
                receivers.add(receiver);
            }
            for (final int receiver : receivers)
            {
                int from = sender;
                final RouteTable rt = p.routes();
                for (int i = 0; i < rt.size(); i++)
                {
                    if (rt.edge(i) == e.id() && rt.target(i) == receiver && groups.get(rt.source(i)).role() == NeuronGroup.Role.RELAY
                        && groups.get(rt.source(i)).parent() == sender)
                    {
                        from = rt.source(i);
                    }
                }
                expected.computeIfAbsent(List.of(from, receiver, e.id()), k -> new HashSet<>()).add(s);
            }
        }
    }

    @Test
    void theSameInputsGiveByteIdenticalPrograms()
    {
        final SplittableRandom r = new SplittableRandom(5);
        final IntNetwork net = randomNetwork(r);
        final ChipSpec chip = randomChip(r);
        final byte[] a = CsdxFormat.write(Mapper.compile(net, chip, MapperOptions.DEFAULT).program());
        final byte[] b = CsdxFormat.write(Mapper.compile(net, chip, MapperOptions.DEFAULT).program());
        assertArrayEquals(a, b);
    }

    @Test
    void refinementNeverRaisesTheTrafficCost()
    {
        final SplittableRandom r = new SplittableRandom(9);
        for (int trial = 0; trial < 4; trial++)
        {
            final CompileReport rep = Mapper.compile(randomNetwork(r), randomChip(r), MapperOptions.DEFAULT).report();
            assertTrue(rep.entryHopsAfter() <= rep.entryHopsBefore(), rep.toString());
        }
    }
}
