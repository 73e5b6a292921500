package io.csdsim.models.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.neuron.SpikeSourceReference;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.NetworkCheck;
import io.csdsim.models.quant.ProductIndex;
import io.csdsim.models.quant.Projection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a network file (docs/network-file.md): an integer network of any layered or recurrent SNN —
 * populations with a neuron model, projections of a connectivity kind — with its weights inline. The
 * reader checks the file's fields (names, types, references, weight ranges); the network itself is
 * validated on the graph by {@link NetworkCheck}, as for every producer.
 */
public final class NetworkFileReader
{
    public static final String FORMAT = "csdsim-network";
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> TOP_KEYS = Set.of("format", "formatVersion", "name", "T", "weightBits", "membraneBits", "input",
        "populations", "projections");
    private static final Set<String> POPULATION_KEYS = Set.of("name", "kind", "shape", "neuron", "inputs", "source", "window");
    private static final Set<String> PROJECTION_KEYS = Set.of("name", "kind", "source", "a", "b", "tokens", "height", "width", "in", "out",
        "kernel", "stride", "pad", "groups", "rowStart", "targets", "weights", "delay", "map");

    private final String src;
    private final JsonFields f;

    private NetworkFileReader(final String src)
    {
        this.src = src;
        this.f = new JsonFields(src);
    }

    /** @return whether the JSON file declares this format (so a command can tell it from a model file); false when unreadable. */
    public static boolean isNetworkFile(final Path json)
    {
        try
        {
            final JsonFields fields = new JsonFields(json.toString());
            final JsonNode format = fields.object(fields.bytes(json)).get("format");
            return format != null && FORMAT.equals(format.asText());
        }
        catch (final InvalidInputException e)
        {
            return false;
        }
    }

    /** Reads and validates the network. */
    public static IntNetwork read(final Path json)
    {
        final NetworkFileReader r = new NetworkFileReader(json.toString());
        return r.parse(r.f.bytes(json));
    }

    /** Reads a network held in memory; {@code src} names it in messages. */
    public static IntNetwork parse(final String src, final byte[] json)
    {
        return new NetworkFileReader(src).parse(json);
    }

    private IntNetwork parse(final byte[] bytes)
    {
        final JsonNode root = f.object(bytes);
        f.unknownKeys(root, TOP_KEYS, "");
        f.requireFormat(root, FORMAT, FORMAT_VERSION);
        final String name = f.text(root, "name");
        final int t = f.integer(root, "T");
        InputLimits.checkRunTicks(src, "T", t);
        final int weightBits = f.integer(root, "weightBits");
        if (weightBits < 2 || weightBits > 16)
        {
            throw new InvalidInputException(src, "weightBits", weightBits + "; expected 2..16");
        }
        final int membraneBits = f.integer(root, "membraneBits");
        if (membraneBits < 8 || membraneBits > 62)
        {
            throw new InvalidInputException(src, "membraneBits", membraneBits + "; expected 8..62");
        }
        // No image stage: the network's input is spike trains into its spike-source population.
        final InputSpec input = root.has("input") ? f.inputSpec(root) : null;
        final JsonNode popArray = array(root, "populations");
        final JsonNode projArray = array(root, "projections");
        final Map<String, Integer> popIds = names(popArray, "populations");
        final Map<String, Integer> projIds = names(projArray, "projections");
        final List<Projection> projections = new ArrayList<>();
        for (int k = 0; k < projArray.size(); k++)
        {
            projections.add(projection(projArray.get(k), k, popIds, weightBits));
        }
        final List<IntPopulation> populations = new ArrayList<>();
        for (int id = 0; id < popArray.size(); id++)
        {
            populations.add(population(popArray.get(id), id, popIds, projIds));
        }
        final long images = populations.stream().filter(p -> p.kind == IntPopulation.Kind.INPUT).count();
        if (input != null && (populations.get(0).kind != IntPopulation.Kind.INPUT || images != 1))
        {
            throw new InvalidInputException(src, "populations", "with an 'input' image stage, expected exactly one population of kind "
                + "'input', the first");
        }
        if (input != null && populations.get(0).size != input.height() * input.width() * input.channels())
        {
            throw new InvalidInputException(src, "populations[0].shape", populations.get(0).size + " units; the input stage delivers "
                + input.height() + " × " + input.width() + " × " + input.channels());
        }
        if (input == null && (images != 0 || !SpikeSourceReference.NAME.equals(populations.get(0).neuronModel)))
        {
            throw new InvalidInputException(src, "input", "missing: a network takes images (an 'input' stage and a first population of kind "
                + "'input') or spike trains (a first population of neuron model '" + SpikeSourceReference.NAME + "')");
        }
        final IntNetwork net = new IntNetwork(name, t, 1, weightBits, membraneBits, input, populations, projections);
        NetworkCheck.check(src, net);
        return net;
    }

    private JsonNode array(final JsonNode root, final String field)
    {
        final JsonNode a = root.get(field);
        if (a == null || !a.isArray() || a.isEmpty())
        {
            throw new InvalidInputException(src, field, "missing or empty; expected an array of objects");
        }
        return a;
    }

