package io.csdsim.models.csdformer;

import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the CSDformer graph of DESIGN §3.5 for a configuration: the convolutional tokenizer with its
 * TDEC max-pools, pre-activation blocks with per-head (Q·Kᵀ)·V, residual readers fed by every writer
 * before them, and a readout fed by every writer. Weights and thresholds are not set here.
 */
public final class CsdformerGraphBuilder
{
    private final List<GraphNode> nodes = new ArrayList<>();

    private CsdformerGraphBuilder()
    {
    }

    /** Maxpool 3×3 / stride 2 / pad 1 output size. */
    public static int pooled(final int size)
    {
        return (size - 1) / 2 + 1;
    }

    public static ModelGraph build(final CsdformerConfig c, final String modelName)
    {
        return new CsdformerGraphBuilder().graph(c, modelName);
    }

    private ModelGraph graph(final CsdformerConfig c, final String modelName)
    {
        final int d = c.embed();
        final int[] widths = {d / 8, d / 4, d / 2, d, d};
        int side = c.imageSize();
        final GraphNode input = add("input", OpKind.INPUT, new String[0], new int[] {side, side, c.channels()});
        String prev = input.name;
        int prevChannels = c.channels();
        for (int i = 0; i < 5; i++)
        {
            final boolean pool = i >= 1 && (c.imagenetPooling() || i >= 3);
            if (pool)
            {
                side = pooled(side);
                prev = add("tok.pool" + i, OpKind.MAXPOOL, new String[] {prev}, new int[] {side, side, prevChannels}).name;
            }
            final GraphNode conv = synaptic("tok.conv" + i, OpKind.CONV3X3, prev, new int[] {side, side, widths[i]},
                new int[] {widths[i], prevChannels, 3, 3}, false, true);
            prevChannels = widths[i];
            prev = i < 4 ? add("tok.sn" + i, OpKind.NEURON, new String[] {conv.name}, conv.shape.clone()).name : conv.name;
        }
        final int tokens = side * side;
        final int dk = d / c.heads();
        final List<String> writers = new ArrayList<>();
        writers.add(prev);
        for (int l = 0; l < c.blocks(); l++)
        {
            final String b = "blk" + l + ".";
            final int[] tok = {tokens, d};
            final String snIn = add(b + "sn_in", OpKind.NEURON, writers.toArray(new String[0]), tok).name;
            final String[] qkv = new String[3];
            final String[] letters = {"q", "k", "v"};
            for (int i = 0; i < 3; i++)
            {
                final GraphNode lin = synaptic(b + letters[i], OpKind.LINEAR, snIn, tok, new int[] {d, d}, false, true);
                qkv[i] = add(b + "sn_" + letters[i], OpKind.NEURON, new String[] {lin.name}, tok).name;
            }
            final GraphNode qk = add(b + "qk", OpKind.QK, new String[] {qkv[0], qkv[1]}, new int[] {c.heads(), tokens, tokens});
            qk.heads = c.heads();
            qk.scale = 1.0 / Math.sqrt(dk);
            final String snA = add(b + "sn_a", OpKind.NEURON, new String[] {qk.name}, qk.shape.clone()).name;
            final GraphNode av = add(b + "av", OpKind.AV, new String[] {snA, qkv[2]}, tok);
            av.heads = c.heads();
            av.scale = 1.0 / tokens;
            final String snO = add(b + "sn_o", OpKind.NEURON, new String[] {av.name}, tok).name;
            writers.add(synaptic(b + "proj", OpKind.LINEAR, snO, tok, new int[] {d, d}, true, true).name);
            final String snIn2 = add(b + "sn_in2", OpKind.NEURON, writers.toArray(new String[0]), tok).name;
            final int hidden = 4 * d;
            final GraphNode fc1 = synaptic(b + "fc1", OpKind.LINEAR, snIn2, new int[] {tokens, hidden}, new int[] {hidden, d}, true, true);
            final String snH = add(b + "sn_h", OpKind.NEURON, new String[] {fc1.name}, fc1.shape.clone()).name;
            writers.add(synaptic(b + "fc2", OpKind.LINEAR, snH, tok, new int[] {d, hidden}, true, true).name);
        }
        final GraphNode readout = add("readout", OpKind.READOUT, writers.toArray(new String[0]), new int[] {c.classes()});
        readout.weight = "head.weight";
        readout.bias = "head.bias";
        readout.archBias = true;
        final InputSpec spec = new InputSpec(c.imageSize(), c.imageSize(), c.channels(), c.mean(), c.std());
        final ModelGraph g = new ModelGraph(modelName, c.asMap(), c.timeWindow(), c.delay(), spec, nodes);
        return g;
    }

    private GraphNode add(final String name, final OpKind op, final String[] inputs, final int[] shape)
    {
        final GraphNode n = new GraphNode(name, op, inputs, shape);
        nodes.add(n);
        return n;
    }

    private GraphNode synaptic(final String name, final OpKind op, final String input, final int[] shape,
        final int[] weightShape, final boolean archBias, final boolean archBatchNorm)
    {
        final GraphNode n = add(name, op, new String[] {input}, shape);
        n.weight = name + ".weight";
        // BN folded into the layer leaves a bias even where the architecture has none.
        n.bias = name + ".bias";
        n.archBias = archBias;
        n.archBatchNorm = archBatchNorm;
        return n;
    }

    /** @return the weight tensor shape a synaptic node of this graph expects. */
    public static int[] expectedWeightShape(final ModelGraph g, final GraphNode n)
    {
        return switch (n.op)
        {
            case CONV3X3 -> new int[] {n.shape[2], channelsOf(g.node(n.inputs[0])), 3, 3};
            case LINEAR -> new int[] {n.shape[1], g.node(n.inputs[0]).shape[g.node(n.inputs[0]).shape.length - 1]};
            case READOUT -> new int[] {n.shape[0], featuresOf(g, n)};
            default -> null;
        };
    }

    /** @return the bias tensor length of a synaptic node. */
    public static int expectedBiasLength(final GraphNode n)
    {
        return n.op == OpKind.READOUT ? n.shape[0] : n.shape[n.shape.length - 1];
    }

    private static int channelsOf(final GraphNode n)
    {
        return n.shape[n.shape.length - 1];
    }

    private static int featuresOf(final ModelGraph g, final GraphNode readout)
    {
        final GraphNode w = g.node(readout.inputs[0]);
        return w.shape[w.shape.length - 1];
    }
}
