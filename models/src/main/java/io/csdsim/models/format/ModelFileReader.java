package io.csdsim.models.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.CsdformerGraphBuilder;
import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;
import io.csdsim.models.safetensors.Dtype;
import io.csdsim.models.safetensors.SafetensorsFile;
import io.csdsim.models.safetensors.TensorInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates a model file and its weights into a {@link ModelGraph}. */
public final class ModelFileReader
{
    public static final String FORMAT = "csdsim-model";
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> TOP_KEYS = Set.of("format", "formatVersion", "name", "architecture", "T", "D", "input",
        "weights", "nodes");
    private static final Set<String> NODE_KEYS = Set.of("name", "op", "inputs", "shape", "weight", "bias", "archBias",
        "archBatchNorm", "heads", "scale", "threshold", "v0");

    private final String src;
    private final JsonFields f;

    private ModelFileReader(final String src)
    {
        this.src = src;
        this.f = new JsonFields(src);
    }

    /** Reads the graph and its weights. */
    public static ModelGraph read(final Path json)
    {
        final ModelFileReader r = new ModelFileReader(json.toString());
        return r.readGraph(r.f.bytes(json), name -> SafetensorsFile.open(r.weightsPath(json, name)));
    }

    /** The largest model JSON {@link #weightsFile} reads: far above any model's structure, far below the heap. */
    private static final long MAX_STRUCTURE_BYTES = 64L << 20;

    /**
     * @return the weights file a model file names, resolved as {@link #read} resolves it, or null when
     * the file is no model file or names none it may (reading it says why): an input of the run, which
     * no output may overwrite
     */
    public static Path weightsFile(final Path json)
    {
        final ModelFileReader r = new ModelFileReader(json.toString());
        try
        {
            // A model's JSON is its structure, its weights elsewhere: a larger file is no model to look into here (reading it says why).
            if (Files.size(json) > MAX_STRUCTURE_BYTES)
            {
                return null;
            }
            final JsonNode weights = r.f.object(r.f.bytes(json)).get("weights");
            return weights != null && weights.isTextual() ? r.weightsPath(json, weights.asText()) : null;
        }
        catch (final IOException | RuntimeException notAModel)
        {
            return null;
        }
    }

    /** Reads the graph only (for inspecting a model whose weights are elsewhere). */
    public static ModelGraph readStructure(final Path json)
    {
        final ModelFileReader r = new ModelFileReader(json.toString());
        return r.readGraph(r.f.bytes(json), null);
    }

    /**
     * Reads a model held in memory.
     *
     * @param src names the file in messages.
     * @param weights opens the weights file the model names; null reads the structure only.
     */
    public static ModelGraph parse(final String src, final byte[] json, final java.util.function.Function<String, SafetensorsFile> weights)
    {
        return new ModelFileReader(src).readGraph(json, weights);
    }