    private Map<String, Integer> names(final JsonNode array, final String field)
    {
        final Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < array.size(); i++)
        {
            if (!array.get(i).isObject())
            {
                throw new InvalidInputException(src, field + "[" + i + "]", "expected an object");
            }
            final String n = f.text(array.get(i), "name", field + "[" + i + "].name");
            if (ids.put(n, i) != null)
            {
                throw new InvalidInputException(src, field + "[" + i + "].name", "'" + n + "' names two " + field);
            }
        }
        return ids;
    }

    private int ref(final Map<String, Integer> ids, final JsonNode n, final String field, final String where, final String what)
    {
        final String name = f.text(n, field, where + "." + field);
        final Integer id = ids.get(name);
        if (id == null)
        {
            throw new InvalidInputException(src, where + "." + field, "'" + name + "' is not a " + what + " of the file");
        }
        return id;
    }

    private IntPopulation population(final JsonNode n, final int id, final Map<String, Integer> popIds, final Map<String, Integer> projIds)
    {
        final String where = "populations[" + id + "]";
        f.unknownKeys(n, POPULATION_KEYS, where + ".");
        final String kind = f.text(n, "kind", where + ".kind");
        final int[] shape = f.intArray(n, "shape", where + ".shape");
        long size = 1;
        for (final int d : shape)
        {
            size *= Math.max(0, d);
            if (d < 1 || size > InputLimits.MAX_NODE_UNITS)
            {
                throw new InvalidInputException(src, where + ".shape", java.util.Arrays.toString(shape) + "; expected sides >= 1 and at most "
                    + InputLimits.MAX_NODE_UNITS + " units");
            }
        }
        final String name = n.get("name").asText();
        final IntPopulation p;
        switch (kind)
        {
            case "input" -> p = new IntPopulation(id, name, IntPopulation.Kind.INPUT, shape);
            case "neurons" -> {
                p = new IntPopulation(id, name, IntPopulation.Kind.NEURONS, shape);
                final JsonNode neuron = n.get("neuron");
                if (neuron == null || !neuron.isObject())
                {
                    throw new InvalidInputException(src, where + ".neuron", "missing; expected {\"model\": NAME, PARAMETER: VALUE, ...}");
                }
                p.neuronModel = f.text(neuron, "model", where + ".neuron.model");
                for (final var it = neuron.fields(); it.hasNext(); )
                {
                    final var e = it.next();
                    if (!e.getKey().equals("model"))
                    {
                        if (!e.getValue().isIntegralNumber() && !e.getValue().isTextual())
                        {
                            throw new InvalidInputException(src, where + ".neuron." + e.getKey(), e.getValue() + "; expected an integer or a word");
                        }
                        p.neuronParameters.put(e.getKey(), e.getValue().asText());
                    }
                }
                // A spike source takes the host's trains, so it may leave out its (empty) inputs.
                final JsonNode inputs = n.get("inputs");
                if (inputs == null && SpikeSourceReference.NAME.equals(p.neuronModel))
                {
                    break;
                }
                if (inputs == null || !inputs.isArray())
                {
                    throw new InvalidInputException(src, where + ".inputs", "missing; expected [{\"projection\": NAME, \"shift\": BITS}, ...]");
                }
                p.inputs = new int[inputs.size()];
                p.inputShifts = new int[inputs.size()];
                for (int k = 0; k < inputs.size(); k++)
                {
                    final String at = where + ".inputs[" + k + "]";
                    f.unknownKeys(inputs.get(k), Set.of("projection", "shift"), at + ".");
                    p.inputs[k] = ref(projIds, inputs.get(k), "projection", at, "projection");
                    p.inputShifts[k] = f.integer(inputs.get(k), "shift", at + ".shift");
                }
            }
            case "max-pool" -> {
                p = new IntPopulation(id, name, IntPopulation.Kind.MAX_POOL, shape);
                p.source = ref(popIds, n, "source", where, "population");
                final JsonNode w = n.get("window");
                if (w == null || !w.isObject())
                {
                    throw new InvalidInputException(src, where + ".window", "missing; expected {\"kernel\": K, \"stride\": S, \"pad\": P}");
                }
                f.unknownKeys(w, Set.of("kernel", "stride", "pad"), where + ".window.");
                p.poolKernel = f.integer(w, "kernel", where + ".window.kernel");
                p.poolStride = f.integer(w, "stride", where + ".window.stride");
                p.poolPad = f.integer(w, "pad", where + ".window.pad");
            }
            default -> throw new InvalidInputException(src, where + ".kind", "'" + kind + "'; expected input, neurons or max-pool");
        }
        return p;
    }

    private Projection projection(final JsonNode n, final int k, final Map<String, Integer> popIds, final int weightBits)
    {
        final String where = "projections[" + k + "]";
        f.unknownKeys(n, PROJECTION_KEYS, where + ".");
        final String name = n.get("name").asText();
        final String kind = f.text(n, "kind", where + ".kind");
        final int delay = n.has("delay") ? f.integer(n, "delay", where + ".delay") : 0;
        return switch (kind)
        {
            case "linear" -> {
                final int tokens = f.integer(n, "tokens", where + ".tokens");
                final int in = f.integer(n, "in", where + ".in");
                final int out = f.integer(n, "out", where + ".out");
                positive(where, tokens, in, out);
                final short[] w = weights(n, where, (long)in * out, weightBits);
                final Projection p = new Projection(k, name, Projection.Kind.LINEAR, ref(popIds, n, "source", where, "population"), -1, tokens,
                    1, in, out, w, tokens * out, 1.0);
                if (delay != 0)
                {
                    throw new InvalidInputException(src, where + ".delay", "a linear projection takes the schedule's delay; write it as sparse to give one");
                }
                yield p;
            }
            case "conv" -> {
                final int h = f.integer(n, "height", where + ".height");
                final int wd = f.integer(n, "width", where + ".width");
                final int in = f.integer(n, "in", where + ".in");
                final int out = f.integer(n, "out", where + ".out");
                final int kernel = f.integer(n, "kernel", where + ".kernel");
                final int groups = n.has("groups") ? f.integer(n, "groups", where + ".groups") : 1;
                positive(where, h, wd, in, out, kernel, groups);
                final short[] w = weights(n, where, (long)kernel * kernel * (in / groups) * out, weightBits);
                yield Projection.conv(k, name, ref(popIds, n, "source", where, "population"), h, wd, in, out, kernel,
                    n.has("stride") ? f.integer(n, "stride", where + ".stride") : 1, n.has("pad") ? f.integer(n, "pad", where + ".pad") : 0, groups,
                    w, delay);
            }
            case "sparse" -> {
                final int in = f.integer(n, "in", where + ".in");
                final int out = f.integer(n, "out", where + ".out");
                positive(where, in, out);
                final int[] rows = f.intArray(n, "rowStart", where + ".rowStart");
                final int[] targets = f.intArray(n, "targets", where + ".targets");
                final short[] w = weights(n, where, targets.length, weightBits);
                yield Projection.sparse(k, name, ref(popIds, n, "source", where, "population"), in, out, rows, targets, w, n.has("delay") ? delay : 1);
            }
            case "product" -> {
                final int a = ref(popIds, n, "a", where, "population");
                final int b = ref(popIds, n, "b", where, "population");
                yield Projection.product(k, name, a, b, productIndex(n.get("map"), where + ".map"), 1.0);
            }
            default -> throw new InvalidInputException(src, where + ".kind", "'" + kind + "'; expected linear, conv, sparse or product");
        };
    }

    private void positive(final String where, final int... values)
    {
        for (final int v : values)
        {
            if (v < 1 || v > InputLimits.MAX_NODE_UNITS)
            {
                throw new InvalidInputException(src, where, "a size of " + v + "; sizes are 1.." + InputLimits.MAX_NODE_UNITS);
            }
        }
    }

    private short[] weights(final JsonNode n, final String where, final long expected, final int weightBits)
    {
        final int[] w = f.intArray(n, "weights", where + ".weights");
        if (w.length != expected)
        {
            throw new InvalidInputException(src, where + ".weights", w.length + " weights; expected " + expected);
        }
        final int max = (1 << weightBits - 1) - 1;
        final short[] out = new short[w.length];
        for (int i = 0; i < w.length; i++)
        {
            if (w[i] < -max - 1 || w[i] > max)
            {
                throw new InvalidInputException(src, where + ".weights[" + i + "]", w[i] + "; " + weightBits + "-bit weights are " + (-max - 1)
                    + ".." + max);
            }
            out[i] = (short)w[i];
        }
        return out;
    }

    private ProductIndex productIndex(final JsonNode m, final String where)
    {
        if (m == null || !m.isObject())
        {
            throw new InvalidInputException(src, where, "missing; expected {\"a\": AXES, \"b\": AXES, \"out\": AXES, \"extents\": {AXIS: N, ...}}");
        }
        f.unknownKeys(m, Set.of("a", "b", "out", "extents"), where + ".");
        final JsonNode ext = m.get("extents");
        if (ext == null || !ext.isObject())
        {
            throw new InvalidInputException(src, where + ".extents", "missing; expected {AXIS: N, ...}");
        }
        final StringBuilder axes = new StringBuilder();
        final int[] extents = new int[ext.size()];
        int i = 0;
        for (final var it = ext.fields(); it.hasNext(); i++)
        {
            final var e = it.next();
            if (e.getKey().length() != 1)
            {
                throw new InvalidInputException(src, where + ".extents." + e.getKey(), "an axis is one letter a-z");
            }
            axes.append(e.getKey());
            extents[i] = f.integer(ext, e.getKey(), where + ".extents." + e.getKey());
        }
        final ProductIndex map = new ProductIndex(f.text(m, "a", where + ".a"), f.text(m, "b", where + ".b"), f.text(m, "out", where + ".out"),
            axes.toString(), extents);
        final String problem = map.problem();
        if (problem != null)
        {
            throw new InvalidInputException(src, where, problem);
        }
        return map;
    }
}
