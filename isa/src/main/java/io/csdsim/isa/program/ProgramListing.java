package io.csdsim.isa.program;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a chip program ({@code csdsim disasm}): one record per line, every field named,
 * weights 32 to a line. Parsing a listing gives back the program, so listing → program → listing
 * is the identity.
 */
public final class ProgramListing
{
    private static final int WEIGHTS_PER_LINE = 32;

    private ProgramListing()
    {
    }

    /** @param weights false leaves weight rows out (a summary that does not parse back). */
    public static String print(final ChipProgram p, final boolean weights)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("csdx ").append(CsdxFormat.VERSION).append('\n');
        sb.append("program ").append(quote(p.name)).append(" T=").append(p.timeWindow).append(" D=").append(p.delay)
            .append(" chips=").append(p.chips).append(" ready=").append(p.outputReadyTick).append(" ii=").append(p.initiationInterval).append('\n');
        sb.append("spec ").append(quote(p.spec.name())).append(' ').append(quote(p.spec.description())).append('\n');
        for (final ChipField f : ChipField.values())
        {
            sb.append("  field ").append(f.key).append(' ').append(p.spec.get(f)).append(' ').append(quote(p.spec.source(f))).append('\n');
        }
        for (final SynapseTable t : p.tables())
        {
            sb.append("table ").append(t.id()).append(' ').append(t.kind()).append(" h=").append(t.height()).append(" w=").append(t.width())
                .append(" in=").append(t.inFeatures()).append(" out=").append(t.outFeatures()).append(" n=").append(t.mantissa().length);
            if (t.conv() != null)
            {
                sb.append(" k=").append(t.conv().kernel()).append(" stride=").append(t.conv().stride()).append(" pad=").append(t.conv().pad())
                    .append(" groups=").append(t.conv().groups());
            }
            sb.append('\n');
            if (weights)
            {
                final short[] m = t.mantissa();
                for (int i = 0; i < m.length; i += WEIGHTS_PER_LINE)
                {
                    sb.append("  w");
                    for (int k = i; k < Math.min(m.length, i + WEIGHTS_PER_LINE); k++)
                    {
                        sb.append(' ').append(m[k]);
                    }
                    sb.append('\n');
                }
                if (t.kind() == SynapseTable.Kind.SPARSE)
                {
                    intLines(sb, "r", t.rowStart());
                    intLines(sb, "t", t.targets());
                }
            }
        }
        for (final ProgramPopulation q : p.populations())
        {
            sb.append("population ").append(q.id()).append(' ').append(q.kind()).append(' ').append(quote(q.name())).append(" shape=")
                .append(join(q.shape())).append(" theta=").append(q.theta()).append(" v0=").append(q.v0()).append(" window=")
                .append(q.windowStart()).append(" bias=").append(q.bias() == null ? "-" : join(q.bias()));
            if (q.neuron() != null)
            {
                sb.append(" neuron=").append(q.neuron().model());
                q.neuron().parameters().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            }
            sb.append('\n');
        }
        for (final ProgramEdge e : p.edges())
        {
            sb.append("edge ").append(e.id()).append(" target=").append(e.target()).append(' ').append(e.kind()).append(" table=")
                .append(e.table()).append(" a=").append(e.sourceA()).append(" b=").append(e.sourceB()).append(" product=")
                .append(e.product() == null ? "-" : e.product().toString())
                .append(" shift=").append(e.shift()).append(" delay=").append(e.delay());
            if (e.pool() != null)
            {
                sb.append(" window=").append(e.pool().kernel()).append(',').append(e.pool().stride()).append(',').append(e.pool().pad());
            }
            sb.append('\n');
        }
        for (final NeuronGroup g : p.groups())
        {
            sb.append("group ").append(g.id()).append(" pop=").append(g.population()).append(" range=").append(g.start()).append("..")
                .append(g.end()).append(" core=").append(g.core());
            if (g.role() != NeuronGroup.Role.NEURONS)
            {
                sb.append(' ').append(g.role()).append(" parent=").append(g.parent()).append(" pieces=");
                for (int k = 0; k < g.pieceCount(); k++)
                {
                    sb.append(k == 0 ? "" : ",").append(g.pieceEdge(k)).append(':').append(g.pieceFrom(k)).append("..").append(g.pieceTo(k));
                }
                if (g.pieceCount() == 0)
                {
                    sb.append('-');
                }
            }
            sb.append('\n');
        }
        final RouteTable rt = p.routes();
        for (int i = 0; i < rt.size(); i++)
        {
            sb.append("route ").append(rt.source(i)).append("->").append(rt.target(i)).append(" edge=").append(rt.edge(i))
                .append(" entries=").append(rt.entries(i)).append(" hops=").append(p.routeHops(i)).append(" crossings=")
                .append(p.routeCrossings(i)).append('\n');
        }
        return sb.toString();
    }

    /** A sparse table's row starts (r) or targets (t), WEIGHTS_PER_LINE to a line. */
    private static void intLines(final StringBuilder sb, final String tag, final int[] v)
    {
        for (int i = 0; i < v.length; i += WEIGHTS_PER_LINE)
        {
            sb.append("  ").append(tag);
            for (int k = i; k < Math.min(v.length, i + WEIGHTS_PER_LINE); k++)
            {
                sb.append(' ').append(v[k]);
            }
            sb.append('\n');
        }
    }

    private static String join(final int[] a)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++)
        {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }

    private static String join(final long[] a)
    {
        if (a.length == 0)
        {
            return "";
        }
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++)
        {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        return sb.toString();
    }

    static String quote(final String s)
    {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Parses a listing; {@code src} names it in messages ("line N"). */
    public static ChipProgram parse(final String src, final String text)
    {
        return new Parser(src, text).parse();
    }

    private static final class Parser
    {
        private final String src;
        private final String[] lines;
        private int ln;

        Parser(final String src, final String text)
        {
            this.src = src;
            this.lines = text.split("\n", -1);
        }

        /** Reads n integers from lines tagged {@code tag}. */
        private int[] ints(final String tag, final int n, final String what)
        {
            final int[] v = new int[n];
            int filled = 0;
            while (filled < n)
            {
                final List<String> w = next();
                if (w == null || !w.get(0).equals(tag))
                {
                    throw error(what + ": expected " + (n - filled) + " more on '" + tag + "' lines");
                }
                for (int i = 1; i < w.size(); i++)
                {
                    if (filled >= n)
                    {
                        throw error(what + ": more than " + n);
                    }
                    v[filled++] = toInt(w.get(i));
                }
            }
            return v;
        }

        private ChipInputException error(final String what)
        {
            return new ChipInputException(src, "line " + ln, what);
        }

        private List<String> tokens(final String line)
        {
            final List<String> out = new ArrayList<>();
            int i = 0;
            while (i < line.length())
            {
                final char c = line.charAt(i);
                if (c == ' ')
                {
                    i++;
                    continue;
                }
                final StringBuilder sb = new StringBuilder();
                boolean quoted = false;
                while (i < line.length() && (quoted || line.charAt(i) != ' '))
                {
                    final char d = line.charAt(i);
                    if (d == '"')
                    {
                        quoted = !quoted;
                        sb.append(d);
                    }
                    else if (d == '\\' && quoted && i + 1 < line.length())
                    {
                        final char e = line.charAt(++i);
                        sb.append(e == 'n' ? '\n' : e);
                    }
                    else
                    {
                        sb.append(d);
                    }
                    i++;
                }
                if (quoted)
                {
                    throw error("unterminated string");
                }
                out.add(sb.toString());
            }
            return out;
        }

        private static String unquote(final String t)
        {
            return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
        }

        private String value(final List<String> t, final int i, final String key)
        {
            if (i >= t.size() || !t.get(i).startsWith(key + "="))
            {
                throw error("expected " + key + "=…" + (i < t.size() ? ", found '" + t.get(i) + "'" : ""));
            }
            return t.get(i).substring(key.length() + 1);
        }

        private int num(final List<String> t, final int i, final String key)
        {
            return toInt(value(t, i, key));
        }

        private int toInt(final String s)
        {
            try
            {
                return Integer.parseInt(s);
            }
            catch (final NumberFormatException e)
            {
                throw error("'" + s + "' is not an integer");
            }
        }

        private <E extends Enum<E>> E kind(final Class<E> type, final String s)
        {
            try
            {
                return Enum.valueOf(type, s);
            }
            catch (final IllegalArgumentException e)
            {
                throw error("'" + s + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        ChipProgram parse()
        {
            List<String> t = next();
            if (t.size() != 2 || !t.get(0).equals("csdx") || toInt(t.get(1)) != CsdxFormat.VERSION)
            {
                throw error("expected 'csdx " + CsdxFormat.VERSION + "'");
            }
            t = next();
            if (!t.get(0).equals("program") || t.size() != 7)
            {
                throw error("expected 'program NAME T= D= chips= ready= ii='");
            }
            final String name = unquote(t.get(1));
            final int tw = num(t, 2, "T");
            final int d = num(t, 3, "D");
            final int chips = num(t, 4, "chips");
            final int ready = num(t, 5, "ready");
            final int ii = num(t, 6, "ii");
            t = next();
            if (!t.get(0).equals("spec") || t.size() != 3)
            {
                throw error("expected 'spec NAME DESCRIPTION'");
            }
            final String specName = unquote(t.get(1));
            final String specDesc = unquote(t.get(2));
            final double[] values = new double[ChipField.values().length];
            final String[] sources = new String[values.length];
            for (final ChipField f : ChipField.values())
            {
                t = next();
                if (t.size() != 4 || !t.get(0).equals("field") || !t.get(1).equals(f.key))
                {
                    throw error("expected 'field " + f.key + " VALUE SOURCE'");
                }
                try
                {
                    values[f.ordinal()] = Double.parseDouble(t.get(2));
                }
                catch (final NumberFormatException e)
                {
                    throw error("'" + t.get(2) + "' is not a number");
                }
                sources[f.ordinal()] = unquote(t.get(3));
            }
            final ChipSpec spec;
            try
            {
                spec = ChipSpec.of(specName, specDesc, values, sources);
            }
            catch (final IllegalArgumentException e)
            {
                throw error(e.getMessage());
            }
            final List<SynapseTable> tables = new ArrayList<>();
            final List<ProgramPopulation> pops = new ArrayList<>();
            final List<ProgramEdge> edges = new ArrayList<>();
            final List<NeuronGroup> groups = new ArrayList<>();
            final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList rs = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
            final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList rd = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
            final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList re = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
            final org.eclipse.collections.impl.list.mutable.primitive.IntArrayList rn = new org.eclipse.collections.impl.list.mutable.primitive.IntArrayList();
            while ((t = next()) != null)
            {
                switch (t.get(0))
                {
                    case "table" -> {
                        final int id = toInt(t.get(1));
                        if (id != tables.size())
                        {
                            throw error("table " + id + " out of order; expected " + tables.size());
                        }
                        final SynapseTable.Kind k = kind(SynapseTable.Kind.class, t.get(2));
                        final int n = num(t, 7, "n");
                        final short[] m = new short[n];
                        int filled = 0;
                        while (filled < n)
                        {
                            final List<String> w = next();
                            if (w == null || !w.get(0).equals("w"))
                            {
                                throw error("table " + id + ": expected " + (n - filled) + " more weights on 'w' lines");
                            }
                            for (int i = 1; i < w.size(); i++)
                            {
                                if (filled >= n)
                                {
                                    throw error("table " + id + ": more than n=" + n + " weights");
                                }
                                m[filled++] = (short)toInt(w.get(i));
                            }
                        }
                        if (k == SynapseTable.Kind.SPARSE)
                        {
                            final int in = num(t, 5, "in");
                            if (in < 0 || in >= ProgramConsistency.MAX_POPULATION_UNITS)
                            {
                                throw error("table " + id + ": in=" + in + "; expected 0.." + (ProgramConsistency.MAX_POPULATION_UNITS - 1));
                            }
                            final int[] rows = ints("r", in + 1, "table " + id + " row starts");
                            final int[] targets = ints("t", n, "table " + id + " targets");
                            tables.add(new SynapseTable(id, k, num(t, 3, "h"), num(t, 4, "w"), in, num(t, 6, "out"), m, rows, targets));
                        }
                        else if (k == SynapseTable.Kind.CONV)
                        {
                            tables.add(SynapseTable.conv(id, num(t, 3, "h"), num(t, 4, "w"), num(t, 5, "in"), num(t, 6, "out"),
                                new ConvShape(num(t, 8, "k"), num(t, 9, "stride"), num(t, 10, "pad"), num(t, 11, "groups")), m));
                        }
                        else
                        {
                            tables.add(new SynapseTable(id, k, num(t, 3, "h"), num(t, 4, "w"), num(t, 5, "in"), num(t, 6, "out"), m));
                        }
                    }
                    case "population" -> {
                        final String[] dims = value(t, 4, "shape").split(",");
                        final int[] shape = new int[dims.length];
                        for (int i = 0; i < dims.length; i++)
                        {
                            shape[i] = toInt(dims[i]);
                        }
                        final String b = value(t, 8, "bias");
                        long[] bias = null;
                        if (!b.equals("-"))
                        {
                            final String[] parts = b.isEmpty() ? new String[0] : b.split(",");
                            bias = new long[parts.length];
                            for (int i = 0; i < parts.length; i++)
                            {
                                try
                                {
                                    bias[i] = Long.parseLong(parts[i]);
                                }
                                catch (final NumberFormatException e)
                                {
                                    throw error("bias '" + parts[i] + "' is not an integer");
                                }
                            }
                        }
                        NeuronSpec neuron = null;
                        if (t.size() > 9)
                        {
                            // neuron=MODEL, then the model's parameters as NAME=VALUE.
                            final String model = value(t, 9, "neuron");
                            final java.util.SortedMap<String, String> parameters = new java.util.TreeMap<>();
                            for (int i = 10; i < t.size(); i++)
                            {
                                final int eq = t.get(i).indexOf('=');
                                if (eq <= 0 || parameters.put(t.get(i).substring(0, eq), t.get(i).substring(eq + 1)) != null)
                                {
                                    throw error("neuron parameter '" + t.get(i) + "': expected NAME=VALUE, each name once");
                                }
                            }
                            if (model.isEmpty())
                            {
                                throw error("neuron= names no model");
                            }
                            neuron = new NeuronSpec(model, parameters);
                        }
                        pops.add(new ProgramPopulation(toInt(t.get(1)), unquote(t.get(3)), kind(ProgramPopulation.Kind.class, t.get(2)), shape,
                            num(t, 5, "theta"), num(t, 6, "v0"), bias, num(t, 7, "window"), neuron));
                    }
                    case "edge" -> {
                        final String map = value(t, 7, "product");
                        ProductMap product = null;
                        if (!map.equals("-"))
                        {
                            try
                            {
                                product = ProductMap.parse(map);
                            }
                            catch (final IllegalArgumentException bad)
                            {
                                throw error(bad.getMessage());
                            }
                        }
                        final ProgramEdge e = new ProgramEdge(toInt(t.get(1)), num(t, 2, "target"), kind(ProgramEdge.Kind.class, t.get(3)),
                            num(t, 4, "table"), num(t, 5, "a"), num(t, 6, "b"), product, num(t, 8, "shift"), num(t, 9, "delay"));
                        if (t.size() > 10)
                        {
                            final String[] w = value(t, 10, "window").split(",");
                            if (w.length != 3 || e.kind() != ProgramEdge.Kind.POOL)
                            {
                                throw error("window= belongs to a POOL edge and takes KERNEL,STRIDE,PAD");
                            }
                            edges.add(e.withPool(new PoolShape(toInt(w[0]), toInt(w[1]), toInt(w[2]))));
                        }
                        else
                        {
                            edges.add(e);
                        }
                    }
                    case "group" -> {
                        final String[] r = value(t, 3, "range").split("\\.\\.");
                        if (r.length != 2)
                        {
                            throw error("expected range=START..END");
                        }
                        if (t.size() == 5)
                        {
                            groups.add(new NeuronGroup(toInt(t.get(1)), num(t, 2, "pop"), toInt(r[0]), toInt(r[1]), num(t, 4, "core")));
                        }
                        else
                        {
                            final String pv = value(t, 7, "pieces");
                            final String[] ps = pv.equals("-") ? new String[0] : pv.split(",");
                            final int[] pieces = new int[3 * ps.length];
                            for (int k = 0; k < ps.length; k++)
                            {
                                final String[] ef = ps[k].split(":");
                                final String[] ft = ef.length == 2 ? ef[1].split("\\.\\.") : new String[0];
                                if (ft.length != 2)
                                {
                                    throw error("expected pieces=EDGE:FROM..TO,...");
                                }
                                pieces[3 * k] = toInt(ef[0]);
                                pieces[3 * k + 1] = toInt(ft[0]);
                                pieces[3 * k + 2] = toInt(ft[1]);
                            }
                            groups.add(new NeuronGroup(toInt(t.get(1)), num(t, 2, "pop"), toInt(r[0]), toInt(r[1]), num(t, 4, "core"),
                                kind(NeuronGroup.Role.class, t.get(5)), num(t, 6, "parent"), pieces));
                        }
                    }
                    case "route" -> {
                        final String[] r = t.get(1).split("->");
                        if (r.length != 2)
                        {
                            throw error("expected SOURCE->TARGET");
                        }
                        // hops and crossings are printed for the reader; they follow from the groups' cores.
                        rs.add(toInt(r[0]));
                        rd.add(toInt(r[1]));
                        re.add(num(t, 2, "edge"));
                        rn.add(num(t, 3, "entries"));
                    }
                    default -> throw error("unknown record '" + t.get(0) + "'");
                }
            }
            return new ChipProgram(name, tw, d, spec, chips, ready, ii, tables, pops, edges, groups,
                new RouteTable(rs.toArray(), rd.toArray(), re.toArray(), rn.toArray()));
        }

        /** @return the next non-empty line's tokens, or null at the end. */
        private List<String> next()
        {
            while (ln < lines.length)
            {
                final String line = lines[ln].strip();
                if (!line.isEmpty() && !line.startsWith("#"))
                {
                    final List<String> t = tokens(line);
                    ln++;
                    return t;
                }
                ln++;
            }
            return null;
        }
    }
}
