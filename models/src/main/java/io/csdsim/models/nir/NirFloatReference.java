package io.csdsim.models.nir;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a NIR graph in discrete time with doubles (docs/nir.md): the rule the importer quantises,
 * walked node by node. Each tick, every linear node's output is computed from the spikes its
 * sources fired in the previous tick (one tick per projection, as on the chip; a Delay node adds
 * its ticks), biases included; then every neuron node steps ({@link NirNeuron}). Independent of the
 * importer's composition of linear chains: this walks the graph as the file draws it.
 */
public final class NirFloatReference
{
    private final NirLayout layout;

    public NirFloatReference(final NirGraph graph, final double dt)
    {
        this.layout = new NirLayout(graph, dt);
    }

    /**
     * @param firing per tick, the Input's units that spike
     * @param ticks  ticks to run (trains past their end are silent)
     * @return per neuron node (by name, the file's order), per unit: its spike count
     */
    public Map<String, long[]> spikeCounts(final int[][] firing, final int ticks)
    {
        final Map<String, long[]> counts = new LinkedHashMap<>();
        for (final Map.Entry<String, int[][]> e : spikes(firing, ticks).entrySet())
        {
            final long[] c = new long[layout.size(e.getKey())];
            for (final int[] tick : e.getValue())
            {
                for (final int u : tick)
                {
                    c[u]++;
                }
            }
            counts.put(e.getKey(), c);
        }
        return counts;
    }

    /**
     * @param firing per tick, the Input's units that spike
     * @param ticks  ticks to run (trains past their end are silent)
     * @return per neuron node (by name, the file's order), per tick: the units that fired, ascending
     */
    public Map<String, int[][]> spikes(final int[][] firing, final int ticks)
    {
        final Map<String, int[][]> trains = new LinkedHashMap<>();
        for (final String n : layout.neurons)
        {
            trains.put(n, new int[ticks][]);
        }
        final Map<String, NirNeuron.State> states = new LinkedHashMap<>();
        final Map<String, double[]> spikes = new HashMap<>();
        for (final String n : layout.neurons)
        {
            states.put(n, layout.neuron.get(n).new State());
            spikes.put(n, new double[layout.size(n)]);
        }
        spikes.put(layout.input, new double[layout.size(layout.input)]);
        // Delay nodes keep their last outputs, oldest first.
        final Map<String, ArrayDeque<double[]>> delayed = new HashMap<>();
        for (int t = 0; t < ticks; t++)
        {
            // Linear nodes' outputs from the previous tick's spikes.
            final Map<String, double[]> value = new HashMap<>();
            final Map<String, double[]> input = new HashMap<>();
            for (final String n : layout.neurons)
            {
                input.put(n, sum(n, spikes, value, delayed, t));
            }
            final Map<String, double[]> next = new HashMap<>();
            for (final String n : layout.neurons)
            {
                final double[] s = new double[layout.size(n)];
                final int[] fired = states.get(n).step(input.get(n));
                for (final int k : fired)
                {
                    s[k] = 1;
                }
                trains.get(n)[t] = fired;
                next.put(n, s);
            }
            final double[] in = new double[layout.size(layout.input)];
            if (t < firing.length)
            {
                for (final int u : firing[t])
                {
                    in[u] = 1;
                }
            }
            next.put(layout.input, in);
            spikes.putAll(next);
        }
        return trains;
    }

    /** @return the sum of what a node's predecessors send it this tick. */
    private double[] sum(final String node, final Map<String, double[]> spikes, final Map<String, double[]> value,
        final Map<String, ArrayDeque<double[]>> delayed, final int tick)
    {
        final double[] total = new double[layout.inSize(node)];
        for (final String p : layout.preds.get(node))
        {
            final double[] v = layout.isLinear(p) ? output(p, spikes, value, delayed, tick) : spikes.get(p);
            for (int k = 0; k < total.length; k++)
            {
                total[k] += v[k];
            }
        }
        return total;
    }

    /** @return a linear node's output this tick, computed once. */
    private double[] output(final String node, final Map<String, double[]> spikes, final Map<String, double[]> value,
        final Map<String, ArrayDeque<double[]>> delayed, final int tick)
    {
        final double[] known = value.get(node);
        if (known != null)
        {
            return known;
        }
        final NirLinearOp o = layout.op.get(node);
        double[] out = o.apply(sum(node, spikes, value, delayed, tick));
        final double[] b = o.biasVector();
        if (b != null)
        {
            for (int k = 0; k < out.length; k++)
            {
                out[k] += b[k];
            }
        }
        if (o.delayTicks > 0)
        {
            final ArrayDeque<double[]> q = delayed.computeIfAbsent(node, k -> {
                final ArrayDeque<double[]> d = new ArrayDeque<>();
                for (int i = 0; i < o.delayTicks; i++)
                {
                    d.add(new double[o.outSize]);
                }
                return d;
            });
            q.addLast(out);
            out = q.removeFirst();
        }
        value.put(node, out);
        return out;
    }

    /** @return the neuron nodes in the file's order. */
    public List<String> neuronNodes()
    {
        return layout.neurons;
    }
}
