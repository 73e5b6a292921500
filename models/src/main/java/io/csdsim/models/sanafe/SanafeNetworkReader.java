package io.csdsim.models.sanafe;

import com.fasterxml.jackson.databind.JsonNode;
import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.models.neuron.SpikeSourceReference;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.NetworkCheck;
import io.csdsim.models.quant.Projection;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SANA-FE SNN file (../shared/peers/sanafe-format.md §2; docs/sanafe.md) against its
 * architecture: groups become populations (input units as spike sources, Loihi LIF units as the
 * {@code if} model with SANA-FE's semantics: fire on v &gt; θ, updated when the potential or bias is
 * non-zero), every edge — neuron to neuron, dense, sparse and conv2d — becomes sparse synapses that
 * act in the next tick (SANA-FE's soma buffering), and the mappings give each neuron its core.
 * Exactness needs integer weights, thresholds, biases and potentials and no leak; anything else is
 * one line naming the group, neuron or edge and the attribute.
 */
public final class SanafeNetworkReader
{
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");
    private static final Set<String> RESERVED = Set.of("soma_hw_name", "dendrite_hw_name", "synapse_hw_name", "log_spikes", "log_potential",
        "log_u");
    private static final Set<String> LIF = Set.of("threshold", "reset", "reset_mode", "reverse_threshold", "reverse_reset",
        "reverse_reset_mode", "leak_decay", "input_decay", "bias", "refractory_delay", "potential", "force_update",
        "force_update_every_timestep");
    private static final Set<String> INPUT = Set.of("spikes", "poisson", "rate");
    /** Largest weight magnitude: csdsim's widest weights are 16 bits. */
    private static final long MAX_WEIGHT = (1 << 15) - 1;

    private final SnnYaml yaml;
    private final String file;
    private final SanafeCores arch;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** One SANA-FE group: its neurons' attributes (soma-bound) and mappings. */
    private static final class Group
    {
        final String name;
        final int index;
        int size;
        /** Per neuron: its soma attributes (the group's, overridden by the neuron's). */
        final List<Map<String, JsonNode>> attrs = new ArrayList<>();
        String[] somaUnit;
        int[] core;
        int population = -1;

        Group(final String name, final int index)
        {
            this.name = name;
            this.index = index;
        }
    }

    /** The connections of one (source group, target group) pair. */
    private static final class Pairs
    {
        final Group from;
        final Group to;
        final IntArrayList src = new IntArrayList();
        final IntArrayList dst = new IntArrayList();
        final IntArrayList weight = new IntArrayList();

        Pairs(final Group from, final Group to)
        {
            this.from = from;
            this.to = to;
        }
    }

    private SanafeNetworkReader(final String file, final SanafeCores arch)
    {
        this.file = file;
        this.arch = arch;
        this.yaml = new SnnYaml(file);
    }

    /**
     * @param ticks the ticks to run, or 0 for as many as the longest input train
     * @return the network, its mapping and its input trains
     */
    public static SanafeNetwork read(final Path snn, final SanafeCores arch, final int ticks)
    {
        final SanafeNetworkReader r = new SanafeNetworkReader(snn.toString(), arch);
        return r.parse(r.yaml.read(snn), ticks);
    }

    /** @return the network a file's bytes hold; {@code src} names the file in error lines. */
    public static SanafeNetwork parse(final String src, final byte[] yaml, final SanafeCores arch, final int ticks)
    {
        final SanafeNetworkReader r = new SanafeNetworkReader(src, arch);
        return r.parse(r.yaml.parse(yaml), ticks);
    }

    private SanafeNetwork parse(final JsonNode root, final int ticksAsked)
    {
        final JsonNode net = yaml.required(root, "network", "");
        final String name = net.has("name") ? net.get("name").asText() : "sanafe";
        final List<JsonNode> groupList = yaml.list(yaml.required(net, "groups", "network"), "network.groups");
        for (int i = 0; i < groupList.size(); i++)
        {
            readGroup(groupList.get(i), "network.groups[" + i + "]");
        }
        final List<JsonNode> mappings = yaml.list(yaml.required(root, "mappings", ""), "mappings");
        for (int i = 0; i < mappings.size(); i++)
        {
            readMapping(mappings.get(i), "mappings[" + i + "]");
        }
        for (final Group g : groups.values())
        {
            for (int n = 0; n < g.size; n++)
            {
                if (g.core[n] < 0)
                {
                    throw yaml.fail("mappings", "neuron " + g.name + "." + n + " is not mapped; SANA-FE maps every neuron to a core");
                }
            }
        }
        // Which groups are inputs: every neuron's soma unit is of SANA-FE's input model.
        Group input = null;
        for (final Group g : groups.values())
        {
            int inputs = 0;
            for (int n = 0; n < g.size; n++)
            {
                final String model = arch.somaModels().get(g.somaUnit[n]);
                inputs += SanafeCores.INPUT_MODEL.equals(model) ? 1 : 0;
            }
            if (inputs > 0 && inputs < g.size)
            {
                throw yaml.fail("network.groups." + g.name, inputs + " of its " + g.size + " neurons are input units; csdsim takes a group whole "
                    + "as inputs or as neurons");
            }
            if (inputs > 0)
            {
                if (input != null)
                {
                    throw yaml.fail("network.groups." + g.name, "a second group of input units (the first is '" + input.name
                        + "'); csdsim takes one spike-train input");
                }
                input = g;
            }
        }
        if (input == null)
        {
            throw yaml.fail("network.groups", "no group of input units (soma model input); csdsim takes a network's input as spike trains "
                + "into one such group");
        }
        final int ticks = ticksAsked > 0 ? ticksAsked : Math.max(1, longestTrain(input));
        // Populations: the input group first, the others in the file's order.
        final List<Group> order = new ArrayList<>();
        order.add(input);
        for (final Group g : groups.values())
        {
            if (g != input)
            {
                order.add(g);
            }
        }
        final List<IntPopulation> pops = new ArrayList<>();
        for (final Group g : order)
        {
            g.population = pops.size();
            final IntPopulation p = new IntPopulation(g.population, g.name, IntPopulation.Kind.NEURONS, new int[] {g.size});
            if (g == input)
            {
                p.neuronModel = SpikeSourceReference.NAME;
            }
            else
            {
                p.neuronModel = "if";
                p.neuronParameters.putAll(ifParameters(g));
            }
            pops.add(p);
        }
        final Map<String, Pairs> pairs = new TreeMap<>();
        final List<JsonNode> edges = yaml.list(yaml.required(net, "edges", "network"), "network.edges");
        for (int i = 0; i < edges.size(); i++)
        {
            readEdge(edges.get(i), "network.edges[" + i + "]", pairs);
        }
        final List<Projection> projections = new ArrayList<>();
        final Map<Integer, IntArrayList> inputsOf = new TreeMap<>();
        long maxWeight = 1;
        for (final Map.Entry<String, Pairs> e : pairs.entrySet())
        {
            final Group from = e.getValue().from;
            final Group to = e.getValue().to;
            if (to == input)
            {
                throw yaml.fail("network.edges", "an edge into '" + to.name + "', a group of input units; they take no synapses");
            }
            final Pairs c = e.getValue();
            // Compressed rows by source neuron, each row in the file's order.
            final int[] rowStart = new int[from.size + 1];
            for (int k = 0; k < c.src.size(); k++)
            {
                rowStart[c.src.get(k) + 1]++;
            }
            for (int s = 0; s < from.size; s++)
            {
                rowStart[s + 1] += rowStart[s];
            }
            final int[] fill = rowStart.clone();
            final int[] targets = new int[c.src.size()];
            final short[] weights = new short[c.src.size()];
            for (int k = 0; k < c.src.size(); k++)
            {
                final int at = fill[c.src.get(k)]++;
                targets[at] = c.dst.get(k);
                weights[at] = (short)c.weight.get(k);
                maxWeight = Math.max(maxWeight, Math.abs((long)c.weight.get(k)));
            }
            final int id = projections.size();
            // Delay 1: SANA-FE buffers a tick's synaptic current at the soma, which takes it in the next tick.
            projections.add(Projection.sparse(id, from.name + "->" + to.name, from.population, from.size, to.size, rowStart, targets, weights, 1));
            inputsOf.computeIfAbsent(to.population, k -> new IntArrayList()).add(id);
        }
        for (final IntPopulation p : pops)
        {
            final IntArrayList in = inputsOf.get(p.id);
            p.inputs = in == null ? new int[0] : in.toArray();
            p.inputShifts = new int[p.inputs.length];
        }
        final int weightBits = 65 - Long.numberOfLeadingZeros(maxWeight);
        final int membraneBits = arch.membraneBits();
        final IntNetwork network = new IntNetwork(name, ticks, 1, Math.max(2, weightBits), membraneBits, null, pops, projections);
        NetworkCheck.check(file, network);
        final int[][] coreOf = new int[pops.size()][];
        final List<String> names = new ArrayList<>();
        for (final Group g : order)
        {
            coreOf[g.population] = g.core;
            names.add(g.name);
        }
        return new SanafeNetwork(network, coreOf, trains(input, ticks), List.copyOf(names), List.copyOf(warnings));
    }

    private void readGroup(final JsonNode node, final String where)
    {
        final String name = yaml.required(node, "name", where).asText();
        if (groups.containsKey(name))
        {
            throw yaml.fail(where + ".name", "'" + name + "' names a second group");
        }
        final Group g = new Group(name, groups.size());
        final Map<String, JsonNode> shared = soma(node.get("attributes"), where + ".attributes");
        final List<JsonNode> neurons = yaml.list(yaml.required(node, "neurons", where), where + ".neurons");
        final TreeMap<Integer, Map<String, JsonNode>> byId = new TreeMap<>();
        for (int i = 0; i < neurons.size(); i++)
        {
            final String nw = where + ".neurons[" + i + "]";
            final JsonNode entry = neurons.get(i);
            final String ids;
            final JsonNode attrs;
            if (entry.isObject())
            {
                if (entry.size() != 1)
                {
                    throw yaml.fail(nw, "expected one 'ID: attributes' or 'A..B: attributes' entry");
                }
                final var e = entry.fields().next();
                ids = e.getKey();
                attrs = e.getValue();
            }
            else
            {
                ids = entry.asText();
                attrs = null;
            }
            final Map<String, JsonNode> own = soma(attrs, nw);
            final Map<String, JsonNode> merged = new LinkedHashMap<>(shared);
            merged.putAll(own);
            final int[] range = ids(ids, nw);
            for (int n = range[0]; n <= range[1]; n++)
            {
                if (byId.put(n, merged) != null)
                {
                    throw yaml.fail(nw, "neuron " + name + "." + n + " is listed twice");
                }
            }
        }
        int expect = 0;
        for (final int id : byId.keySet())
        {
            if (id != expect++)
            {
                throw yaml.fail(where + ".neurons", "ids " + byId.firstKey() + ".." + byId.lastKey() + " with gaps; expected 0..n-1, each once");
            }
        }
        g.size = byId.size();
        if (g.size == 0)
        {
            throw yaml.fail(where + ".neurons", "an empty group");
        }
        g.attrs.addAll(byId.values());
        g.somaUnit = new String[g.size];
        g.core = new int[g.size];
        java.util.Arrays.fill(g.core, -1);
        for (int n = 0; n < g.size; n++)
        {
            final JsonNode hw = g.attrs.get(n).get("soma_hw_name");
            g.somaUnit[n] = hw == null ? null : hw.asText();
        }
        groups.put(name, g);
    }

    /** @return the attributes bound for the soma: top-level ones and those under {@code soma:}; dendrite-only ones are refused. */
    private Map<String, JsonNode> soma(final JsonNode attrs, final String where)
    {
        final Map<String, JsonNode> out = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> e : yaml.attributes(attrs, where).entrySet())
        {
            if (e.getKey().equals("soma"))
            {
                out.putAll(yaml.attributes(e.getValue(), where + ".soma"));
            }
            else if (e.getKey().equals("dendrite"))
            {
                if (!yaml.attributes(e.getValue(), where + ".dendrite").isEmpty())
                {
                    throw yaml.fail(where + ".dendrite", "attributes for the dendrite; csdsim's dendrite is SANA-FE's accumulator, which takes none");
                }
            }
            else
            {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private int[] ids(final String text, final String where)
    {
        final String t = text.trim();
        final Matcher m = RANGE.matcher(t);
        try
        {
            if (m.matches())
            {
                final int a = Integer.parseInt(m.group(1));
                final int b = Integer.parseInt(m.group(2));
                if (b < a || b - a >= 1 << 24)
                {
                    throw yaml.fail(where, "'" + t + "'; expected a..b with a <= b");
                }
                return new int[] {a, b};
            }
            final int n = Integer.parseInt(t);
            if (n < 0)
            {
                throw new NumberFormatException();
            }
            return new int[] {n, n};
        }
        catch (final NumberFormatException e)
        {
            throw yaml.fail(where, "'" + t + "'; expected a neuron id or a range a..b");
        }
    }

    private void readMapping(final JsonNode entry, final String where)
    {
        if (!entry.isObject() || entry.size() != 1)
        {
            throw yaml.fail(where, "expected one 'GROUP[.ID|.A..B]: {core: TILE.CORE}' entry");
        }
        final var e = entry.fields().next();
        final String key = e.getKey();
        final Map<String, JsonNode> a = yaml.attributes(e.getValue(), where + "." + key);
        Group g = groups.get(key);
        int lo = 0;
        int hi;
        if (g != null)
        {
            hi = g.size - 1;
        }
        else
        {
            final int dot = key.lastIndexOf('.', key.contains("..") ? key.indexOf("..") - 1 : key.length());
            g = dot < 0 ? null : groups.get(key.substring(0, dot));
            if (g == null)
            {
                throw yaml.fail(where, "'" + key + "' names no group of the network");
            }
            final int[] r = ids(key.substring(dot + 1), where);
            lo = r[0];
            hi = r[1];
            if (hi >= g.size)
            {
                throw yaml.fail(where, "'" + key + "': group " + g.name + " has neurons 0.." + (g.size - 1));
            }
        }
        final int core = core(a.get("core"), where + "." + key + ".core");
        for (final String k : a.keySet())
        {
            if (!Set.of("core", "soma", "dendrite", "synapse").contains(k))
            {
                throw yaml.fail(where + "." + key + "." + k, "unknown; a mapping gives core, soma, dendrite and synapse");
            }
        }
        final String soma = a.containsKey("soma") ? a.get("soma").asText() : null;
        if (a.containsKey("synapse") || a.containsKey("dendrite"))
        {
            warnings.add("mappings naming synapse or dendrite units (csdsim prices every synaptic event at the core's first synapse unit)");
        }
        for (int n = lo; n <= hi; n++)
        {
            if (g.core[n] >= 0)
            {
                throw yaml.fail(where, "neuron " + g.name + "." + n + " is mapped twice");
            }
            g.core[n] = core;
            if (soma != null)
            {
                g.somaUnit[n] = soma;
            }
            if (g.somaUnit[n] == null)
            {
                g.somaUnit[n] = arch.defaultSoma();
            }
            if (!arch.somaModels().containsKey(g.somaUnit[n]))
            {
                throw yaml.fail(where, "soma unit '" + g.somaUnit[n] + "' of neuron " + g.name + "." + n + " is not a soma unit of the architecture's "
                    + "cores");
            }
        }
    }

    private int core(final JsonNode v, final String where)
    {
        if (v == null)
        {
            throw yaml.fail(where, "missing; expected 'TILE.CORE'");
        }
        final String t = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        final Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(t.trim());
        if (!m.matches())
        {
            throw yaml.fail(where, "'" + t + "'; expected 'TILE.CORE'");
        }
        // Nine digits at most: any more is past every architecture (and past an int).
        final int tile = m.group(1).length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
        final int core = m.group(2).length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
        if (tile >= arch.tiles() || core >= arch.coresPerTile())
        {
            throw yaml.fail(where, "'" + t + "'; the architecture has tiles 0.." + (arch.tiles() - 1) + " of cores 0.." + (arch.coresPerTile() - 1));
        }
        return arch.coreNumber().applyAsInt(tile, core);
    }

    /** The {@code if} parameters of a group of Loihi LIF neurons: all its neurons alike. */
    private Map<String, String> ifParameters(final Group g)
    {
        Map<String, String> first = null;
        for (int n = 0; n < g.size; n++)
        {
            final String where = "network.groups." + g.name + ".neurons[" + n + "]";
            final String model = arch.somaModels().get(g.somaUnit[n]);
            if (!"leaky_integrate_fire".equals(model))
            {
                throw yaml.fail(where, "soma unit '" + g.somaUnit[n] + "' is of model '" + model + "'; csdsim runs SANA-FE's input and "
                    + "leaky_integrate_fire units");
            }
            final Map<String, String> p = lif(g.attrs.get(n), where);
            if (first == null)
            {
                first = p;
            }
            else if (!first.equals(p))
            {
                throw yaml.fail(where, "attributes " + p + " differ from neuron " + g.name + ".0's " + first + "; csdsim's populations share "
                    + "their neurons' parameters (split the group)");
            }
        }
        return first;
    }

    private Map<String, String> lif(final Map<String, JsonNode> a, final String where)
    {
        for (final String k : a.keySet())
        {
            if (!LIF.contains(k) && !RESERVED.contains(k))
            {
                throw yaml.fail(where + "." + k, "not an attribute of leaky_integrate_fire (" + String.join(", ", new java.util.TreeSet<>(LIF)) + ")");
            }
        }
        if (real(a, "leak_decay", 1.0, where) != 1.0 || real(a, "input_decay", 0.0, where) != 0.0)
        {
            throw yaml.fail(where + ".leak_decay", "a leak (leak_decay " + real(a, "leak_decay", 1.0, where) + ", input_decay "
                + real(a, "input_decay", 0.0, where) + "); csdsim imports SANA-FE's LIF without leak exactly (leak_decay 1, input_decay 0): "
                + "a real-valued decay has no exact integer equivalent");
        }
        if (real(a, "refractory_delay", 0.0, where) != 0)
        {
            throw yaml.fail(where + ".refractory_delay", "a refractory period; csdsim's if model has none (use cuba-lif through a network file)");
        }
        if (a.containsKey("force_update") && a.get("force_update").asBoolean()
            || a.containsKey("force_update_every_timestep") && a.get("force_update_every_timestep").asBoolean())
        {
            throw yaml.fail(where + ".force_update", "true; csdsim counts SANA-FE's updates from potential, bias and input only");
        }
        final Map<String, String> p = new TreeMap<>();
        final long theta = whole(a, "threshold", 0, where);
        if (theta <= 0)
        {
            throw yaml.fail(where + ".threshold", theta + "; csdsim's if model fires above a threshold > 0 (SANA-FE's default is 0: set it)");
        }
        p.put("theta", Long.toString(theta));
        p.put("compare", "gt");
        p.put("active", "nonzero");
        final String mode = a.containsKey("reset_mode") ? a.get("reset_mode").asText() : "hard";
        switch (mode)
        {
            case "hard" -> {
                p.put("reset", "hard");
                p.put("resetValue", Long.toString(whole(a, "reset", 0, where)));
            }
            case "soft" -> p.put("reset", "soft");
            case "none", "saturate" -> p.put("reset", "none");
            default -> throw yaml.fail(where + ".reset_mode", "'" + mode + "'; expected hard, soft, none or saturate");
        }
        final long bias = whole(a, "bias", 0, where);
        if (bias != 0)
        {
            p.put("bias", Long.toString(bias));
        }
        final long v0 = whole(a, "potential", 0, where);
        if (v0 != 0)
        {
            p.put("v0", Long.toString(v0));
        }
        final String reverse = a.containsKey("reverse_reset_mode") ? a.get("reverse_reset_mode").asText() : "none";
        if (reverse.equals("saturate"))
        {
            final long floor = whole(a, "reverse_threshold", 0, where);
            if (floor > 0 || mode.equals("hard") && whole(a, "reset", 0, where) < floor)
            {
                throw yaml.fail(where + ".reverse_threshold", floor + "; csdsim's floor is exact for a reverse threshold <= 0 that no reset "
                    + "goes below");
            }
            p.put("floor", Long.toString(floor));
        }
        else if (!reverse.equals("none"))
        {
            throw yaml.fail(where + ".reverse_reset_mode", "'" + reverse + "'; csdsim imports none and saturate (a floor)");
        }
        return p;
    }

    private double real(final Map<String, JsonNode> a, final String key, final double absent, final String where)
    {
        return a.containsKey(key) ? yaml.number(a.get(key), where + "." + key) : absent;
    }

    private long whole(final Map<String, JsonNode> a, final String key, final long absent, final String where)
    {
        if (!a.containsKey(key))
        {
            return absent;
        }
        final double d = yaml.number(a.get(key), where + "." + key);
        if (d != Math.rint(d) || Math.abs(d) > 1L << 40)
        {
            throw yaml.fail(where + "." + key, d + "; csdsim runs SANA-FE networks exactly with integer potentials, thresholds and biases");
        }
        return (long)d;
    }

    private void readEdge(final JsonNode entry, final String where, final Map<String, Pairs> pairs)
    {
        if (!entry.isObject() || entry.size() != 1)
        {
            throw yaml.fail(where, "expected one 'SRC -> DST: attributes' entry");
        }
        final var e = entry.fields().next();
        final String[] ends = e.getKey().split("->");
        if (ends.length != 2)
        {
            throw yaml.fail(where, "'" + e.getKey() + "'; expected 'SRC -> DST'");
        }
        final String at = where + " (" + e.getKey().trim() + ")";
        final Map<String, JsonNode> attrs = flattenEdge(yaml.attributes(e.getValue(), at), at);
        final String srcText = ends[0].trim();
        final String dstText = ends[1].trim();
        if (groups.containsKey(srcText) != groups.containsKey(dstText))
        {
            throw yaml.fail(at, "'" + (groups.containsKey(srcText) ? dstText : srcText) + "' is not a group of the network (a group-to-group "
                + "edge joins two groups; a connection GROUP.ID -> GROUP.ID)");
        }
        if (groups.containsKey(srcText))
        {
            hyperedge(groups.get(srcText), groups.get(dstText), attrs, at, pairs);
            return;
        }
        final NeuronRef src = neuron(srcText, at);
        final NeuronRef dst = neuron(dstText, at);
        for (final String k : attrs.keySet())
        {
            if (!Set.of("weight", "w", "delay", "d").contains(k))
            {
                throw yaml.fail(at + "." + k, "unknown for a connection; expected weight (w) and delay (d)");
            }
        }
        checkDelay(attrs, at, 0);
        add(pairs, src.group(), src.id(), dst.group(), dst.id(), weight(attrs, at, -1));
    }

    /** Synapse- and dendrite-bound attributes join the edge's own: csdsim has one synapse and one dendrite kind. */
    private Map<String, JsonNode> flattenEdge(final Map<String, JsonNode> attrs, final String where)
    {
        final Map<String, JsonNode> out = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> e : attrs.entrySet())
        {
            if (e.getKey().equals("synapse") || e.getKey().equals("dendrite"))
            {
                out.putAll(yaml.attributes(e.getValue(), where + "." + e.getKey()));
            }
            else
            {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** One neuron of the network: its group and its id there. */
    private record NeuronRef(Group group, int id)
    {
    }

    private NeuronRef neuron(final String text, final String where)
    {
        final int dot = text.lastIndexOf('.');
        final Group g = dot < 0 ? null : groups.get(text.substring(0, dot));
        if (g == null)
        {
            throw yaml.fail(where, "'" + text + "' is neither a group nor GROUP.ID of the network");
        }
        final int[] id = ids(text.substring(dot + 1), where);
        if (id[0] != id[1] || id[0] >= g.size)
        {
            throw yaml.fail(where, "'" + text + "'; group " + g.name + " has neurons 0.." + (g.size - 1));
        }
        return new NeuronRef(g, id[0]);
    }

    private void hyperedge(final Group src, final Group dst, final Map<String, JsonNode> a, final String where, final Map<String, Pairs> pairs)
    {
        final String type = a.containsKey("type") ? a.get("type").asText() : "";
        switch (type)
        {
            case "dense" -> {
                allowed(a, Set.of("type", "weight", "w", "delay", "d"), where);
                checkDelay(a, where, (long)src.size * dst.size);
                for (int s = 0; s < src.size; s++)
                {
                    for (int d = 0; d < dst.size; d++)
                    {
                        add(pairs, src, s, dst, d, weight(a, where, (long)s * dst.size + d));
                    }
                }
            }
            case "sparse" -> {
                allowed(a, Set.of("type", "source_target_pairs", "weight", "w", "delay", "d"), where);
                final List<JsonNode> st = yaml.list(a.get("source_target_pairs"), where + ".source_target_pairs");
                checkDelay(a, where, st.size());
                for (int k = 0; k < st.size(); k++)
                {
                    final JsonNode pair = st.get(k);
                    final String pw = where + ".source_target_pairs[" + k + "]";
                    if (!pair.isArray() || pair.size() != 2)
                    {
                        throw yaml.fail(pw, "expected [source, target]");
                    }
                    final int s = yaml.integer(pair.get(0), pw + "[0]");
                    final int d = yaml.integer(pair.get(1), pw + "[1]");
                    if (s < 0 || s >= src.size || d < 0 || d >= dst.size)
                    {
                        throw yaml.fail(pw, "[" + s + ", " + d + "]; expected sources 0.." + (src.size - 1) + " and targets 0.." + (dst.size - 1));
                    }
                    add(pairs, src, s, dst, d, weight(a, where, k));
                }
            }
            case "conv2d" -> conv(src, dst, a, where, pairs);
            default -> throw yaml.fail(where + ".type", "'" + type + "'; a group-to-group edge is dense, sparse or conv2d");
        }
    }

    private void conv(final Group src, final Group dst, final Map<String, JsonNode> a, final String where, final Map<String, Pairs> pairs)
    {
        allowed(a, Set.of("type", "weight", "w", "delay", "d", "input_width", "input_height", "input_channels", "kernel_width", "kernel_height",
            "kernel_count", "stride_width", "stride_height"), where);
        final int w = positive(a, "input_width", -1, where);
        final int h = positive(a, "input_height", -1, where);
        final int c = positive(a, "input_channels", -1, where);
        final int kw = positive(a, "kernel_width", -1, where);
        final int kh = positive(a, "kernel_height", -1, where);
        final int k = positive(a, "kernel_count", 1, where);
        final int sw = positive(a, "stride_width", 1, where);
        final int sh = positive(a, "stride_height", 1, where);
        if (kw > w || kh > h)
        {
            throw yaml.fail(where, "a " + kw + "x" + kh + " kernel on a " + w + "x" + h + " input; SANA-FE's conv2d has no padding");
        }
        final int ow = (w - kw) / sw + 1;
        final int oh = (h - kh) / sh + 1;
        if ((long)c * w * h != src.size || (long)k * ow * oh != dst.size)
        {
            throw yaml.fail(where, "groups of " + src.size + " and " + dst.size + " neurons; the convolution takes " + (long)c * w * h
                + " (channels × height × width) to " + (long)k * oh * ow);
        }
        checkDelay(a, where, (long)kh * kw * c * k);
        // SANA-FE's order: per output neuron (channel, y, x), its kernel's inputs channel by channel, row by row.
        for (int co = 0; co < k; co++)
        {
            for (int y = 0; y < oh; y++)
            {
                for (int x = 0; x < ow; x++)
                {
                    final int d = (co * oh + y) * ow + x;
                    for (int ci = 0; ci < c; ci++)
                    {
                        for (int fy = 0; fy < kh; fy++)
                        {
                            for (int fx = 0; fx < kw; fx++)
                            {
                                final int s = (ci * h + y * sh + fy) * w + x * sw + fx;
                                final long filter = ((long)(fy * kw + fx) * c + ci) * k + co;
                                add(pairs, src, s, dst, d, weight(a, where, filter));
                            }
                        }
                    }
                }
            }
        }
    }

    private int positive(final Map<String, JsonNode> a, final String key, final int absent, final String where)
    {
        if (!a.containsKey(key))
        {
            if (absent < 0)
            {
                throw yaml.fail(where + "." + key, "missing");
            }
            return absent;
        }
        final int v = yaml.integer(a.get(key), where + "." + key);
        if (v < 1)
        {
            throw yaml.fail(where + "." + key, v + "; expected an integer >= 1");
        }
        return v;
    }

    private void allowed(final Map<String, JsonNode> a, final Set<String> keys, final String where)
    {
        for (final String k : a.keySet())
        {
            if (!keys.contains(k))
            {
                throw yaml.fail(where + "." + k, "unknown for this edge; expected " + String.join(", ", new java.util.TreeSet<>(keys)));
            }
        }
    }

    /** SANA-FE's accumulator_with_delay delays are not imported: every one must be 0. */
    private void checkDelay(final Map<String, JsonNode> a, final String where, final long count)
    {
        for (final String key : new String[] {"delay", "d"})
        {
            final JsonNode d = a.get(key);
            if (d == null)
            {
                continue;
            }
            final List<JsonNode> all = d.isArray() ? yaml.list(d, where + "." + key) : List.of(d);
            for (int i = 0; i < all.size(); i++)
            {
                if (yaml.number(all.get(i), where + "." + key) != 0)
                {
                    throw yaml.fail(where + "." + key + (d.isArray() ? "[" + i + "]" : ""), all.get(i).asText()
                        + "; csdsim imports dendritic delays of 0 only (a spike acts in the next tick)");
                }
            }
            if (d.isArray() && count >= 0 && all.size() < count)
            {
                throw yaml.fail(where + "." + key, all.size() + " entries; expected " + count);
            }
        }
    }

    /** @return the weight of connection {@code index} of a hyperedge's lists, or the connection's own (index −1). */
    private int weight(final Map<String, JsonNode> a, final String where, final long index)
    {
        final String key = a.containsKey("weight") ? "weight" : "w";
        final JsonNode v = a.get(key);
        if (v == null)
        {
            throw yaml.fail(where + ".weight", "missing");
        }
        final JsonNode one;
        if (index < 0)
        {
            one = v;
        }
        else
        {
            if (!v.isArray())
            {
                throw yaml.fail(where + "." + key, "expected a list with one weight per connection");
            }
            if (index >= v.size())
            {
                throw yaml.fail(where + "." + key, v.size() + " weights; the edge makes at least " + (index + 1) + " connections");
            }
            one = v.get((int)index);
        }
        final String at = where + "." + key + (index < 0 ? "" : "[" + index + "]");
        final double d = yaml.number(one, at);
        if (d != Math.rint(d) || Math.abs(d) > MAX_WEIGHT)
        {
            throw yaml.fail(at, d + "; csdsim runs SANA-FE networks exactly with integer weights of at most 16 bits (|w| <= " + MAX_WEIGHT + ")");
        }
        return (int)d;
    }

    private static void add(final Map<String, Pairs> pairs, final Group src, final int s, final Group dst, final int d, final int w)
    {
        // Keyed in the file's group order: projections come out in a fixed order.
        final Pairs p = pairs.computeIfAbsent(String.format("%08d %08d", src.index, dst.index), k -> new Pairs(src, dst));
        p.src.add(s);
        p.dst.add(d);
        p.weight.add(w);
    }

    private int longestTrain(final Group input)
    {
        int longest = 0;
        for (int n = 0; n < input.size; n++)
        {
            final JsonNode s = input.attrs.get(n).get("spikes");
            longest = Math.max(longest, s != null && s.isArray() ? s.size() : 0);
        }
        return longest;
    }

    /** The input units' trains: entry k of a unit's {@code spikes} is its spike in tick k (SANA-FE's tick k + 1). */
    private SpikeTrainSet trains(final Group input, final int ticks)
    {
        final IntArrayList[] perTick = new IntArrayList[ticks];
        for (int t = 0; t < ticks; t++)
        {
            perTick[t] = new IntArrayList();
        }
        boolean any = false;
        for (int n = 0; n < input.size; n++)
        {
            final String where = "network.groups." + input.name + ".neurons[" + n + "]";
            final Map<String, JsonNode> a = input.attrs.get(n);
            for (final String k : a.keySet())
            {
                if (!INPUT.contains(k) && !RESERVED.contains(k))
                {
                    throw yaml.fail(where + "." + k, "not an attribute of an input unit (spikes)");
                }
            }
            if (a.containsKey("poisson") || a.containsKey("rate"))
            {
                throw yaml.fail(where + "." + (a.containsKey("poisson") ? "poisson" : "rate"), "SANA-FE draws these trains with its own generator; "
                    + "give spikes: [...] or let csdsim draw them (--rate P --seed S)");
            }
            final JsonNode s = a.get("spikes");
            if (s == null)
            {
                continue;
            }
            any = true;
            final List<JsonNode> train = yaml.list(s, where + ".spikes");
            for (int t = 0; t < Math.min(ticks, train.size()); t++)
            {
                final JsonNode v = train.get(t);
                final boolean fire = v.isBoolean() ? v.asBoolean() : yaml.number(v, where + ".spikes[" + t + "]") != 0;
                if (fire)
                {
                    perTick[t].add(n);
                }
            }
        }
        if (!any)
        {
            return null;
        }
        final int[][] firing = new int[ticks][];
        for (int t = 0; t < ticks; t++)
        {
            firing[t] = perTick[t].toArray();
        }
        return SpikeTrainSet.ofOneSample(input.size, firing, file + " (input units' spikes)");
    }
}
