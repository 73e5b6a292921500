package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits every population the chip hosts into groups of equal contiguous ranges, each within every
 * core limit: neurons, TDEC units, input axons, synapse memory (shared or replicated tables, or count
 * registers for TDEC units) and output routing entries. Consumers are split before their sources, so
 * a source knows how many destination cores each of its neurons has.
 */
final class Partitioner
{
    private final ChipSpec spec;
    private final List<ProgramPopulation> pops;
    private final List<SynapseTable> tables;
    private final List<List<ProgramEdge>> incoming = new ArrayList<>();
    /** Per population: destination cores of each unit, as a difference array, then prefix sums. */
    private final int[][] coverDiff;
    private final int countBits;
    /** Group size chosen per population (0 for the host's populations). */
    final int[] groupSize;
    /** Per population and group: what it takes of its core. */
    final List<List<CoreUse>> use = new ArrayList<>();

    Partitioner(final ChipSpec spec, final int timeWindow, final List<ProgramPopulation> pops, final List<ProgramEdge> edges,
        final List<SynapseTable> tables)
    {
        this.spec = spec;
        this.pops = pops;
        this.tables = tables;
        for (int i = 0; i < pops.size(); i++)
        {
            incoming.add(new ArrayList<>());
            use.add(new ArrayList<>());
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
        return p.kind() == ProgramPopulation.Kind.DIF || p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL
            || p.kind() == ProgramPopulation.Kind.ACCUMULATOR;
    }

    private boolean usesTdec(final ProgramPopulation p)
    {
        if (p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL)
        {
            return true;
        }
        for (final ProgramEdge e : incoming.get(p.id()))
        {
            if (e.kind() == ProgramEdge.Kind.TDEC_QK || e.kind() == ProgramEdge.Kind.TDEC_AV)
            {
                return true;
            }
        }
        return false;
    }

    /** On-chip edges: the input stage's current is injected by the host and takes no axon. */
    private boolean onChipEdge(final ProgramEdge e)
    {
        return e.kind() != ProgramEdge.Kind.HOST_READOUT && pops.get(e.sourceA()).kind() != ProgramPopulation.Kind.INPUT;
    }

    void run()
    {
        for (int id = pops.size() - 1; id >= 0; id--)
        {
            final ProgramPopulation p = pops.get(id);
            if (onChip(p))
            {
                partition(p);
            }
        }
    }

    private long[] routePrefix(final ProgramPopulation p)
    {
        final long[] prefix = new long[p.size() + 1];
        final int[] diff = coverDiff[p.id()];
        long run = 0;
        long sum = 0;
        int max = 0;
        for (int i = 0; i < p.size(); i++)
        {
            if (diff != null)
            {
                run += diff[i];
            }
            sum += run;
            prefix[i + 1] = sum;
            max = (int)Math.max(max, run);
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
        final boolean neurons = p.kind() != ProgramPopulation.Kind.TDEC_MAXPOOL;
        if (tdec && spec.tdecUnits() == 0)
        {
            throw new ChipInputException(spec.name(), "layer '" + p.name() + "'", (p.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL
                ? "a max-pool" : "an attention product") + " needs TDEC units and the chip has none; enable them, e.g. --set core.tdecUnits=1024");
        }
        checkCrossbar(p);
        int hi = p.size();
        if (neurons)
        {
            hi = Math.min(hi, spec.maxNeurons());
        }
        if (tdec)
        {
            hi = Math.min(hi, spec.tdecUnits());
        }
        final String[] why = new String[1];
        if (!feasible(p, 1, routes, null, why))
        {
            throw new ChipInputException(spec.name(), "layer '" + p.name() + "'", "one neuron alone " + why[0] + "; no core of this chip can host it");
        }
        int lo = 1;
        while (lo < hi)
        {
            final int mid = lo + (hi - lo + 1) / 2;
            if (feasible(p, mid, routes, null, why))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        groupSize[p.id()] = lo;
        final List<CoreUse> uses = use.get(p.id());
        feasible(p, lo, routes, uses, why);
        // Tell the sources how many destination cores each of their units now has.
        final Intervals fanA = new Intervals();
        final Intervals fanB = new Intervals();
        for (final ProgramEdge e : incoming.get(p.id()))
        {
            if (!onChipEdge(e))
            {
                continue;
            }
            for (int a = 0; a < p.size(); a += lo)
            {
                fanA.clear();
                fanB.clear();
                EdgeGeometry.fanIn(e, p, pops.get(e.sourceA()), table(e), a, Math.min(p.size(), a + lo), fanA, fanB);
                cover(e.sourceA(), fanA.seal());
                if (e.sourceB() >= 0)
                {
                    cover(e.sourceB(), fanB.seal());
                }
            }
        }
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

    private SynapseTable table(final ProgramEdge e)
    {
        return e.table() < 0 ? null : tables.get(e.table());
    }

    /**
     * @return whether groups of g units all fit a core; fills {@code out} with each group's use when
     * not null; on failure {@code why[0]} says which limit.
     */
    private boolean feasible(final ProgramPopulation p, final int g, final long[] routes, final List<CoreUse> out, final String[] why)
    {
        final Intervals fanA = new Intervals();
        final Intervals fanB = new Intervals();
        final boolean neurons = p.kind() != ProgramPopulation.Kind.TDEC_MAXPOOL;
        final boolean tdec = usesTdec(p);
        final int wb = spec.weightBits();
        final boolean shared = spec.sharedTables();
        final boolean crossbar = spec.flag(ChipField.CORE_CROSSBAR);
        for (int a = 0; a < p.size(); a += g)
        {
            final int b = Math.min(p.size(), a + g);
            final int size = b - a;
            long axons = 0;
            long bits = 0;
            // Tables shared on this core are stored once per table, not per edge.
            final java.util.BitSet tablesHeld = new java.util.BitSet();
            for (final ProgramEdge e : incoming.get(p.id()))
            {
                if (!onChipEdge(e))
                {
                    continue;
                }
                fanA.clear();
                fanB.clear();
                final SynapseTable t = table(e);
                EdgeGeometry.fanIn(e, p, pops.get(e.sourceA()), t, a, b, fanA, fanB);
                final long na = fanA.seal().size();
                final long nb = e.sourceB() >= 0 ? fanB.seal().size() : 0;
                axons += na + nb;
                if (e.kind() == ProgramEdge.Kind.TABLE)
                {
                    final long syn = EdgeGeometry.synapses(e, p, pops.get(e.sourceA()), t, a, b, na, nb);
                    if (crossbar)
                    {
                        bits += na * size;
                    }
                    else if (shared)
                    {
                        if (!tablesHeld.get(t.id()))
                        {
                            tablesHeld.set(t.id());
                            final long rows = t.kind() == SynapseTable.Kind.CONV3X3 ? 9L * t.inFeatures() : t.inFeatures();
                            bits += rows * EdgeGeometry.distinctOutputs(t, a, b) * wb;
                        }
                    }
                    else
                    {
                        final int index = 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1));
                        bits += Math.min(na * size * wb, syn * (wb + index));
                    }
                }
                else
                {
                    // TDEC units keep a running count per source unit (and a running max per pool output).
                    bits += (na + nb + (e.kind() == ProgramEdge.Kind.POOL ? size : 0)) * countBits;
                }
            }
            if (crossbar)
            {
                bits += (long)size * spec.getInt(ChipField.CORE_AXON_TYPES) * wb;
            }
            final long r = routes[b] - routes[a];
            if (axons > spec.maxInputAxons())
            {
                why[0] = "needs " + axons + " input axons (the core takes " + spec.maxInputAxons() + ")";
                return false;
            }
            if (bits > spec.synapseMemoryBits())
            {
                why[0] = "needs " + bits + " bits of synapse memory (the core has " + spec.synapseMemoryBits() + ")";
                return false;
            }
            if (r > spec.maxOutputRoutes())
            {
                why[0] = "needs " + r + " output routing entries (the core takes " + spec.maxOutputRoutes() + ")";
                return false;
            }
            if (out != null)
            {
                out.add(new CoreUse(neurons ? size : 0, axons, r, bits, tdec ? size : 0));
            }
        }
        return true;
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
                for (int o = 0; o < cout; o++)
                {
                    final java.util.Set<Short> distinct = new java.util.HashSet<>();
                    for (int i = o; i < t.mantissa().length; i += cout)
                    {
                        if (t.mantissa()[i] != 0)
                        {
                            distinct.add(t.mantissa()[i]);
                        }
                    }
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
