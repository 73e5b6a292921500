package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * Placement: the chips the groups need, then every group on a core of the mesh to cut spike traffic
 * × hops — a start order along the snake (layers or interleaved; auto takes the cheaper), refined by
 * swaps — or on the cores the file gives, each core's limits holding for the groups it shares. The
 * program is assembled here, its groups on their cores.
 */
final class PlacementPass implements MapperPass
{
    @Override
    public void run(final Compilation c)
    {
        final GivenPlacement given = c.options.given();
        final IntNetwork net = c.net;
        final ChipSpec spec = c.spec;
        final MapperOptions options = c.options;
        final int[][] givenCores = c.givenCores;
        final ProgramTranslation tr = c.translation;
        final List<CoreUse> uses = c.uses;
        final int originalGroups = c.groupsBeforeRelays;
        final int groups = c.groups.size();
        final int cpc = spec.coresPerChip();
        int[] pinned = null;
        int highestCore = -1;
        if (given != null)
        {
            if (groups != originalGroups)
            {
                throw new ChipInputException(given.source(), "mappings", "the given mapping needs relays (a range's routing entries exceed "
                    + spec.maxOutputRoutes() + "); --remap lets csdsim's mapper place the network");
            }
            pinned = new int[groups];
            for (final NeuronGroup g : c.groups)
            {
                pinned[g.id()] = givenCores[g.population()][g.start()];
                highestCore = Math.max(highestCore, pinned[g.id()]);
            }
            checkSharedCores(given.source(), spec, c.groups, uses, pinned, tr);
        }
        final int needed = given != null ? highestCore / cpc + 1 : (groups + cpc - 1) / cpc;
        if (options.chips() > 0 && options.chips() < needed)
        {
            throw new ChipInputException("--chips", "", "the model needs " + groups + " cores, " + needed + " chips of " + cpc
                + "; --chips " + options.chips() + " gives " + options.chips() * cpc + " cores");
        }
        final int chips = options.chips() > 0 ? options.chips() : Math.max(1, needed);
        if ((long)chips * cpc > ChipProgram.MAX_BOARD_CORES)
        {
            throw new ChipInputException("--chips", "", String.format(java.util.Locale.ROOT,
                "%,d chips of %,d cores = %,d cores on the board; at most %,d fit (docs/reliability.md)", chips, cpc, (long)chips * cpc,
                ChipProgram.MAX_BOARD_CORES));
        }
        final RouteTable table = c.routeTable;
        final RouteSet routes = c.routes;
        MapperOptions.Start chosen = options.start();
        Placement place = null;
        long before = Long.MAX_VALUE;
        if (pinned != null)
        {
            place = new Placement(spec, chips, new int[groups], pinned);
            before = entryHops(place, table);
        }
        for (final MapperOptions.Start s : MapperOptions.Start.values())
        {
            if (pinned == null && s != MapperOptions.Start.AUTO && (options.start() == s || options.start() == MapperOptions.Start.AUTO))
            {
                // Auto compares the starts by the traffic cost refinement then lowers; a tie keeps the earlier one.
                final Placement p = new Placement(spec, chips, order(startOrder(c.groups, originalGroups, tr, s), routes, c.groups.size()));
                final long cost = entryHops(p, table);
                if (cost < before)
                {
                    place = p;
                    before = cost;
                    chosen = s;
                }
            }
        }
        if (pinned == null)
        {
            place.refine(table, options.refinementPasses());
        }
        final long after = entryHops(place, table);

        final List<NeuronGroup> groupList = new ArrayList<>();
        for (final NeuronGroup g : c.groups)
        {
            groupList.add(g.onCore(place.core(g.id())));
        }
        long crossings = 0;
        for (int r = 0; r < table.size(); r++)
        {
            crossings += (long)table.entries(r) * place.crossings(place.core(table.source(r)), place.core(table.target(r)));
        }
        c.program = new ChipProgram(net.name, net.timeWindow, net.delay, spec, chips, c.schedule.outputReadyTick(),
            net.timeWindow + net.delay, tr.tables, tr.populations, tr.edges, groupList, table);
        final String start = given != null ? "as given by " + given.source()
            : chosen.name().toLowerCase(java.util.Locale.ROOT) + (options.start() == MapperOptions.Start.AUTO ? " (auto)" : "");
        c.placementSection = new CompileReport.PlacementSection(chips, cpc, groups, start, options.refinementPasses(), before, after, crossings);
    }

    /** The order groups take cores along the placement's snake ({@link MapperOptions.Start}); relays follow their sender. */
    /** Every group in the order it takes cores: the sending groups in {@code start}'s order, each followed by its relays. */
    private static int[] order(final int[] start, final RouteSet routes, final int groups)
    {
        final int[] order = new int[groups];
        int at = 0;
        for (final int g : start)
        {
            order[at++] = g;
            final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList mine = routes.relaysOf.get(g);
            for (int k = 0; mine != null && k < mine.size(); k++)
            {
                order[at++] = mine.get(k);
            }
        }
        if (at != groups)
        {
            throw new IllegalStateException("placement order holds " + at + " of " + groups + " groups");
        }
        return order;
    }

    private static int[] startOrder(final List<NeuronGroup> groups, final int n, final ProgramTranslation tr, final MapperOptions.Start start)
    {
        final boolean interleaved = start == MapperOptions.Start.INTERLEAVED;
        final Integer[] order = new Integer[n];
        for (int g = 0; g < n; g++)
        {
            order[g] = g;
        }
        if (interleaved)
        {
            final double[] key = new double[n];
            for (int g = 0; g < n; g++)
            {
                final NeuronGroup grp = groups.get(g);
                key[g] = (grp.start() + grp.end()) / 2.0 / tr.populations.get(grp.population()).size();
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
        }
        final int[] out = new int[n];
        for (int g = 0; g < n; g++)
        {
            out[g] = order[g];
        }
        return out;
    }

    /** Several groups on one core: the core's limits hold for their sum. */
    private static void checkSharedCores(final String source, final ChipSpec spec, final List<NeuronGroup> groups, final List<CoreUse> uses,
        final int[] pinned, final ProgramTranslation tr)
    {
        final java.util.Map<Integer, long[]> byCore = new java.util.TreeMap<>();
        for (final NeuronGroup g : groups)
        {
            final CoreUse u = uses.get(g.id());
            final long[] sum = byCore.computeIfAbsent(pinned[g.id()], k -> new long[5]);
            sum[0] += u.neurons();
            sum[1] += u.axons();
            sum[2] += u.routes();
            sum[3] += u.synapseBits();
            sum[4] += u.tdec();
        }
        final String[] names = {"neurons", "input axons", "output routing entries", "bits of synapse memory", "TDEC units"};
        final long[] caps = {spec.maxNeurons(), spec.maxInputAxons(), spec.maxOutputRoutes(), spec.synapseMemoryBits(), spec.tdecUnits()};
        for (final java.util.Map.Entry<Integer, long[]> e : byCore.entrySet())
        {
            for (int k = 0; k < caps.length; k++)
            {
                if (e.getValue()[k] > caps[k])
                {
                    throw new ChipInputException(source, "core " + e.getKey(), "the mapping puts " + e.getValue()[k] + " " + names[k]
                        + " on it; the chip's cores hold " + caps[k] + " (--remap lets csdsim's mapper place the network)");
                }
            }
        }
    }

    private static long entryHops(final Placement place, final RouteTable t)
    {
        long s = 0;
        for (int r = 0; r < t.size(); r++)
        {
            s += (long)t.entries(r) * place.hops(place.core(t.source(r)), place.core(t.target(r)));
        }
        return s;
    }
}
