package io.csdsim.mapper;

import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits every population the chip hosts into equal contiguous ranges, each within every core
 * limit: neurons, TDEC units, input axons, synapse memory (shared or replicated tables, crossbars,
 * or count registers for TDEC units) and output routing entries. A range whose table fan-in no core
 * can take gets dendrite groups that take pieces of it and send partial currents to its soma.
 * Consumers are split before their sources, so a source knows how many destination cores each of
 * its units has.
 */
final class Partitioner
{
    private final ChipSpec spec;
    private final List<ProgramPopulation> pops;
    private final List<SynapseTable> tables;
    private final List<List<ProgramEdge>> incoming = new ArrayList<>();
    /** Per population: destination cores of each unit, as a difference array. */
    private final int[][] coverDiff;
    private final int countBits;
    /** Range size chosen per population (0 for the host's populations). */
    final int[] groupSize;
    /** Per population: the plan of each range. */
    final List<List<ChunkPlan>> plans = new ArrayList<>();

    Partitioner(final ChipSpec spec, final int timeWindow, final List<ProgramPopulation> pops, final List<ProgramEdge> edges,
        final List<SynapseTable> tables)
    {
        this.spec = spec;
        this.pops = pops;
        this.tables = tables;
        for (int i = 0; i < pops.size(); i++)
        {
            incoming.add(new ArrayList<>());
            plans.add(new ArrayList<>());
        }
        for (final ProgramEdge e : edges)
        {
            incoming.get(e.target()).add(e);
        }
        coverDiff = new int[pops.size()][];
        groupSize = new int[pops.size()];
        countBits = 32 - Integer.numberOfLeadingZeros(timeWindow);
    }

    static boolean onChip(final ProgramPopulation p)
    {
        return p.kind().isNeurons() || p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL || p.kind() == ProgramPopulation.Kind.ACCUMULATOR;
    }

    private boolean usesTdec(final ProgramPopulation p)
    {
        if (p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL)
        {
            return true;
        }
        for (final ProgramEdge e : incoming.get(p.id()))
        {
            if (e.kind() == ProgramEdge.Kind.TDEC_PRODUCT)
            {
                return true;
            }
        }
        return false;
    }

    /** On-chip edges: the input stage's current is injected by the host and takes no axon. */
    boolean onChipEdge(final ProgramEdge e)
    {
        return e.kind() != ProgramEdge.Kind.HOST_READOUT && pops.get(e.sourceA()).kind() != ProgramPopulation.Kind.INPUT;
    }

    List<ProgramEdge> incoming(final int population)
    {
        return incoming.get(population);
    }

    void run()
    {
        checkTdec();
        for (int id = pops.size() - 1; id >= 0; id--)
        {
            final ProgramPopulation p = pops.get(id);
            if (onChip(p))
            {
                partition(p);
            }
        }
    }

    /**
     * Takes the cores given per unit (per program population): each maximal run of units on one core
     * is one range, which must fit a core without dendrites or relays.
     */
    void runGiven(final int[][] coreOfUnit, final String source)
    {
        checkTdec();
        for (int id = pops.size() - 1; id >= 0; id--)
        {
            final ProgramPopulation p = pops.get(id);
            if (!onChip(p))
            {
                continue;
            }
            final int[] cores = coreOfUnit[id];
            final long[] routes = routePrefix(p);
            checkCrossbar(p);
            final String[] why = new String[1];
            int largest = 0;
            for (int a = 0, b; a < p.size(); a = b)
            {
                b = a + 1;
                while (b < p.size() && cores[b] == cores[a])
                {
                    b++;
                }
                final boolean relays = routes[b] - routes[a] > spec.maxOutputRoutes();
                final ChunkPlan plan = relays ? null : plan(p, a, b, routes, why, false);
                if (plan == null)
                {
                    throw new ChipInputException(source, "'" + p.name() + "' " + a + ".." + (b - 1) + " on core " + cores[a], "the range "
                        + (relays ? "needs " + (routes[b] - routes[a]) + " output routing entries (the core takes " + spec.maxOutputRoutes() + ")"
                        : why[0]) + "; --remap lets csdsim's mapper split and place the network");
                }
                plans.get(p.id()).add(plan);
                largest = Math.max(largest, b - a);
            }
            groupSize[p.id()] = largest;
            coverSources(p);
        }
    }

