package io.csdsim.isa.program;

import io.csdsim.isa.ChipInputException;

import java.util.Arrays;
import java.util.List;

/**
 * The relations between a program's parts that the engine relies on and the mapper guarantees:
 * every population's shape and bias, every table's size, and every edge's sources, target and table
 * agreeing in shape for its kind. A program read from a file is checked against them, so that a
 * file whose sections are each well formed (right CRCs, ids in range) but disagree with one another
 * is refused with one line instead of failing inside the engine.
 */
public final class ProgramConsistency
{
    /** Units of one population at most (as a model node). */
    public static final long MAX_POPULATION_UNITS = 1L << 27;
    /** Largest current shift an edge may apply. */
    public static final int MAX_SHIFT = 62;

    private ProgramConsistency()
    {
    }

    /** Throws {@link ChipInputException} naming the first part that disagrees. */
    public static void check(final String src, final ChipProgram p)
    {
        final List<ProgramPopulation> pops = p.populations();
        for (final ProgramPopulation q : pops)
        {
            population(src, q);
        }
        for (final SynapseTable t : p.tables())
        {
            table(src, t);
        }
        for (final ProgramEdge e : p.edges())
        {
            edge(src, p, e);
        }
        final RouteTable routes = p.routes();
        for (int i = 0; i < routes.size(); i++)
        {
            final int edge = routes.edge(i);
            if (edge >= 0)
            {
                final ProgramEdge e = p.edges().get(edge);
                final int into = p.groups().get(routes.target(i)).population();
                expect(src, "route " + i, e.kind() != ProgramEdge.Kind.HOST_READOUT && e.target() == into, "carries edge " + edge + ", a "
                    + e.kind() + " edge into population " + e.target() + ", to a group of population " + into + "; a route carries an on-chip "
                    + "edge into its receiver's population");
            }
        }
        for (final NeuronGroup g : p.groups())
        {
            for (int k = 0; k < g.pieceCount(); k++)
            {
                final int edge = g.pieceEdge(k);
                final int from = g.pieceFrom(k);
                final int to = g.pieceTo(k);
                expect(src, "group " + g.id(), edge >= 0 && edge < p.edges().size() && from >= 0 && from <= to
                    && to <= sourceUnits(p, p.edges().get(edge)), "fan-in piece " + k + " (edge " + edge + ", units "
                    + from + ".." + to + ") lies outside its edge's sources");
                final ProgramEdge pe = p.edges().get(edge);
                expect(src, "group " + g.id(), pe.kind() != ProgramEdge.Kind.HOST_READOUT && pe.target() == g.population(), "fan-in piece "
                    + k + " takes edge " + edge + ", a " + pe.kind() + " edge into population " + pe.target() + "; a piece takes an on-chip "
                    + "edge into its group's population " + g.population());
            }
        }
    }

    private static void population(final String src, final ProgramPopulation q)
    {
        final String where = "population " + q.id() + " '" + q.name() + "'";
        final int[] s = q.shape();
        long units = 1;
        boolean positive = s.length >= 1 && s.length <= 4;
        for (final int d : s)
        {
            positive &= d >= 1;
            units = Math.min(units * Math.max(d, 0), MAX_POPULATION_UNITS + 1);
        }
        expect(src, where, positive && units <= MAX_POPULATION_UNITS, "shape " + Arrays.toString(s) + "; expected 1 to 4 sizes >= 1, at most "
            + MAX_POPULATION_UNITS + " units");
        expect(src, where, q.windowStart() >= 0 && q.windowStart() <= ChipProgram.MAX_READY_TICK, "window start " + q.windowStart()
            + " is not in 0.." + ChipProgram.MAX_READY_TICK);
        final long[] bias = q.bias();
        expect(src, where, (q.kind() == ProgramPopulation.Kind.NEURONS) == (q.neuron() != null), q.kind() == ProgramPopulation.Kind.NEURONS
            ? "a NEURONS population names its neuron model (section NEUR)" : "a " + q.kind() + " population names no neuron model");
        switch (q.kind())
        {
            case DIF -> {
                expect(src, where, q.theta() > 0, "threshold " + q.theta() + "; expected > 0");
                expect(src, where, bias == null || bias.length == q.channels(), "bias of " + (bias == null ? 0 : bias.length)
                    + " values; expected one per channel (" + q.channels() + ")");
            }
            case INPUT -> expect(src, where, bias == null || bias.length == q.channels(), "zero points of " + (bias == null ? 0 : bias.length)
                + " values; expected one per channel (" + q.channels() + ")");
            case HOST_CLASSIFIER -> expect(src, where, bias != null && bias.length == q.size(), "bias of " + (bias == null ? "no" : bias.length)
                + " values; expected one per class (" + q.size() + ")");
            default -> expect(src, where, bias == null, "a " + q.kind() + " population has no bias");
        }
    }

