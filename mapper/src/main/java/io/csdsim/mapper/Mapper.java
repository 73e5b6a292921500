package io.csdsim.mapper;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.NetworkCheck;
import io.csdsim.models.reference.Schedule;

import java.util.ArrayList;
import java.util.List;

/** Compiles an integer network for a chip: translation, partitioning, placement, routes, schedule. */
public final class Mapper
{
    /** The program and what it took. */
    /**
     * The program, what it took, and the schedule the mapping gives the network (per-edge delays and
     * firing windows), under which FunctionalSpiking must equal the chip (DESIGN §4, invariant 2), and
     * whether the residual mapping was a choice: false when the network has no residual stream of two or
     * more writers to map either way.
     */
    public record Result(ChipProgram program, CompileReport report, Schedule schedule, boolean residualStream)
    {
    }

    private Mapper()
    {
    }

    public static Result compile(final IntNetwork net, final ChipSpec spec, final MapperOptions options)
    {
        NetworkCheck.check(net);
        if (net.weightBits > spec.weightBits())
        {
            throw new ChipInputException(spec.name(), "core.weightBits", "the network has " + net.weightBits + "-bit weights and the chip takes "
                + spec.weightBits() + "; quantize with --weight-bits " + spec.weightBits());
        }
        if (net.membraneBits > spec.membraneBits())
        {
            throw new ChipInputException(spec.name(), "core.membraneBits", "the network needs " + net.membraneBits
                + "-bit membranes and the chip has " + spec.membraneBits() + "; quantize with --membrane-bits " + spec.membraneBits());
        }
        final ResidualChoice residual = residual(net, spec, options);
        final Schedule schedule = residual.mapping.schedule;
        final ProgramTranslation tr = residual.mapping.translation;
        for (final ProgramEdge e : tr.edges)
        {
            if (e.delay() > spec.maxAxonDelay())
            {
                throw new ChipInputException(spec.name(), "core.maxAxonDelay", "edge into '" + tr.populations.get(e.target()).name()
                    + "' needs a delay of " + e.delay() + " ticks; the chip's axons delay at most " + spec.maxAxonDelay());
            }
        }
        final Partitioner part = residual.mapping.partitioner;
        final GivenPlacement given = options.given();
        final int[][] givenCores = given == null ? null : givenCores(given, net, tr, spec);
        if (given == null)
        {
            // Auto has partitioned both mappings already to compare them: the chosen one is not partitioned again.
            if (!residual.mapping.partitioned)
            {
                part.run();
            }
        }
        else
        {
            part.runGiven(givenCores, given.source());
        }

        // Groups in topological order: each range's soma, then its dendrites.
        final List<NeuronGroup> protoGroups = new ArrayList<>();
        final List<CoreUse> uses = new ArrayList<>();
        final int[][] somaOf = new int[tr.populations.size()][];
        final int[][][] dendritesOf = new int[tr.populations.size()][][];
        for (final ProgramPopulation p : tr.populations)
        {
            final List<ChunkPlan> plans = part.plans.get(p.id());
            somaOf[p.id()] = new int[plans.size()];
            dendritesOf[p.id()] = new int[plans.size()][];
            for (int k = 0; k < plans.size(); k++)
            {
                final ChunkPlan c = plans.get(k);
                final int soma = protoGroups.size();
                somaOf[p.id()][k] = soma;
                protoGroups.add(new NeuronGroup(soma, p.id(), c.a(), c.b(), -1));
                uses.add(c.soma());
                dendritesOf[p.id()][k] = new int[c.dendritePieces().size()];
                for (int d = 0; d < c.dendritePieces().size(); d++)
                {
                    dendritesOf[p.id()][k][d] = protoGroups.size();
                        protoGroups.add(new NeuronGroup(protoGroups.size(), p.id(), c.a(), c.b(), -1, NeuronGroup.Role.DENDRITE, soma,
                        c.dendritePieces().get(d)));
                    uses.add(c.dendriteUse().get(d));
                }
            }
        }
        // Routes, in two passes: count them (and each sender's entries), then fill exact columns,
        // sending through relays where a sender's entries exceed its core's routing entries.
        final RouteSet counted = new RouteSet(protoGroups.size());
        emitRoutes(tr, part, somaOf, dendritesOf, counted);
        final int dendrites = (int)protoGroups.stream().filter(NeuronGroup::isDendrite).count();
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
        final int originalGroups = protoGroups.size();
        final RouteSet routes = new RouteSet(counted, (int)capacity, max, sender -> {
            final NeuronGroup src = protoGroups.get(sender);
            final int id = protoGroups.size();
            protoGroups.add(new NeuronGroup(id, src.population(), src.start(), src.end(), -1, NeuronGroup.Role.RELAY, sender, new int[0]));
            uses.add(null);
            return id;
        });
        emitRoutes(tr, part, somaOf, dendritesOf, routes);
        for (int g = 0; g < originalGroups; g++)
        {
            final NeuronGroup d = protoGroups.get(g);
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
            final NeuronGroup src = protoGroups.get(g);
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
        final int groups = protoGroups.size();
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
            for (final NeuronGroup g : protoGroups)
            {
                pinned[g.id()] = givenCores[g.population()][g.start()];
                highestCore = Math.max(highestCore, pinned[g.id()]);
            }
            checkSharedCores(given.source(), spec, protoGroups, uses, pinned, tr);
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
        final RouteTable table = new RouteTable(routes.n, routes.src, routes.dst, routes.edge, routes.entries);
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
                final Placement p = new Placement(spec, chips, order(startOrder(protoGroups, originalGroups, tr, s), routes, protoGroups.size()));
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
        for (final NeuronGroup g : protoGroups)
        {
            groupList.add(g.onCore(place.core(g.id())));
        }
        long crossings = 0;
        long totalEntries = 0;
        for (int r = 0; r < table.size(); r++)
        {
            crossings += (long)table.entries(r) * place.crossings(place.core(table.source(r)), place.core(table.target(r)));
            totalEntries += table.entries(r);
        }
        final ChipProgram program = new ChipProgram(net.name, net.timeWindow, net.delay, spec, chips, schedule.outputReadyTick(),
            net.timeWindow + net.delay, tr.tables, tr.populations, tr.edges, groupList, table);
        return new Result(program, report(net, spec, tr, part, uses, chips, groups, totalEntries, before, after, crossings, schedule, options, chosen,
            residual.description), schedule, residual.streamFound);
    }

    /** @return the given cores per program population, each checked to lie on the chips the mapping may use. */
    private static int[][] givenCores(final GivenPlacement given, final IntNetwork net, final ProgramTranslation tr, final ChipSpec spec)
    {
        final int[][] out = new int[tr.populations.size()][];
        for (int id = 0; id < net.populationCount(); id++)
        {
            final int[] cores = given.coreOfUnit()[id];
            final ProgramPopulation p = tr.populations.get(tr.programOf[id]);
            if (!Partitioner.onChip(p))
            {
                continue;
            }
            if (cores == null || cores.length != p.size())
            {
                throw new ChipInputException(given.source(), "population '" + p.name() + "'", "the mapping gives " + (cores == null ? 0 : cores.length)
                    + " cores for its " + p.size() + " units");
            }
            for (final int c : cores)
            {
                if (c < 0 || (long)c >= ChipProgram.MAX_BOARD_CORES)
                {
                    throw new ChipInputException(given.source(), "population '" + p.name() + "'", "core " + c + " is not on a board");
                }
            }
            out[tr.programOf[id]] = cores;
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

    /**
     * One way of mapping the residual streams, translated: its streams, the schedule their path delays
     * give, the program's populations and edges, and their partitioner — already run when auto
     * partitioned it to compare.
     */
    private static final class Mapping
    {
        final Schedule schedule;
        final ProgramTranslation translation;
        final Partitioner partitioner;
        boolean partitioned;

        Mapping(final IntNetwork net, final ChipSpec spec, final ResidualStreams streams)
        {
            schedule = Schedule.withDelays(net, streams.delays);
            translation = new ProgramTranslation(net, schedule, streams, spec.gradedSpikeBits());
            partitioner = new Partitioner(spec, net.timeWindow, translation.populations, translation.edges, translation.tables);
        }

        /** @return the cores the partition takes before routing (relays not counted): what auto compares. */
        long partitionedCores()
        {
            partitioner.run();
            partitioned = true;
            long cores = 0;
            for (final List<ChunkPlan> plans : partitioner.plans)
            {
                for (final ChunkPlan c : plans)
                {
                    cores += c.groups();
                }
            }
            return cores;
        }
    }

    /** The residual mapping chosen, why (in words for the compile report), and whether there was a stream to map. */
    private record ResidualChoice(Mapping mapping, String description, boolean streamFound)
    {
    }

    /**
     * Fan-in, accumulate, or (auto) accumulate where the chip has graded spikes and the partition of the
     * accumulate mapping takes fewer cores than fan-in's — or where only one of the two partitions fits
     * the chip, that one (when neither does, fan-in's reason is the error). A chip without graded
     * spikes refuses accumulate.
     */
    private static ResidualChoice residual(final IntNetwork net, final ChipSpec spec, final MapperOptions options)
    {
        final MapperOptions.Residual want = options.residual() == null ? MapperOptions.Residual.AUTO : options.residual();
        if (want == MapperOptions.Residual.FAN_IN)
        {
            return new ResidualChoice(new Mapping(net, spec, ResidualStreams.fanIn(net)), "fan-in", true);
        }
        if (spec.gradedSpikeBits() == 0)
        {
            if (want == MapperOptions.Residual.ACCUMULATE)
            {
                throw new ChipInputException(spec.name(), "core.gradedSpikes", "0: the chip's spikes carry no payload, so --residual "
                    + "accumulate cannot forward a residual stream's sums; use --residual fan-in, or a chip with graded spikes (loihi2, or "
                    + "--set core.gradedSpikes=24)");
            }
            return new ResidualChoice(new Mapping(net, spec, ResidualStreams.fanIn(net)), "fan-in (auto: the chip has no graded spikes)", true);
        }
        final ResidualStreams acc = ResidualStreams.accumulate(net);
        if (!acc.any())
        {
            return new ResidualChoice(new Mapping(net, spec, ResidualStreams.fanIn(net)), "fan-in (" + want.label
                + ": no residual stream of two or more writers)", false);
        }
        final Mapping accumulate = new Mapping(net, spec, acc);
        if (want == MapperOptions.Residual.ACCUMULATE || options.given() != null)
        {
            return new ResidualChoice(accumulate, "accumulate (" + acc.accumulators.size() + " accumulators)", true);
        }
        final Mapping fan = new Mapping(net, spec, ResidualStreams.fanIn(net));
        // A mapping that does not fit the chip is not a choice: auto takes the other, saying why.
        final long accCores;
        try
        {
            accCores = accumulate.partitionedCores();
        }
        catch (final ChipInputException accumulateDoesNotFit)
        {
            fan.partitionedCores();
            return new ResidualChoice(fan, "fan-in (auto: accumulate does not fit: " + accumulateDoesNotFit.getMessage() + ")", true);
        }
        final long fanCores;
        try
        {
            fanCores = fan.partitionedCores();
        }
        catch (final ChipInputException fanInDoesNotFit)
        {
            return new ResidualChoice(accumulate, "accumulate (auto: fan-in does not fit: " + fanInDoesNotFit.getMessage() + "; "
                + acc.accumulators.size() + " accumulators)", true);
        }
        final String both = String.format(java.util.Locale.ROOT, "%,d cores against %,d", Math.min(accCores, fanCores), Math.max(accCores, fanCores));
        return accCores < fanCores
            ? new ResidualChoice(accumulate, "accumulate (auto: " + both + " for fan-in; " + acc.accumulators.size() + " accumulators)", true)
            : new ResidualChoice(fan, "fan-in (auto: " + both + " for accumulate)", true);
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

    private static CompileReport report(final IntNetwork net, final ChipSpec spec, final ProgramTranslation tr, final Partitioner part,
        final List<CoreUse> uses, final int chips, final int groups, final long totalEntries, final long before, final long after,
        final long crossings, final Schedule schedule, final MapperOptions options, final MapperOptions.Start chosen, final String residual)
    {
        final List<CompileReport.Layer> layers = new ArrayList<>();
        for (final ProgramPopulation p : tr.populations)
        {
            final int g = part.groupSize[p.id()];
            if (g > 0)
            {
                int cores = 0;
                for (final ChunkPlan c : part.plans.get(p.id()))
                {
                    cores += c.groups();
                }
                layers.add(new CompileReport.Layer(p.name(), p.kind().name(), p.size(), cores, g));
            }
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
        return new CompileReport(net.name, spec.name(), chips, spec.coresPerChip(), groups, layers, limits, bits, totalEntries, before,
            after, crossings, schedule.outputReadyTick(), net.timeWindow + net.delay, net.timeWindow, net.delay,
            options.given() != null ? "as given by " + options.given().source()
                : chosen.name().toLowerCase(java.util.Locale.ROOT) + (options.start() == MapperOptions.Start.AUTO ? " (auto)" : ""),
            options.refinementPasses(), residual);
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