    private ModelGraph readGraph(final byte[] bytes, final java.util.function.Function<String, SafetensorsFile> weights)
    {
        final JsonNode root = f.object(bytes);
        f.unknownKeys(root, TOP_KEYS, "");
        f.requireFormat(root, FORMAT, FORMAT_VERSION);
        final String name = f.text(root, "name");
        final int t = f.integer(root, "T");
        InputLimits.checkTimeWindow(src, "T", t);
        final int d = f.integer(root, "D");
        InputLimits.checkDelay(src, "D", d);
        final Map<String, Object> arch = new LinkedHashMap<>();
        final JsonNode a = root.get("architecture");
        if (a != null)
        {
            if (!a.isObject())
            {
                throw new InvalidInputException(src, "architecture", "expected an object");
            }
            a.fields().forEachRemaining(e -> arch.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().asText()));
        }
        final InputSpec input = f.inputSpec(root);
        final List<GraphNode> nodes = sortTopologically(parseNodes(root));
        final ModelGraph g;
        try
        {
            g = new ModelGraph(name, arch, t, d, input, nodes);
        }
        catch (final IllegalArgumentException e)
        {
            throw new InvalidInputException(src, "nodes", e.getMessage());
        }
        checkShapes(g);
        if (weights != null)
        {
            loadWeights(g, weights.apply(f.text(root, "weights")));
        }
        return g;
    }

    /**
     * @return the weights file, which must lie under the model file's folder: a model names its own
     * weights, never another file of the machine (an absolute path, "..", or a link leading out).
     */
    private Path weightsPath(final Path json, final String name)
    {
        final Path dir = json.toAbsolutePath().normalize().getParent();
        final Path named;
        try
        {
            named = Path.of(name);
        }
        catch (final java.nio.file.InvalidPathException e)
        {
            throw new InvalidInputException(src, "weights", "'" + name + "' is not a file name");
        }
        final Path p = dir.resolve(named).normalize();
        if (named.isAbsolute() || name.isEmpty() || !p.startsWith(dir) || p.equals(dir))
        {
            throw new InvalidInputException(src, "weights", "'" + name + "'; expected a file in the model's folder " + dir
                + " or below it (docs/reliability.md)");
        }
        try
        {
            if (Files.exists(p) && !p.toRealPath().startsWith(dir.toRealPath()))
            {
                throw new InvalidInputException(src, "weights", "'" + name + "' is a link to " + p.toRealPath()
                    + ", outside the model's folder; expected a file in " + dir + " or below it");
            }
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "weights", "'" + name + "' cannot be resolved (" + e.getMessage() + ")");
        }
        return p;
    }

    private List<GraphNode> parseNodes(final JsonNode root)
    {
        final JsonNode arr = root.get("nodes");
        if (arr == null || !arr.isArray() || arr.isEmpty())
        {
            throw new InvalidInputException(src, "nodes", "missing; expected a non-empty array");
        }
        final List<GraphNode> out = new ArrayList<>();
        final Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < arr.size(); i++)
        {
            final JsonNode n = arr.get(i);
            final String where = "nodes[" + i + "]";
            if (!n.isObject())
            {
                throw new InvalidInputException(src, where, "expected an object");
            }
            f.unknownKeys(n, NODE_KEYS, where + ".");
            final String nm = f.text(n, "name", where + ".name");
            if (!seen.add(nm))
            {
                throw new InvalidInputException(src, where + ".name", "'" + nm + "' is used twice");
            }
            final String opName = f.text(n, "op", where + ".op");
            final OpKind op = OpKind.byJsonName(opName);
            if (op == null)
            {
                throw new InvalidInputException(src, "node '" + nm + "'.op", "unknown op '" + opName
                    + "'; expected input, conv3x3, linear, qk, av, neuron, maxpool or readout");
            }
            final JsonNode ins = n.get("inputs");
            final String[] inputs;
            if (ins == null)
            {
                inputs = new String[0];
            }
            else
            {
                if (!ins.isArray())
                {
                    throw new InvalidInputException(src, "node '" + nm + "'.inputs", "expected an array of node names");
                }
                inputs = new String[ins.size()];
                for (int k = 0; k < inputs.length; k++)
                {
                    inputs[k] = ins.get(k).asText();
                }
            }
            final int[] shape = f.intArray(n, "shape", "node '" + nm + "'.shape");
            if (shape.length < 1 || shape.length > InputLimits.MAX_RANK)
            {
                throw new InvalidInputException(src, "node '" + nm + "'.shape", Arrays.toString(shape) + "; expected 1 to " + InputLimits.MAX_RANK
                    + " dimensions");
            }
            InputLimits.product(src, "node '" + nm + "'.shape", Arrays.stream(shape).asLongStream().toArray(), InputLimits.MAX_NODE_UNITS);
            final GraphNode g = new GraphNode(nm, op, inputs, shape);
            g.weight = n.hasNonNull("weight") ? n.get("weight").asText() : null;
            g.bias = n.hasNonNull("bias") ? n.get("bias").asText() : null;
            g.archBias = n.path("archBias").asBoolean(false);
            g.archBatchNorm = n.path("archBatchNorm").asBoolean(false);
            if (n.has("heads"))
            {
                final JsonNode h = n.get("heads");
                if (!h.canConvertToInt() || !h.isIntegralNumber() || h.asInt() < 1 || h.asInt() > InputLimits.MAX_HEADS)
                {
                    throw new InvalidInputException(src, "node '" + nm + "'.heads", h + "; expected an integer in 1.." + InputLimits.MAX_HEADS);
                }
                g.heads = h.asInt();
            }
            g.scale = n.has("scale") ? f.number(n, "scale", "node '" + nm + "'.scale") : 1.0;
            if (n.has("threshold"))
            {
                g.threshold = f.number(n, "threshold", "node '" + nm + "'.threshold");
            }
            if (n.has("v0"))
            {
                g.v0 = f.number(n, "v0", "node '" + nm + "'.v0");
            }
            out.add(g);
        }
        return out;
    }

    /** Kahn's algorithm, keeping file order among ready nodes; a leftover node lies on a cycle. */
    private List<GraphNode> sortTopologically(final List<GraphNode> nodes)
    {
        final Map<String, GraphNode> byName = new HashMap<>();
        for (final GraphNode n : nodes)
        {
            byName.put(n.name, n);
        }
        final Map<String, Integer> pending = new HashMap<>();
        final Map<String, List<GraphNode>> users = new HashMap<>();
        for (final GraphNode n : nodes)
        {
            for (final String in : n.inputs)
            {
                if (!byName.containsKey(in))
                {
                    throw new InvalidInputException(src, "node '" + n.name + "'.inputs", "names '" + in + "', which is not a node");
                }
                users.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
            pending.put(n.name, n.inputs.length);
        }
        final ArrayDeque<GraphNode> ready = new ArrayDeque<>();
        for (final GraphNode n : nodes)
        {
            if (n.inputs.length == 0)
            {
                ready.add(n);
            }
        }
        final List<GraphNode> order = new ArrayList<>();
        while (!ready.isEmpty())
        {
            final GraphNode n = ready.poll();
            order.add(n);
            for (final GraphNode u : users.getOrDefault(n.name, List.of()))
            {
                if (pending.merge(u.name, -1, Integer::sum) == 0)
                {
                    ready.add(u);
                }
            }
        }
        if (order.size() != nodes.size())
        {
            for (final GraphNode n : nodes)
            {
                if (pending.get(n.name) > 0)
                {
                    throw new InvalidInputException(src, "node '" + n.name + "'.inputs", "the graph has a cycle through this node; expected a DAG");
                }
            }
        }
        return order;
    }

    private void checkShapes(final ModelGraph g)
    {
        int inputs = 0;
        for (final GraphNode n : g.nodes())
        {
            final String where = "node '" + n.name + "'";
            for (final int s : n.shape)
            {
                if (s < 1)
                {
                    throw new InvalidInputException(src, where + ".shape", Arrays.toString(n.shape) + "; expected every dimension >= 1");
                }
            }
            final GraphNode[] in = new GraphNode[n.inputs.length];
            for (int i = 0; i < in.length; i++)
            {
                in[i] = g.node(n.inputs[i]);
            }
            switch (n.op)
            {
                case INPUT -> {
                    inputs++;
                    expectShape(n, new int[] {g.input.height(), g.input.width(), g.input.channels()});
                }
                case CONV3X3 -> {
                    arity(n, 1);
                    requirePopulation(n, in[0], true);
                    if (in[0].shape.length != 3 || n.shape.length != 3)
                    {
                        throw new InvalidInputException(src, where + ".shape", "a conv3x3 maps [H, W, Cin] to [H, W, Cout]");
                    }
                    expectShape(n, new int[] {in[0].shape[0], in[0].shape[1], n.shape[2]});
                }
                case LINEAR -> {
                    arity(n, 1);
                    requirePopulation(n, in[0], false);
                    expectShape(n, new int[] {tokens(in[0]), n.shape[n.shape.length - 1]});
                }
                case QK -> {
                    arity(n, 2);
                    requirePopulation(n, in[0], false);
                    requirePopulation(n, in[1], false);
                    if (!Arrays.equals(in[0].shape, in[1].shape) || in[0].shape.length != 2)
                    {
                        throw new InvalidInputException(src, where + ".inputs", "q and k must both be [N, D] of one shape");
                    }
                    heads(n, in[0].shape[1]);
                    expectShape(n, new int[] {n.heads, in[0].shape[0], in[0].shape[0]});
                }
                case AV -> {
                    arity(n, 2);
                    requirePopulation(n, in[0], false);
                    requirePopulation(n, in[1], false);
                    final int tok = in[1].shape[0];
                    heads(n, in[1].shape[1]);
                    if (!Arrays.equals(in[0].shape, new int[] {n.heads, tok, tok}))
                    {
                        throw new InvalidInputException(src, where + ".inputs", "a must be [heads, N, N] = " + Arrays.toString(new int[] {n.heads, tok, tok}));
                    }
                    expectShape(n, in[1].shape.clone());
                }
                case NEURON -> {
                    if (in.length == 0)
                    {
                        throw new InvalidInputException(src, where + ".inputs", "a neuron needs at least one input current");
                    }
                    for (final GraphNode s : in)
                    {
                        if (s.op.isPopulation() || s.op == OpKind.INPUT)
                        {
                            throw new InvalidInputException(src, where + ".inputs", "'" + s.name + "' is a " + s.op.jsonName()
                                + "; a neuron sums currents (conv3x3, linear, qk, av)");
                        }
                        if (s.size() != n.size())
                        {
                            throw new InvalidInputException(src, where + ".shape", Arrays.toString(n.shape) + " does not match input '" + s.name
                                + "' " + Arrays.toString(s.shape));
                        }
                    }
                    if (Double.isNaN(n.threshold))
                    {
                        throw new InvalidInputException(src, where + ".threshold", "missing; expected a threshold > 0");
                    }
                    if (!(n.threshold > 0) || Double.isInfinite(n.threshold))
                    {
                        throw new InvalidInputException(src, where + ".threshold", n.threshold + "; expected a finite threshold > 0");
                    }
                    if (!Double.isNaN(n.v0) && Double.isInfinite(n.v0))
                    {
                        throw new InvalidInputException(src, where + ".v0", "expected a finite initial potential");
                    }
                }
                case MAXPOOL -> {
                    arity(n, 1);
                    if (in[0].op != OpKind.NEURON && in[0].op != OpKind.MAXPOOL || in[0].shape.length != 3)
                    {
                        throw new InvalidInputException(src, where + ".inputs", "a maxpool takes one [H, W, C] spike population");
                    }
                    final int[] s = in[0].shape;
                    expectShape(n, new int[] {CsdformerGraphBuilder.pooled(s[0]), CsdformerGraphBuilder.pooled(s[1]), s[2]});
                }
                case READOUT -> {
                    if (in.length == 0 || n.shape.length != 1)
                    {
                        throw new InvalidInputException(src, where, "a readout has shape [classes] and at least one input current");
                    }
                    for (final GraphNode s : in)
                    {
                        if (s.op.isPopulation() || s.op == OpKind.INPUT || s.size() != in[0].size()
                            || s.shape[s.shape.length - 1] != in[0].shape[in[0].shape.length - 1])
                        {
                            throw new InvalidInputException(src, where + ".inputs", "'" + s.name
                                + "': a readout sums currents of one shape, like the residual writers");
                        }
                    }
                }
                default -> throw new IllegalStateException(n.op.name());
            }
        }
        if (inputs != 1)
        {
            throw new InvalidInputException(src, "nodes", inputs + " input nodes; expected exactly one");
        }
    }

    private void loadWeights(final ModelGraph g, final SafetensorsFile st)
    {
        for (final GraphNode n : g.nodes())
        {
            if (n.op != OpKind.CONV3X3 && n.op != OpKind.LINEAR && n.op != OpKind.READOUT)
            {
                continue;
            }
            final String where = "node '" + n.name + "'";
            if (n.weight == null)
            {
                throw new InvalidInputException(src, where + ".weight", "missing; expected a tensor name");
            }
            loadTensor(g, st, n.weight, CsdformerGraphBuilder.expectedWeightShape(g, n));
            if (n.bias != null)
            {
                loadTensor(g, st, n.bias, new int[] {CsdformerGraphBuilder.expectedBiasLength(n)});
            }
        }
    }

    private void loadTensor(final ModelGraph g, final SafetensorsFile st, final String name, final int[] shape)
    {
        final TensorInfo t = st.info(name);
        final String where = "tensor '" + name + "'";
        if (t == null)
        {
            throw new InvalidInputException(st.source(), where, "missing; the model needs it with shape " + Arrays.toString(shape));
        }
        if (t.dtype() != Dtype.F32)
        {
            throw new InvalidInputException(st.source(), where + ".dtype", "is " + t.dtype() + "; expected F32");
        }
        if (!Arrays.equals(t.shape(), shape))
        {
            throw new InvalidInputException(st.source(), where + ".shape", t.shapeString() + "; expected " + Arrays.toString(shape));
        }
        final float[] v = st.floats(name);
        for (int i = 0; i < v.length; i++)
        {
            if (!Float.isFinite(v[i]))
            {
                throw new InvalidInputException(st.source(), where + "[" + i + "]", v[i] + "; expected a finite weight");
            }
        }
        g.putWeight(name, shape, v);
    }

    private int tokens(final GraphNode n)
    {
        return n.shape.length == 3 ? n.shape[0] * n.shape[1] : n.shape[0];
    }

    private void heads(final GraphNode n, final int dim)
    {
        if (n.heads < 1 || dim % n.heads != 0)
        {
            throw new InvalidInputException(src, "node '" + n.name + "'.heads", n.heads + "; expected a divisor of " + dim);
        }
    }

    private void arity(final GraphNode n, final int k)
    {
        if (n.inputs.length != k)
        {
            throw new InvalidInputException(src, "node '" + n.name + "'.inputs", n.inputs.length + " inputs; a " + n.op.jsonName()
                + " takes " + k);
        }
    }

    private void requirePopulation(final GraphNode n, final GraphNode in, final boolean inputAllowed)
    {
        final boolean ok = in.op == OpKind.NEURON || in.op == OpKind.MAXPOOL || inputAllowed && in.op == OpKind.INPUT;
        if (!ok)
        {
            throw new InvalidInputException(src, "node '" + n.name + "'.inputs", "'" + in.name + "' is a " + in.op.jsonName()
                + "; a " + n.op.jsonName() + " reads spikes of a neuron or maxpool" + (inputAllowed ? " or the input" : ""));
        }
    }

    private void expectShape(final GraphNode n, final int[] shape)
    {
        if (!Arrays.equals(n.shape, shape))
        {
            throw new InvalidInputException(src, "node '" + n.name + "'.shape", Arrays.toString(n.shape) + "; expected "
                + Arrays.toString(shape));
        }
    }
}
