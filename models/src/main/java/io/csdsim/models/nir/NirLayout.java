package io.csdsim.models.nir;

import io.csdsim.models.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A NIR graph checked and laid out for a time step: every node's type known and its parameters
 * read, every node's output shape worked out from the Input's, every edge joining known nodes with
 * matching sizes. Neuron nodes become {@link NirNeuron}s, linear nodes {@link NirLinearOp}s; the
 * Input feeds spike trains, an Output marks what the graph reports. Nothing is dropped: an
 * unsupported node or parameter is one line naming the node, its type and what is supported.
 */
final class NirLayout
{
    static final Set<String> LINEAR = Set.of("Affine", "Linear", "Conv1d", "Conv2d", "SumPool2d", "AvgPool2d", "Flatten", "Scale", "Delay");
    static final Set<String> KNOWN_PARAMS = Set.of("type", "weight", "bias", "stride", "padding", "dilation", "groups", "input_shape",
        "kernel_size", "start_dim", "end_dim", "input_type", "output_type", "scale", "delay", "r", "tau", "tau_mem", "tau_syn", "v_leak",
        "v_threshold", "v_reset", "w_in", "threshold", "shape");

    final String src;
    final NirGraph graph;
    final double dt;
    final String input;
    final List<String> outputs = new ArrayList<>();
    /** Neuron nodes in the file's order. */
    final List<String> neurons = new ArrayList<>();
    final Map<String, NirNeuron> neuron = new LinkedHashMap<>();
    final Map<String, NirLinearOp> op = new HashMap<>();
    final Map<String, int[]> shape = new HashMap<>();
    final Map<String, List<String>> preds = new HashMap<>();

    NirLayout(final NirGraph graph, final double dt)
    {
        this.src = graph.source();
        this.graph = graph;
        this.dt = dt;
        if (!(dt > 0) || dt > 10)
        {
            throw new InvalidInputException("--dt", "", dt + "; expected a time step in seconds, > 0 (e.g. 1e-3)");
        }
        String in = null;
        for (final NirGraph.Node n : graph.nodes().values())
        {
            final String t = n.type();
            if (!NirNeuron.TYPES.contains(t) && !LINEAR.contains(t) && !t.equals("Input") && !t.equals("Output"))
            {
                throw new InvalidInputException(src, "node '" + n.name() + "'", "type " + t + " is not supported; csdsim reads "
                    + String.join(", ", new TreeSet<>(Set.of("Input", "Output", "Affine", "Linear", "Conv1d", "Conv2d", "Flatten", "SumPool2d",
                    "AvgPool2d", "Scale", "IF", "LIF", "CubaLIF", "LI", "I", "Threshold", "Delay"))));
            }
            for (final String k : n.params().keySet())
            {
                if (!KNOWN_PARAMS.contains(k) && !k.equals("metadata"))
                {
                    throw new InvalidInputException(src, "node '" + n.name() + "' (" + t + ")." + k, "a parameter csdsim does not know; "
                        + "nothing is dropped silently");
                }
            }
            if (t.equals("Input"))
            {
                if (in != null)
                {
                    throw new InvalidInputException(src, "node '" + n.name() + "'", "a second Input (the first is '" + in + "'); csdsim takes "
                        + "one spike-train input");
                }
                in = n.name();
            }
            if (t.equals("Output"))
            {
                outputs.add(n.name());
            }
            preds.put(n.name(), new ArrayList<>());
        }
        if (in == null)
        {
            throw new InvalidInputException(src, "nodes", "no Input node; csdsim feeds a graph's Input with spike trains");
        }
        input = in;
        for (int e = 0; e < graph.edges().size(); e++)
        {
            final String[] edge = graph.edges().get(e);
            for (final String end : edge)
            {
                if (!graph.nodes().containsKey(end))
                {
                    throw new InvalidInputException(src, "edges[" + e + "]", "'" + end + "' is not a node of the graph");
                }
            }
            if (edge[1].equals(input))
            {
                throw new InvalidInputException(src, "edges[" + e + "]", "an edge into the Input '" + input + "'");
            }
            if (graph.nodes().get(edge[0]).type().equals("Output"))
            {
                throw new InvalidInputException(src, "edges[" + e + "]", "an edge out of the Output '" + edge[0] + "'; an Output ends the graph");
            }
            preds.get(edge[1]).add(edge[0]);
        }
        for (final NirGraph.Node n : graph.nodes().values())
        {
            if (NirNeuron.TYPES.contains(n.type()))
            {
                neurons.add(n.name());
                final NirNeuron nn = NirNeuron.of(src, n, dt);
                neuron.put(n.name(), nn);
                shape.put(n.name(), nn.shape);
            }
        }
        final NirTensor inShape = graph.nodes().get(input).param("shape");
        if (inShape == null || inShape.size() == 0)
        {
            throw new InvalidInputException(src, "node '" + input + "' (Input).shape", "missing; expected the input's shape");
        }
        shape.put(input, checked(input, Arrays.stream(inShape.values()).mapToInt(v -> v >= 1 && v <= Integer.MAX_VALUE ? (int)v : -1).toArray()));
        for (final String n : neurons)
        {
            checked(n, shape.get(n));
        }
        refuseLinearCycles();
        for (final NirGraph.Node n : graph.nodes().values())
        {
            shapeOf(n.name(), new ArrayList<>());
        }
        for (final NirGraph.Node n : graph.nodes().values())
        {
            for (final String p : preds.get(n.name()))
            {
                if (size(p) != inSize(n.name()))
                {
                    throw new InvalidInputException(src, "edge " + p + " -> " + n.name(), "carries " + size(p) + " values into a node that takes "
                        + inSize(n.name()));
                }
            }
            if (n.type().equals("Output") && preds.get(n.name()).size() != 1)
            {
                throw new InvalidInputException(src, "node '" + n.name() + "' (Output)", preds.get(n.name()).size() + " edges in; expected one");
            }
        }
    }