    private void checkTdec()
    {
        if (spec.tdecUnits() == 0)
        {
            final List<String> need = new ArrayList<>();
            for (final ProgramPopulation p : pops)
            {
                if (onChip(p) && usesTdec(p))
                {
                    need.add(p.name() + (p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL ? " (max-pool)" : " (TDEC product)"));
                }
            }
            if (!need.isEmpty())
            {
                throw new ChipInputException(spec.name(), "layer '" + need.get(0).substring(0, need.get(0).indexOf(' ')) + "'",
                    need.size() + " layers need TDEC units and the chip has none: " + String.join(", ", need)
                    + "; enable them, e.g. --set core.tdecUnits=1024");
            }
        }
    }

    private long[] routePrefix(final ProgramPopulation p)
    {
        final long[] prefix = new long[p.size() + 1];
        final int[] diff = coverDiff[p.id()];
        long run = 0;
        long max = 0;
        for (int i = 0; i < p.size(); i++)
        {
            if (diff != null)
            {
                run += diff[i];
            }
            prefix[i + 1] = prefix[i] + run;
            max = Math.max(max, run);
        }
        final int perNeuron = spec.getInt(ChipField.CORE_MAX_ROUTES_PER_NEURON);
        if (perNeuron > 0 && max > perNeuron)
        {
            throw new ChipInputException(spec.name(), "layer '" + p.name() + "'", "a neuron sends to " + max + " cores; the chip allows "
                + perNeuron + " routing entr" + (perNeuron == 1 ? "y" : "ies") + " per neuron (fan-out would need splitter neurons, which csdsim does not insert)");
        }
        return prefix;
    }

    private void partition(final ProgramPopulation p)
    {
        final long[] routes = routePrefix(p);
        final boolean tdec = usesTdec(p);
        if (tdec && spec.tdecUnits() == 0)
        {
            throw new ChipInputException(spec.name(), "layer '" + p.name() + "'", (p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL
                ? "a max-pool" : "a TDEC product") + " needs TDEC units and the chip has none; enable them, e.g. --set core.tdecUnits=1024");
        }
        checkCrossbar(p);
        int hi = p.size();
        if (p.kind() != ProgramPopulation.Kind.TDEC_MAXPOOL)
        {
            hi = Math.min(hi, spec.maxNeurons());
        }
        if (tdec)
        {
            hi = Math.min(hi, spec.tdecUnits());
        }
        final String[] why = new String[1];
        final int[] candidates = candidates(p, hi);
        int lo = 0;
        if (feasible(p, 1, routes, null, why, false))
        {
            // Fit without dendrites: the largest feasible range (binary search), or a larger one aligned
            // to the channels (feasibility is not monotone across pixel boundaries).
            lo = 1;
            int top = hi;
            while (lo < top)
            {
                final int mid = lo + (top - lo + 1) / 2;
                if (feasible(p, mid, routes, null, why, false))
                {
                    lo = mid;
                }
                else
                {
                    top = mid - 1;
                }
            }
            for (final int g : candidates)
            {
                if (g > lo && feasible(p, g, routes, null, why, false))
                {
                    lo = g;
                }
            }
        }
        else
        {
            // Dendrites needed: try aligned sizes and powers of two; keep the one that takes the fewest cores.
            long bestCores = Long.MAX_VALUE;
            final String firstWhy = why[0];
            for (final int g : candidates)
            {
                final List<ChunkPlan> trial = new ArrayList<>();
                if (feasible(p, g, routes, trial, why, true))
                {
                    long cores = 0;
                    for (final ChunkPlan c : trial)
                    {
                        cores += c.groups();
                    }
                    if (cores < bestCores || cores == bestCores && g > lo)
                    {
                        bestCores = cores;
                        lo = g;
                    }
                }
            }
            if (lo == 0)
            {
                throw new ChipInputException(spec.name(), "layer '" + p.name() + "'", "one neuron alone " + firstWhy
                    + ", and splitting its fan-in over dendrite cores does not fit either (" + why[0] + "); no core of this chip can host it");
            }
        }
        groupSize[p.id()] = lo;
        feasible(p, lo, routes, plans.get(p.id()), why, true);
        coverSources(p);
    }

