package io.csdsim.models.nir;

import io.csdsim.models.InvalidInputException;
import io.csdsim.models.neuron.SpikeSourceReference;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.NetworkCheck;
import io.csdsim.models.quant.Projection;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a NIR graph into csdsim's integer network by the rule of docs/nir.md: the Input becomes the
 * spike source, each neuron node a population of the {@code if} or {@code cuba-lif} model, and every
 * chain of linear nodes between two of them — composed into one matrix, biases carried to the
 * neurons they reach — a sparse projection that acts one tick after its spike (plus any Delay).
 * Membranes are scaled per population so that its weights use the chip's weight bits, each
 * projection with its own exponent (a left shift); decays become 12-bit {@code du}, {@code dv}.
 */
public final class NirImporter
{
    /** What became of one neuron node: its population and the integer units per float unit of its membrane. */
    public record Layer(String node, String type, int population, double scale, String model, Map<String, String> parameters)
    {
    }

    /** The imported network and how each neuron node was quantised. */
    public record Result(IntNetwork network, List<Layer> layers, String inputNode)
    {
    }

    /** Most synapses a graph's chains compose into (docs/reliability.md's scale: a few hundred million bytes of tables). */
    static final long MAX_SYNAPSES = 1L << 26;

    private final NirLayout layout;
    private long synapses;
    private final int weightBits;
    private final int membraneBits;

    private NirImporter(final NirLayout layout, final int weightBits, final int membraneBits)
    {
        this.layout = layout;
        this.weightBits = weightBits;
        this.membraneBits = membraneBits;
    }

    /** @return the network for a graph, time step dt (s), running {@code ticks} ticks, with these widths. */
    public static Result importGraph(final NirGraph graph, final double dt, final int ticks, final int weightBits, final int membraneBits)
    {
        return new NirImporter(new NirLayout(graph, dt), weightBits, membraneBits).build(ticks);
    }

    /** The float synapses from one source node into one neuron node at one delay, summed over the chains between them. */
    private static final class Chains
    {
        final String source;
        final int delay;
        /** Per source unit: target unit → weight. */
        final List<TreeMap<Integer, Double>> columns = new ArrayList<>();

        Chains(final String source, final int delay, final int sources)
        {
            this.source = source;
            this.delay = delay;
            for (int i = 0; i < sources; i++)
            {
                columns.add(new TreeMap<>());
            }
        }
    }