    /** The largest kernel side and stride of a general convolution. */
    public static final int MAX_KERNEL = 64;

    /** Compressed sparse rows: one row start per source and one past, non-decreasing from 0 to the synapse count; targets in range. */
    private static void sparse(final String src, final String where, final SynapseTable t)
    {
        final int[] rows = t.rowStart();
        final int[] targets = t.targets();
        expect(src, where, rows != null && targets != null && t.height() == 1 && t.width() == 1, "a SPARSE table is 1×1 with row starts "
            + "and targets");
        expect(src, where, rows.length == t.inFeatures() + 1 && rows[0] == 0 && rows[rows.length - 1] == targets.length
            && targets.length == t.mantissa().length, "sparse rows: " + rows.length + " row starts, " + targets.length + " targets, "
            + t.mantissa().length + " weights; expected " + (t.inFeatures() + 1) + " starts from 0 to the synapse count, one weight per target");
        for (int s = 0; s < t.inFeatures(); s++)
        {
            expect(src, where, rows[s] <= rows[s + 1], "sparse row " + s + " starts at " + rows[s] + " after the next row's " + rows[s + 1]);
        }
        for (int k = 0; k < targets.length; k++)
        {
            expect(src, where, targets[k] >= 0 && targets[k] < t.outFeatures(), "synapse " + k + " targets unit " + targets[k] + "; expected 0.."
                + (t.outFeatures() - 1));
        }
    }

    private static void table(final String src, final SynapseTable t)
    {
        final String where = "table " + t.id();
        expect(src, where, t.height() >= 1 && t.width() >= 1 && t.inFeatures() >= 1 && t.outFeatures() >= 1, "sizes " + t.height() + "×"
            + t.width() + ", " + t.inFeatures() + " → " + t.outFeatures() + "; expected all >= 1");
        if (t.kind() == SynapseTable.Kind.SPARSE)
        {
            sparse(src, where, t);
            return;
        }
        expect(src, where, t.rowStart() == null && t.targets() == null, "a " + t.kind() + " table has no sparse rows");
        if (t.kind() == SynapseTable.Kind.CONV)
        {
            final ConvShape c = t.conv();
            expect(src, where, c != null && c.kernel() >= 1 && c.kernel() <= MAX_KERNEL && c.stride() >= 1 && c.stride() <= MAX_KERNEL
                && c.pad() >= 0 && c.pad() < c.kernel() && c.groups() >= 1 && t.inFeatures() % c.groups() == 0
                && t.outFeatures() % c.groups() == 0 && c.out(t.height()) >= 1 && c.out(t.width()) >= 1, "convolution " + c + " of a "
                + t.height() + "×" + t.width() + "×" + t.inFeatures() + " map to " + t.outFeatures() + " channels; expected a kernel of 1.."
                + MAX_KERNEL + " that fits, stride 1.." + MAX_KERNEL + ", padding below the kernel, groups dividing both channel counts");
            final long weights = (long)c.kernel() * c.kernel() * (t.inFeatures() / c.groups()) * t.outFeatures();
            expect(src, where, t.mantissa().length == weights, t.mantissa().length + " weights; the convolution holds " + weights);
            return;
        }
        expect(src, where, t.conv() == null, "a " + t.kind() + " table has no convolution shape");
        final long weights = (t.kind() == SynapseTable.Kind.CONV3X3 ? 9L : 1L) * t.inFeatures() * t.outFeatures();
        expect(src, where, t.mantissa().length == weights, t.mantissa().length + " weights; a " + t.kind() + " table of "
            + t.inFeatures() + " → " + t.outFeatures() + " holds " + weights);
    }

