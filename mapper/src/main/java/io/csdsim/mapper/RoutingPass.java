package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.spec.ChipSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Routing: the routes of every on-chip edge, each range's fan-in (or each dendrite's piece of it)
 * from the source ranges it overlaps, in two passes — count them, then fill exact columns — sending
 * through relay groups where a sender's entries exceed its core's routing entries; dendrites send
 * their partial sums to their soma. Each core limit's use is known once the relays are counted.
 */
final class RoutingPass implements MapperPass
{
    @Override
    public void run(final Compilation c)
    {
        final ChipSpec spec = c.spec;
        final ProgramTranslation tr = c.translation;
        final Partitioner part = c.partitioner;
        final List<NeuronGroup> groups = c.groups;
        final List<CoreUse> uses = c.uses;
        // Routes, in two passes: count them (and each sender's entries), then fill exact columns,
        // sending through relays where a sender's entries exceed its core's routing entries.
        final RouteSet counted = new RouteSet(groups.size());
        emitRoutes(tr, part, c.somaOf, c.dendritesOf, counted);
        final int dendrites = (int)groups.stream().filter(NeuronGroup::isDendrite).count();
        final long max = spec.maxOutputRoutes();
        long relayBound = 0;
        for (final long t : counted.totals)
        {
            // First fit of items no larger than a bin uses at most twice the bins the total needs.
            relayBound += t > max ? 2 * ((t + max - 1) / max) : 0;
        }
        final long capacity = counted.n + dendrites + relayBound * 2;
        if (capacity > Integer.MAX_VALUE - 8)
        {
            throw new ChipInputException(spec.name(), "routes", capacity + " routes exceed what one program holds");
        }
        final int originalGroups = c.groupsBeforeRelays;
        final RouteSet routes = new RouteSet(counted, (int)capacity, max, sender -> {
            final NeuronGroup src = groups.get(sender);
            final int id = groups.size();
            groups.add(new NeuronGroup(id, src.population(), src.start(), src.end(), -1, NeuronGroup.Role.RELAY, sender, new int[0]));
            uses.add(null);
            return id;
        });
        emitRoutes(tr, part, c.somaOf, c.dendritesOf, routes);
        for (int g = 0; g < originalGroups; g++)
        {
            final NeuronGroup d = groups.get(g);
            if (d.isDendrite())
            {
                routes.addDirect(RouteTable.PARTIAL_SUMS, d.id(), d.parent(), d.size());
            }
        }
        for (int g = 0; g < originalGroups; g++)
        {
            final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList mine = routes.relaysOf.get(g);
            if (mine == null)
            {
                continue;
            }
            final NeuronGroup src = groups.get(g);
            final long sent = (long)src.size() * mine.size();
            if (sent > max)
            {
                throw new ChipInputException(spec.name(), "layer '" + tr.populations.get(src.population()).name() + "'", "a range of "
                    + src.size() + " neurons needs " + mine.size() + " relays, " + sent + " routing entries (the core takes " + max + ")");
            }
            final CoreUse u = uses.get(g);
            uses.set(g, new CoreUse(u.neurons(), u.axons(), sent, u.synapseBits(), u.tdec()));
            for (int k = 0; k < mine.size(); k++)
            {
                final int relay = mine.get(k);
                routes.addDirect(RouteTable.RELAY, g, relay, src.size());
                uses.set(relay, new CoreUse(0, src.size(), routes.fillOf(relay), 0, 0));
            }
        }
        c.routes = routes;
        c.routeTable = new RouteTable(routes.n, routes.src, routes.dst, routes.edge, routes.entries);
        long entries = 0;
        for (int r = 0; r < c.routeTable.size(); r++)
        {
            entries += c.routeTable.entries(r);
        }
        final List<CompileReport.Limit> limits = new ArrayList<>();
        limits.add(limit("neurons", spec.maxNeurons(), uses, CoreUse::neurons));
        limits.add(limit("input axons", spec.maxInputAxons(), uses, CoreUse::axons));
        limits.add(limit("output routing entries", spec.maxOutputRoutes(), uses, CoreUse::routes));
        limits.add(limit("synapse memory (bits)", spec.synapseMemoryBits(), uses, CoreUse::synapseBits));
        limits.add(limit("TDEC units", spec.tdecUnits(), uses, CoreUse::tdec));
        long bits = 0;
        for (final CoreUse u : uses)
        {
            bits += u.synapseBits();
        }
        c.routingSection = new CompileReport.RoutingSection(c.routeTable.size(), entries, groups.size() - originalGroups, limits, bits);
    }

    /** Routes of every on-chip edge: each range's fan-in (or each dendrite's pieces of it) from the source ranges it overlaps. */
    private static void emitRoutes(final ProgramTranslation tr, final Partitioner part, final int[][] somaOf, final int[][][] dendritesOf,
        final RouteSet routes)
    {
        final Intervals fanA = new Intervals();
        final Intervals fanB = new Intervals();
        for (final ProgramEdge e : tr.edges)
        {
            final ProgramPopulation target = tr.populations.get(e.target());
            if (part.groupSize[target.id()] == 0 || !part.onChipEdge(e))
            {
                continue;
            }
            final List<ChunkPlan> plans = part.plans.get(target.id());
            for (int k = 0; k < plans.size(); k++)
            {
                final ChunkPlan c = plans.get(k);
                fanA.clear();
                fanB.clear();
                EdgeGeometry.fanIn(e, target, tr.populations.get(e.sourceA()), part.table(e), c.a(), c.b(), fanA, fanB);
                fanA.seal();
                if (c.dendritePieces().isEmpty())
                {
                    routes.add(e.id(), fanA, part.groupSize[e.sourceA()], somaOf[e.sourceA()], somaOf[target.id()][k]);
                    if (e.sourceB() >= 0)
                    {
                        routes.add(e.id(), fanB.seal(), part.groupSize[e.sourceB()], somaOf[e.sourceB()], somaOf[target.id()][k]);
                    }
                    continue;
                }
                for (int d = 0; d < c.dendritePieces().size(); d++)
                {
                    final int[] pieces = c.dendritePieces().get(d);
                    for (int q = 0; q < pieces.length; q += 3)
                    {
                        if (pieces[q] == e.id())
                        {
                            routes.add(e.id(), fanA.within(pieces[q + 1], pieces[q + 2]), part.groupSize[e.sourceA()], somaOf[e.sourceA()],
                                dendritesOf[target.id()][k][d]);
                        }
                    }
                }
            }
        }
    }

    private static CompileReport.Limit limit(final String name, final long capacity, final List<CoreUse> uses,
        final java.util.function.ToLongFunction<CoreUse> f)
    {
        long min = Long.MAX_VALUE;
        long max = 0;
        double sum = 0;
        for (final CoreUse u : uses)
        {
            final long v = f.applyAsLong(u);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return new CompileReport.Limit(name, capacity, uses.isEmpty() ? 0 : min, uses.isEmpty() ? 0 : sum / uses.size(), max);
    }
}