    private Result build(final int ticks)
    {
        final String src = layout.src;
        final List<IntPopulation> pops = new ArrayList<>();
        final Map<String, Integer> popOf = new LinkedHashMap<>();
        final IntPopulation in = new IntPopulation(0, layout.input, IntPopulation.Kind.NEURONS, new int[] {layout.size(layout.input)});
        in.neuronModel = SpikeSourceReference.NAME;
        pops.add(in);
        popOf.put(layout.input, 0);
        for (final String n : layout.neurons)
        {
            popOf.put(n, pops.size());
            pops.add(new IntPopulation(pops.size(), n, IntPopulation.Kind.NEURONS, new int[] {layout.size(n)}));
        }
        final List<Projection> projections = new ArrayList<>();
        final List<Layer> layers = new ArrayList<>();
        final long maxMembrane = (1L << (membraneBits - 1)) - 1;
        final long maxMantissa = (1L << (weightBits - 1)) - 1;
        for (final String n : layout.neurons)
        {
            final NirNeuron neuron = layout.neuron.get(n);
            for (final String[] e : layout.graph.edges())
            {
                if (e[0].equals(n) && !neuron.spikes && !layout.graph.nodes().get(e[1]).type().equals("Output"))
                {
                    throw new InvalidInputException(src, "node '" + n + "' (" + neuron.type + ")", "a non-spiking node feeding '" + e[1]
                        + "'; on the chip neurons send spikes, so an LI or I node may only feed an Output");
                }
            }
            final Map<String, Chains> chains = new LinkedHashMap<>();
            final double[] bias = new double[neuron.size];
            collect(n, n, new ArrayList<>(), 0, chains, bias);
            // The gain from the node's input x to what the integer model adds per tick (docs/nir.md).
            final double gain = switch (neuron.type)
            {
                case "IF", "I" -> neuron.r;
                case "LIF", "LI" -> neuron.a * neuron.r;
                case "CubaLIF" -> neuron.a * neuron.r * neuron.b * neuron.wIn;
                default -> 1;
            };
            for (final double b : bias)
            {
                if (Double.compare(b, bias[0]) != 0)
                {
                    throw new InvalidInputException(src, "node '" + n + "' (" + neuron.type + ")", "biases that differ between its units reach it; "
                        + "csdsim's populations take one bias");
                }
            }
            final double biasIn = bias.length == 0 ? 0 : bias[0];
            if (biasIn != 0 && neuron.type.equals("CubaLIF"))
            {
                throw new InvalidInputException(src, "node '" + n + "' (CubaLIF)", "a bias reaches its synaptic current; csdsim's cuba-lif adds a "
                    + "bias to v only (use a graph without biases into CubaLIF nodes)");
            }
            // The float per-tick terms the integer model carries: weights × gain, bias, leak, threshold, reset.
            double maxWeight = 0;
            for (final Chains c : chains.values())
            {
                double m = 0;
                for (final TreeMap<Integer, Double> col : c.columns)
                {
                    for (final double w : col.values())
                    {
                        m = Math.max(m, Math.abs(w * gain));
                    }
                }
                maxWeight = Math.max(maxWeight, m);
            }
            final double vBias = biasIn * gain + (neuron.type.equals("LIF") || neuron.type.equals("LI") || neuron.type.equals("CubaLIF")
                ? neuron.a * neuron.vLeak : 0);
            // Integer units per float unit, a power of two (a binary scale keeps dyadic weights and thresholds exact):
            // the largest that leaves 6 bits of headroom above threshold, bias, reset and the largest weight, so that
            // the membrane's resolution is far finer than a weight's and the 12-bit decays' truncation is negligible.
            final double span = Math.max(Math.max(Math.abs(vBias), Math.abs(neuron.vReset)), Math.max(maxWeight,
                Double.isInfinite(neuron.threshold) ? 0 : Math.abs(neuron.threshold)));
            final double scale = span == 0 ? 1 : Math.pow(2, Math.floor(Math.log(maxMembrane / 64.0 / span) / Math.log(2)));
            if (scale < 1e-300)
            {
                throw new InvalidInputException(src, "node '" + n + "' (" + neuron.type + ")", "values up to " + span + " do not fit "
                    + membraneBits + "-bit membranes");
            }
            final IntPopulation p = pops.get(popOf.get(n));
            final Map<String, String> par = p.neuronParameters;
            final long theta = Double.isInfinite(neuron.threshold) ? maxMembrane : Math.max(1, Math.round(neuron.threshold * scale));
            if (!Double.isInfinite(neuron.threshold) && neuron.threshold <= 0)
            {
                throw new InvalidInputException(src, "node '" + n + "' (" + neuron.type + ").v_threshold", neuron.threshold
                    + "; csdsim's neurons fire above a threshold > 0");
            }
            switch (neuron.type)
            {
                case "IF", "I" -> {
                    p.neuronModel = "if";
                    par.put("theta", Long.toString(theta));
                    par.put("compare", "gt");
                    par.put("reset", neuron.type.equals("I") ? "none" : "hard");
                    par.put("resetValue", Long.toString(Math.round(neuron.vReset * scale)));
                }
                default -> {
                    if (neuron.vReset != 0)
                    {
                        throw new InvalidInputException(src, "node '" + n + "' (" + neuron.type + ").v_reset", neuron.vReset
                            + "; csdsim's cuba-lif resets to 0 (Loihi's rule)");
                    }
                    p.neuronModel = "cuba-lif";
                    par.put("du", Long.toString(neuron.type.equals("CubaLIF") ? decay(neuron.b) : 4096));
                    par.put("dv", Long.toString(neuron.type.equals("Threshold") ? 4096 : decay(neuron.a)));
                    par.put("theta", Long.toString(theta));
                }
            }
            final long b = Math.round(vBias * scale);
            if (b != 0)
            {
                par.put("bias", Long.toString(b));
            }
            final IntArrayList inputs = new IntArrayList();
            final IntArrayList shifts = new IntArrayList();
            for (final Chains c : chains.values())
            {
                double m = 0;
                for (final TreeMap<Integer, Double> col : c.columns)
                {
                    for (final double w : col.values())
                    {
                        m = Math.max(m, Math.abs(w * gain * scale));
                    }
                }
                // One exponent per projection: the left shift that brings its largest weight within the mantissa.
                int shift = 0;
                while (m / Math.pow(2, shift) > maxMantissa + 0.5)
                {
                    shift++;
                }
                final int sources = c.columns.size();
                final int[] rowStart = new int[sources + 1];
                final IntArrayList targets = new IntArrayList();
                final List<Short> weights = new ArrayList<>();
                for (int s = 0; s < sources; s++)
                {
                    for (final Map.Entry<Integer, Double> e : c.columns.get(s).entrySet())
                    {
                        final long q = Math.round(e.getValue() * gain * scale / Math.pow(2, shift));
                        if (q != 0)
                        {
                            targets.add(e.getKey());
                            weights.add((short)q);
                        }
                    }
                    rowStart[s + 1] = targets.size();
                }
                final short[] w = new short[weights.size()];
                for (int k = 0; k < w.length; k++)
                {
                    w[k] = weights.get(k);
                }
                final int id = projections.size();
                projections.add(Projection.sparse(id, c.source + "->" + n + (c.delay > 0 ? "+" + c.delay : ""), popOf.get(c.source), sources, neuron.size,
                    rowStart, targets.toArray(), w, 1 + c.delay));
                inputs.add(id);
                shifts.add(shift);
            }
            p.inputs = inputs.toArray();
            p.inputShifts = shifts.toArray();
            layers.add(new Layer(n, neuron.type, p.id, scale, p.neuronModel, new TreeMap<>(par)));
        }
        final IntNetwork net = new IntNetwork(layout.graph.nodes().isEmpty() ? "nir" : baseName(src), ticks, 1, weightBits, membraneBits, null, pops,
            projections);
        NetworkCheck.check(src, net);
        return new Result(net, layers, layout.input);
    }