    private static void edge(final String src, final ChipProgram p, final ProgramEdge e)
    {
        final String where = "edge " + e.id();
        final ProgramPopulation target = p.populations().get(e.target());
        final ProgramPopulation a = p.populations().get(e.sourceA());
        final ProgramPopulation b = e.sourceB() >= 0 ? p.populations().get(e.sourceB()) : null;
        expect(src, where, e.shift() >= 0 && e.shift() <= MAX_SHIFT, "shift " + e.shift() + "; expected 0.." + MAX_SHIFT);
        expect(src, where, e.delay() >= 0 && e.delay() <= p.spec.maxAxonDelay(), "delay " + e.delay() + "; the chip's axons delay 0.."
            + p.spec.maxAxonDelay());
        expect(src, where, e.kind() == ProgramEdge.Kind.POOL || e.pool() == null, "a " + e.kind() + " edge has no pool window");
        expect(src, where, e.kind() == ProgramEdge.Kind.TDEC_PRODUCT || e.product() == null, "a " + e.kind() + " edge has no product map");
        final boolean spikingA = spiking(a);
        switch (e.kind())
        {
            case TABLE -> {
                expect(src, where, e.table() >= 0 && b == null && spikingA && receives(target), "a table edge takes one spiking source, "
                    + "a table and a neuron or accumulator target");
                // A table's geometry is its own (a conv's output may be laid out as tokens): the units must match in number and channels.
                final SynapseTable t = p.tables().get(e.table());
                if (t.kind() == SynapseTable.Kind.SPARSE)
                {
                    expect(src, where, a.size() == t.inFeatures() && target.size() == t.outFeatures(), "a sparse table of " + t.inFeatures()
                        + " → " + t.outFeatures() + " units does not join " + a.size() + " to " + target.size() + " units");
                    return;
                }
                // The input stage is an image that tables read flat; any other source is laid out as the table reads it.
                final boolean channels = a.kind() == ProgramPopulation.Kind.INPUT || a.channels() == t.inFeatures();
                expect(src, where, (long)a.size() == (long)t.tokens() * t.inFeatures() && channels
                    && (long)target.size() == (long)t.outHeight() * t.outWidth() * t.outFeatures() && target.channels() == t.outFeatures(),
                    "a " + t.kind() + " table of " + t.height() + "×" + t.width() + ", " + t.inFeatures() + " → " + t.outFeatures()
                        + " does not join " + Arrays.toString(a.shape()) + " to " + Arrays.toString(target.shape()));
            }
            case POOL -> {
                final int[] s = a.shape();
                final PoolShape w = e.pool();
                expect(src, where, w != null && w.valid(), "a max-pool needs a window of kernel 1..64, stride 1..64 and padding below the "
                    + "kernel; it has " + w);
                final int[] want = s.length == 3 ? new int[] {w.out(s[0]), w.out(s[1]), s[2]} : null;
                expect(src, where, b == null && spikingA && target.kind() == ProgramPopulation.Kind.TDEC_MAXPOOL && want != null && want[0] >= 1
                    && want[1] >= 1 && Arrays.equals(target.shape(), want), "a max-pool " + w.kernel() + "×" + w.kernel() + "/" + w.stride()
                    + "/pad " + w.pad() + " of " + Arrays.toString(s) + " is " + (want == null ? "undefined" : Arrays.toString(want)) + ", not "
                    + Arrays.toString(target.shape()));
            }
            case TDEC_PRODUCT -> {
                final ProductMap m = e.product();
                expect(src, where, m != null, "a product edge needs an index map");
                expect(src, where, e.table() == -1 && b != null && spikingA && spiking(b) && target.kind().isNeurons(),
                    "a product joins two spiking populations into neurons, without a weight table");
                expect(src, where, m.size(ProductMap.Operand.A) == a.size() && m.size(ProductMap.Operand.B) == b.size()
                    && m.size(ProductMap.Operand.OUT) == target.size(), "the product " + m + " takes " + m.size(ProductMap.Operand.A) + " and "
                    + m.size(ProductMap.Operand.B) + " units into " + m.size(ProductMap.Operand.OUT) + "; its populations have " + a.size() + ", "
                    + b.size() + " and " + target.size());
            }
            case HOST_READOUT -> {
                expect(src, where, e.table() >= 0 && b == null && a.kind() == ProgramPopulation.Kind.ACCUMULATOR
                    && target.kind() == ProgramPopulation.Kind.HOST_CLASSIFIER, "a readout joins accumulators to a host classifier "
                    + "through a table");
                final SynapseTable t = p.tables().get(e.table());
                expect(src, where, t.kind() == SynapseTable.Kind.DENSE && a.channels() == t.inFeatures() && target.size() == t.outFeatures(),
                    "a readout table of " + t.inFeatures() + " → " + t.outFeatures() + " does not join " + Arrays.toString(a.shape())
                        + " to " + target.size() + " classes");
            }
            default -> throw new IllegalStateException(e.kind().name());
        }
    }

    private static boolean spiking(final ProgramPopulation q)
    {
        return q.kind().isSpiking();
    }

    private static boolean receives(final ProgramPopulation q)
    {
        return q.kind().isNeurons() || q.kind() == ProgramPopulation.Kind.ACCUMULATOR;
    }

    private static int sourceUnits(final ChipProgram p, final ProgramEdge e)
    {
        final int a = p.populations().get(e.sourceA()).size();
        return e.sourceB() >= 0 ? Math.max(a, p.populations().get(e.sourceB()).size()) : a;
    }

    private static void expect(final String src, final String where, final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new ChipInputException(src, where, what);
        }
    }
}
