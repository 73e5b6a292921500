package io.csdsim.models.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-layer figures of a graph, from its structure alone: parameters as the architecture counts
 * them (weights, biases where the architecture has them, BN γ and β), dense MACs (conv, linear and
 * head; attention products apart), neurons, synapses, and the attention products' operations.
 */
public final class ModelSummary
{
    /** One node's figures. Synapses of a neuron row are all its incoming connections. */
    public record Row(String name, String op, int[] shape, long params, long macs, long neurons, long synapses, long attentionOps)
    {
    }

    private final List<Row> rows = new ArrayList<>();
    private long params;
    private long macs;
    private long neurons;
    private long poolUnits;
    private long tableSynapses;
    private long connections;
    private long attentionOps;

    public ModelSummary(final ModelGraph g)
    {
        final long[] synapsesOf = new long[g.nodes().size()];
        for (int i = 0; i < g.nodes().size(); i++)
        {
            final GraphNode n = g.nodes().get(i);
            long p = 0;
            long m = 0;
            long neu = 0;
            long syn = 0;
            long att = 0;
            switch (n.op)
            {
                case CONV3X3 -> {
                    final int cin = channels(g.node(n.inputs[0]));
                    final int cout = n.shape[2];
                    p = 9L * cin * cout + (n.archBias ? cout : 0) + (n.archBatchNorm ? 2L * cout : 0);
                    m = 9L * cin * cout * n.shape[0] * n.shape[1];
                    syn = (3L * n.shape[0] - 2) * (3L * n.shape[1] - 2) * cin * cout;
                }
                case LINEAR -> {
                    final int din = channels(g.node(n.inputs[0]));
                    final int dout = n.shape[1];
                    p = (long)din * dout + (n.archBias ? dout : 0) + (n.archBatchNorm ? 2L * dout : 0);
                    m = (long)n.shape[0] * din * dout;
                    syn = m;
                }
                case QK -> {
                    final GraphNode q = g.node(n.inputs[0]);
                    att = (long)q.shape[0] * q.shape[0] * q.shape[1];
                    syn = 2 * att;
                }
                case AV -> {
                    att = (long)n.shape[0] * n.shape[0] * n.shape[1];
                    syn = 2 * att;
                }
                case READOUT -> {
                    final int d = channels(g.node(n.inputs[0]));
                    p = (long)d * n.shape[0] + (n.archBias ? n.shape[0] : 0);
                    m = p - (n.archBias ? n.shape[0] : 0);
                    syn = m;
                }
                case NEURON -> {
                    neu = n.size();
                    for (final String in : n.inputs)
                    {
                        syn += synapsesOf[g.indexOf(in)];
                    }
                    connections += syn;
                }
                case MAXPOOL -> {
                    neu = n.size();
                    poolUnits += neu;
                    neu = 0;
                }
                default -> { }
            }
            if (n.op != OpKind.NEURON)
            {
                synapsesOf[i] = syn;
                tableSynapses += syn;
            }
            if (n.op == OpKind.READOUT)
            {
                connections += syn;
            }
            params += p;
            macs += m;
            neurons += neu;
            attentionOps += att;
            rows.add(new Row(n.name, n.op.jsonName(), n.shape.clone(), p, m, n.op == OpKind.MAXPOOL ? n.size() : neu, syn, att));
        }
    }

    private static int channels(final GraphNode n)
    {
        return n.shape[n.shape.length - 1];
    }

    public List<Row> rows()
    {
        return rows;
    }

    /** @return parameters as the paper counts them (no BN running statistics). */
    public long params()
    {
        return params;
    }

    /** @return dense MACs of conv, linear and head layers; attention products excluded. */
    public long macs()
    {
        return macs;
    }

    /** @return DIF neurons (max-pool units and readout accumulators excluded). */
    public long neurons()
    {
        return neurons;
    }

    public long poolUnits()
    {
        return poolUnits;
    }

    /** @return synapses of every table counted once, dynamic (attention) synapses included. */
    public long tableSynapses()
    {
        return tableSynapses;
    }

    /** @return every connection, a residual writer's table counted once per reader. */
    public long connections()
    {
        return connections;
    }

    /** @return multiply-accumulates of the attention products Q·Kᵀ and A·V. */
    public long attentionOps()
    {
        return attentionOps;
    }
}