    /**
     * Tells p's sources how many destination cores each of their units now has: one per range of p's
     * plans (a piece of the fan-in goes to exactly one dendrite).
     */
    private void coverSources(final ProgramPopulation p)
    {
        final Intervals fanA = new Intervals();
        final Intervals fanB = new Intervals();
        for (final ProgramEdge e : incoming.get(p.id()))
        {
            if (!onChipEdge(e))
            {
                continue;
            }
            for (final ChunkPlan c : plans.get(p.id()))
            {
                fanA.clear();
                fanB.clear();
                EdgeGeometry.fanIn(e, p, pops.get(e.sourceA()), table(e), c.a(), c.b(), fanA, fanB);
                cover(e.sourceA(), fanA.seal());
                if (e.sourceB() >= 0)
                {
                    cover(e.sourceB(), fanB.seal());
                }
            }
        }
    }

    /** Range sizes worth trying: divisors and multiples of the channel count, and powers of two, up to hi. */
    private static int[] candidates(final ProgramPopulation p, final int hi)
    {
        final java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
        final int c = p.channels();
        for (int d = 1; d <= c && d <= hi; d++)
        {
            if (c % d == 0)
            {
                set.add(d);
            }
        }
        for (long m = c; m <= hi; m += c)
        {
            set.add((int)m);
        }
        for (long g = 1; g <= hi; g *= 2)
        {
            set.add((int)g);
        }
        set.add(hi);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private void cover(final int source, final Intervals fan)
    {
        if (coverDiff[source] == null)
        {
            coverDiff[source] = new int[pops.get(source).size() + 1];
        }
        final int[] d = coverDiff[source];
        for (int i = 0; i < fan.count(); i++)
        {
            d[fan.lo(i)]++;
            d[fan.hi(i)]--;
        }
    }

    SynapseTable table(final ProgramEdge e)
    {
        return e.table() < 0 ? null : tables.get(e.table());
    }

    /** @return whether ranges of g units all fit; adds each range's plan to {@code out} when not null. */
    private boolean feasible(final ProgramPopulation p, final int g, final long[] routes, final List<ChunkPlan> out, final String[] why,
        final boolean allowDendrites)
    {
        for (int a = 0; a < p.size(); a += g)
        {
            final ChunkPlan plan = plan(p, a, Math.min(p.size(), a + g), routes, why, allowDendrites);
            if (plan == null)
            {
                return false;
            }
            if (out != null)
            {
                out.add(plan);
            }
        }
        return true;
    }

    /** The bits the table edge's synapses from {@code from} into [a, b) take on a core. */
    private long tableBits(final SynapseTable t, final int a, final int b, final Intervals from, final java.util.BitSet held)
    {
        final int wb = spec.weightBits();
        final int size = b - a;
        if (spec.flag(ChipField.CORE_CROSSBAR))
        {
            return from.size() * size;
        }
        if (spec.sharedTables() && t.kind() != SynapseTable.Kind.SPARSE)
        {
            // One slice of the table serves every range of the core; a dendrite holds the rows of its pieces.
            if (held != null && held.get(t.id()))
            {
                return 0;
            }
            if (held != null)
            {
                held.set(t.id());
            }
            // Rows of the slice: per tap, the distinct input channels (within their group) the range reads.
            final int rows = switch (t.kind())
            {
                case CONV3X3 -> 9 * EdgeGeometry.distinctModulo(from, t.inFeatures());
                case CONV -> t.conv().kernel() * t.conv().kernel() * EdgeGeometry.distinctModulo(from, t.inFeatures() / t.conv().groups());
                default -> EdgeGeometry.distinctModulo(from, t.inFeatures());
            };
            return (long)rows * EdgeGeometry.distinctOutputs(t, a, b) * wb;
        }
        final int index = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
        final long dense = from.size() * size * wb;
        if (dense <= from.size() * (wb + index))
        {
            return dense;
        }
        return Math.min(dense, EdgeGeometry.synapses(t, a, b, from) * (wb + index));
    }

    private ChunkPlan plan(final ProgramPopulation p, final int a, final int b, final long[] routes, final String[] why,
        final boolean allowDendrites)
    {
        final int size = b - a;
        final boolean tdec = usesTdec(p);
        final boolean neurons = p.kind() != ProgramPopulation.Kind.TDEC_MAXPOOL;
        long r = routes[b] - routes[a];
        if (r > spec.maxOutputRoutes())
        {
            // Relays take the fan-out: the range sends each spike to every relay (one entry per neuron
            // and relay); first-fit packing of destinations needs at most about twice the even share.
            final long relays = 2 * ((r + spec.maxOutputRoutes() - 1) / spec.maxOutputRoutes());
            if ((long)(b - a) * relays > spec.maxOutputRoutes())
            {
                why[0] = "needs " + r + " output routing entries (the core takes " + spec.maxOutputRoutes()
                    + "), more than relays can spread";
                return null;
            }
            r = (long)(b - a) * relays;
        }
        final List<ProgramEdge> edges = new ArrayList<>();
        final List<Intervals> fans = new ArrayList<>();
        long axons = 0;
        long bits = 0;
        boolean allTables = true;
        final java.util.BitSet held = new java.util.BitSet();
        for (final ProgramEdge e : incoming.get(p.id()))
        {
            if (!onChipEdge(e))
            {
                continue;
            }
            final Intervals fanA = new Intervals();
            final Intervals fanB = new Intervals();
            EdgeGeometry.fanIn(e, p, pops.get(e.sourceA()), table(e), a, b, fanA, fanB);
            final long na = fanA.seal().size();
            final long nb = e.sourceB() >= 0 ? fanB.seal().size() : 0;
            axons += na + nb;
            if (e.kind() == ProgramEdge.Kind.TABLE)
            {
                bits += tableBits(table(e), a, b, fanA, held);
            }
            else
            {
                allTables = false;
                // TDEC units keep a running count per source unit (and a running max per pool output).
                bits += (na + nb + (e.kind() == ProgramEdge.Kind.POOL ? size : 0)) * countBits;
            }
            edges.add(e);
            fans.add(fanA);
        }
        if (spec.flag(ChipField.CORE_CROSSBAR))
        {
            bits += (long)size * spec.getInt(ChipField.CORE_AXON_TYPES) * spec.weightBits();
        }
        if (axons <= spec.maxInputAxons() && bits <= spec.synapseMemoryBits())
        {
            return new ChunkPlan(a, b, new CoreUse(neurons ? size : 0, axons, r, bits, tdec ? size : 0), List.of(), List.of());
        }
        if (!allTables || edges.isEmpty() || !allowDendrites)
        {
            why[0] = axons > spec.maxInputAxons() ? "needs " + axons + " input axons (the core takes " + spec.maxInputAxons() + ")"
                : "needs " + bits + " bits of synapse memory (the core has " + spec.synapseMemoryBits() + ")";
            return null;
        }
        return dendrites(p, a, b, r, edges, fans, why);
    }

    /** Splits the fan-in into pieces that fit a core and packs them into dendrite groups, first fit. */
    private ChunkPlan dendrites(final ProgramPopulation p, final int a, final int b, final long routes, final List<ProgramEdge> edges,
        final List<Intervals> fans, final String[] why)
    {
        final int size = b - a;
        final long maxAxons = spec.maxInputAxons();
        final long mem = spec.synapseMemoryBits();
        if (size > spec.maxOutputRoutes())
        {
            why[0] = "needs dendrites whose " + size + " partial sums exceed the routing entries of a core (" + spec.maxOutputRoutes() + ")";
            return null;
        }
        final List<int[]> pieces = new ArrayList<>();
        final List<Long> pieceAxons = new ArrayList<>();
        final List<Long> pieceBits = new ArrayList<>();
        for (int k = 0; k < edges.size(); k++)
        {
            final ProgramEdge e = edges.get(k);
            final Intervals fan = fans.get(k);
            long budget = maxAxons;
            int at = 0;
            final int end = fan.count() == 0 ? 0 : fan.hi(fan.count() - 1);
            int cursor = fan.count() == 0 ? 0 : fan.lo(0);
            while (cursor < end)
            {
                // Take up to `budget` fan-in units from cursor on.
                long taken = 0;
                int stop = cursor;
                int i = at;
                while (i < fan.count() && taken < budget)
                {
                    final int lo = Math.max(fan.lo(i), cursor);
                    final long room = budget - taken;
                    if (fan.hi(i) - lo > room)
                    {
                        stop = (int)(lo + room);
                        taken = budget;
                        break;
                    }
                    taken += fan.hi(i) - lo;
                    stop = fan.hi(i);
                    i++;
                }
                final Intervals piece = fan.within(cursor, stop);
                final long pb = tableBits(table(e), a, b, piece, null);
                if (pb > mem)
                {
                    if (budget == 1)
                    {
                        why[0] = "has a source whose synapses alone need " + pb + " bits (the core has " + mem + ")";
                        return null;
                    }
                    budget = Math.max(1, budget / 2);
                    continue;
                }
                pieces.add(new int[] {e.id(), cursor, stop});
                pieceAxons.add(piece.size());
                pieceBits.add(pb);
                cursor = stop;
                while (at < fan.count() && fan.hi(at) <= cursor)
                {
                    at++;
                }
                if (at < fan.count())
                {
                    cursor = Math.max(cursor, fan.lo(at));
                }
            }
        }
        final List<int[]> groups = new ArrayList<>();
        final List<CoreUse> uses = new ArrayList<>();
        int[] current = new int[0];
        long axons = 0;
        long bits = 0;
        for (int k = 0; k < pieces.size(); k++)
        {
            if (current.length > 0 && (axons + pieceAxons.get(k) > maxAxons || bits + pieceBits.get(k) > mem))
            {
                groups.add(current);
                uses.add(new CoreUse(size, axons, size, bits, 0));
                current = new int[0];
                axons = 0;
                bits = 0;
            }
            current = java.util.Arrays.copyOf(current, current.length + 3);
            System.arraycopy(pieces.get(k), 0, current, current.length - 3, 3);
            axons += pieceAxons.get(k);
            bits += pieceBits.get(k);
        }
        if (current.length > 0)
        {
            groups.add(current);
            uses.add(new CoreUse(size, axons, size, bits, 0));
        }
        final long somaAxons = (long)groups.size() * size;
        final long somaBits = somaAxons * spec.weightBits();
        if (somaAxons > maxAxons || somaBits > mem)
        {
            why[0] = "needs " + groups.size() + " dendrites whose partial sums (" + somaAxons + ") exceed the input axons of a core (" + maxAxons + ")";
            return null;
        }
        return new ChunkPlan(a, b, new CoreUse(size, somaAxons, routes, somaBits, 0), groups, uses);
    }

    /** A crossbar core gives each neuron one weight per axon type: more distinct weights into a neuron cannot map. */
    private void checkCrossbar(final ProgramPopulation p)
    {
        if (!spec.flag(ChipField.CORE_CROSSBAR))
        {
            return;
        }
        final int types = spec.getInt(ChipField.CORE_AXON_TYPES);
        for (final ProgramEdge e : incoming.get(p.id()))
        {
            if (e.kind() == ProgramEdge.Kind.TABLE && onChipEdge(e))
            {
                final SynapseTable t = table(e);
                final int cout = t.outFeatures();
                final java.util.List<java.util.Set<Short>> weightsInto = new java.util.ArrayList<>();
                for (int o = 0; o < cout; o++)
                {
                    weightsInto.add(new java.util.HashSet<>());
                }
                final short[] m = t.mantissa();
                for (int i = 0; i < m.length; i++)
                {
                    if (m[i] != 0)
                    {
                        // A sparse table names each synapse's target; the others lay weights out [.., cin][cout].
                        weightsInto.get(t.kind() == SynapseTable.Kind.SPARSE ? t.targets()[i] : i % cout).add(m[i]);
                    }
                }
                for (int o = 0; o < cout; o++)
                {
                    final java.util.Set<Short> distinct = weightsInto.get(o);
                    if (distinct.size() > types)
                    {
                        throw new ChipInputException(spec.name(), "layer '" + p.name() + "'", "a neuron receives " + distinct.size()
                            + " distinct weights; a crossbar core gives each neuron " + types + " (one per axon type)");
                    }
                }
            }
        }
    }
}
