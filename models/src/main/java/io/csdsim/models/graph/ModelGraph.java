package io.csdsim.models.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A float model: its nodes in topological order, the time window T and delay D, the input
 * specification, architecture hyper-parameters, and the weights by tensor name.
 */
public final class ModelGraph
{
    public final String name;
    public final Map<String, Object> architecture;
    public final int timeWindow;
    public final int delay;
    public final InputSpec input;
    private final List<GraphNode> nodes;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Map<String, float[]> weights = new LinkedHashMap<>();
    private final Map<String, int[]> weightShapes = new LinkedHashMap<>();

    /** @param nodes in topological order (every input named before its user). */
    public ModelGraph(final String name, final Map<String, Object> architecture, final int timeWindow, final int delay,
        final InputSpec input, final List<GraphNode> nodes)
    {
        this.name = name;
        this.architecture = Collections.unmodifiableMap(new LinkedHashMap<>(architecture));
        this.timeWindow = timeWindow;
        this.delay = delay;
        this.input = input;
        this.nodes = List.copyOf(nodes);
        for (int i = 0; i < nodes.size(); i++)
        {
            final String n = nodes.get(i).name;
            if (indexByName.put(n, i) != null)
            {
                throw new IllegalArgumentException("duplicate node " + n);
            }
            for (final String in : nodes.get(i).inputs)
            {
                final Integer j = indexByName.get(in);
                if (j == null || j >= i)
                {
                    throw new IllegalArgumentException(n + ": input " + in + " is not an earlier node");
                }
            }
        }
    }

    public List<GraphNode> nodes()
    {
        return nodes;
    }

    public GraphNode node(final String name)
    {
        final Integer i = indexByName.get(name);
        return i == null ? null : nodes.get(i);
    }

    public int indexOf(final String name)
    {
        final Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    /** @return the same graph with another delay D (the schedule's only change). */
    /** @return the classes of the readout, which labels must lie below; 0 when the graph has none. */
    public int classes()
    {
        for (final GraphNode n : nodes)
        {
            if (n.op == OpKind.READOUT)
            {
                return n.shape[0];
            }
        }
        return 0;
    }

    public ModelGraph withDelay(final int newDelay)
    {
        final ModelGraph g = new ModelGraph(name, architecture, timeWindow, newDelay, input, nodes);
        g.weights.putAll(weights);
        g.weightShapes.putAll(weightShapes);
        return g;
    }

    public void putWeight(final String tensor, final int[] shape, final float[] values)
    {
        weights.put(tensor, values);
        weightShapes.put(tensor, shape);
    }

    public float[] weight(final String tensor)
    {
        return weights.get(tensor);
    }

    public int[] weightShape(final String tensor)
    {
        return weightShapes.get(tensor);
    }

    public Map<String, float[]> weights()
    {
        return Collections.unmodifiableMap(weights);
    }

    public boolean hasWeights()
    {
        return !weights.isEmpty();
    }

    /** @return true when every neuron has a threshold. */
    public boolean isCalibrated()
    {
        for (final GraphNode n : nodes)
        {
            if (n.op == OpKind.NEURON && !(n.threshold > 0))
            {
                return false;
            }
        }
        return true;
    }
}