    /** @return a 12-bit decay for the fraction lost per tick (0..4096). */
    private static long decay(final double fraction)
    {
        return Math.max(0, Math.min(4096, Math.round(fraction * 4096)));
    }

    /**
     * Walks back from {@code node} through linear nodes to neuron nodes and the Input, composing each
     * chain's operators ({@code after}: those between the current node and the target, nearest
     * first) into the target's synapses, and carrying each bias met on the way to the target.
     */
    private void collect(final String target, final String node, final List<NirLinearOp> after, final int delay, final Map<String, Chains> out,
        final double[] bias)
    {
        for (final String p : layout.preds.get(node))
        {
            if (!layout.isLinear(p))
            {
                final Chains c = out.computeIfAbsent(p + "@" + delay, k -> new Chains(p, delay, layout.size(p)));
                // Each source unit's column through the chain, sparsely: the work is the synapses made, not the layers' sizes.
                final int steps = after.size();
                final double[][] level = new double[steps][];
                final NirLinearOp.Touched[] touched = new NirLinearOp.Touched[steps];
                for (int k = 0; k < steps; k++)
                {
                    level[k] = new double[after.get(steps - 1 - k).outSize];
                    touched[k] = new NirLinearOp.Touched(level[k].length);
                }
                for (int i = 0; i < layout.size(p); i++)
                {
                    final TreeMap<Integer, Double> col = c.columns.get(i);
                    if (steps == 0)
                    {
                        col.merge(i, 1.0, Double::sum);
                        continue;
                    }
                    after.get(steps - 1).scatter(i, 1.0, level[0], touched[0]);
                    for (int k = 1; k < steps; k++)
                    {
                        final NirLinearOp op = after.get(steps - 1 - k);
                        for (int e = 0; e < touched[k - 1].count(); e++)
                        {
                            final int j = touched[k - 1].get(e);
                            if (level[k - 1][j] != 0)
                            {
                                op.scatter(j, level[k - 1][j], level[k], touched[k]);
                            }
                        }
                        touched[k - 1].clear(level[k - 1]);
                    }
                    final double[] last = level[steps - 1];
                    final NirLinearOp.Touched lt = touched[steps - 1];
                    for (int e = 0; e < lt.count(); e++)
                    {
                        final int j = lt.get(e);
                        if (last[j] != 0)
                        {
                            col.merge(j, last[j], Double::sum);
                        }
                    }
                    synapses += lt.count();
                    if (synapses > MAX_SYNAPSES)
                    {
                        throw new InvalidInputException(layout.src, "node '" + target + "'", "its inputs compose into more than " + MAX_SYNAPSES
                            + " synapses; csdsim imports graphs up to that size");
                    }
                    lt.clear(last);
                }
                continue;
            }
            final NirLinearOp op = layout.op.get(p);
            final List<NirLinearOp> more = new ArrayList<>(after);
            more.add(op);
            final double[] b = op.biasVector();
            if (b != null)
            {
                double[] v = b;
                for (int k = after.size() - 1; k >= 0; k--)
                {
                    v = after.get(k).apply(v);
                }
                for (int j = 0; j < v.length; j++)
                {
                    bias[j] += v[j];
                }
            }
            collect(target, p, more, delay + op.delayTicks, out, bias);
        }
    }

    private static String baseName(final String src)
    {
        final String f = java.nio.file.Path.of(src).getFileName().toString();
        return f.endsWith(".nir") ? f.substring(0, f.length() - 4) : f;
    }
}