    /**
     * Refuses a loop of linear nodes (a self-edge included): with no neuron on it, it has no meaning
     * tick by tick, and composing its operators would never end. Walked without recursion, so that no
     * graph's depth can overflow the stack.
     */
    private void refuseLinearCycles()
    {
        final Map<String, Integer> state = new HashMap<>();
        for (final String start : graph.nodes().keySet())
        {
            if (!linearType(start) || state.containsKey(start))
            {
                continue;
            }
            // Depth-first over linear predecessors: 1 on the current path, 2 done.
            final List<String> path = new ArrayList<>();
            final List<Integer> next = new ArrayList<>();
            path.add(start);
            next.add(0);
            state.put(start, 1);
            while (!path.isEmpty())
            {
                final int top = path.size() - 1;
                final String node = path.get(top);
                final List<String> p = preds.get(node);
                final int k = next.get(top);
                if (k == p.size())
                {
                    state.put(node, 2);
                    path.remove(top);
                    next.remove(top);
                    continue;
                }
                next.set(top, k + 1);
                final String q = p.get(k);
                if (!linearType(q))
                {
                    continue;
                }
                final Integer seen = state.get(q);
                if (seen != null && seen == 1)
                {
                    final List<String> loop = new ArrayList<>(path.subList(path.indexOf(q), path.size()));
                    // The path runs against the edges: reversed, then from q, it reads in the direction spikes flow.
                    java.util.Collections.reverse(loop);
                    java.util.Collections.rotate(loop, -loop.indexOf(q));
                    loop.add(q);
                    throw new InvalidInputException(src, "node '" + q + "'", "a cycle of linear nodes without a neuron node on it ("
                        + String.join(" -> ", loop) + "); a recurrent edge must pass through neurons");
                }
                if (seen == null)
                {
                    state.put(q, 1);
                    path.add(q);
                    next.add(0);
                }
            }
        }
    }

    private boolean linearType(final String node)
    {
        return LINEAR.contains(graph.nodes().get(node).type());
    }

    /** @return the output shape of a node, working it out from its first predecessor's. */
    private int[] shapeOf(final String node, final List<String> visiting)
    {
        final int[] known = shape.get(node);
        if (known != null)
        {
            return known;
        }
        if (visiting.contains(node))
        {
            throw new InvalidInputException(src, "node '" + node + "'", "a cycle of linear nodes without a neuron node on it (" + String.join(" -> ",
                visiting) + "); a recurrent edge must pass through neurons");
        }
        final List<String> p = preds.get(node);
        if (p.isEmpty())
        {
            throw new InvalidInputException(src, "node '" + node + "'", "no edge in; every node but the Input needs an input");
        }
        visiting.add(node);
        final int[] in = shapeOf(p.get(0), visiting);
        visiting.remove(visiting.size() - 1);
        final NirGraph.Node n = graph.nodes().get(node);
        final int[] out;
        if (n.type().equals("Output"))
        {
            out = in;
        }
        else
        {
            int[] inShape = in;
            // A convolution's input_shape gives the spatial sides of a flat input (NIR's own convention).
            final NirTensor given = n.param("input_shape");
            if ((n.type().equals("Conv2d") || n.type().equals("Conv1d")) && given != null && given.size() > 0)
            {
                final int channels = (int)(n.param("weight").shape()[1] * (n.param("groups") == null ? 1 : n.param("groups").values()[0]));
                final int[] sides = Arrays.stream(given.values()).mapToInt(v -> (int)v).toArray();
                inShape = new int[sides.length + 1];
                inShape[0] = channels;
                System.arraycopy(sides, 0, inShape, 1, sides.length);
                if (Arrays.stream(inShape).reduce(1, (a, b) -> a * b) != Arrays.stream(in).reduce(1, (a, b) -> a * b))
                {
                    throw NirLinearOp.bad(src, n, "input_shape", Arrays.toString(sides) + " with " + channels + " channels; its input has "
                        + Arrays.stream(in).reduce(1, (a, b) -> a * b) + " values");
                }
            }
            else if (n.type().equals("Flatten") && n.param("input_type") != null && n.param("input_type").size() > 0)
            {
                inShape = Arrays.stream(n.param("input_type").values()).mapToInt(v -> (int)v).toArray();
            }
            final NirLinearOp o = NirLinearOp.of(src, n, inShape, dt);
            op.put(node, o);
            out = o.outShape;
        }
        shape.put(node, checked(node, out));
        return out;
    }

    /** @return the shape, if every side is at least 1 and the node has at most InputLimits.MAX_NODE_UNITS units. */
    private int[] checked(final String node, final int[] s)
    {
        long units = 1;
        for (final int d : s)
        {
            units *= Math.max(d, 0);
            if (d < 1 || units > io.csdsim.models.InputLimits.MAX_NODE_UNITS)
            {
                throw new InvalidInputException(src, "node '" + node + "' (" + graph.nodes().get(node).type() + ")", "shape " + Arrays.toString(s)
                    + "; expected sides >= 1 and at most " + io.csdsim.models.InputLimits.MAX_NODE_UNITS + " units");
            }
        }
        return s;
    }

    int size(final String node)
    {
        return Arrays.stream(shape.get(node)).reduce(1, (a, b) -> a * b);
    }

    /** @return the number of values a node takes. */
    int inSize(final String node)
    {
        final NirLinearOp o = op.get(node);
        if (o != null)
        {
            return o.inSize;
        }
        return size(node);
    }

    boolean isLinear(final String node)
    {
        return op.containsKey(node);
    }
}
