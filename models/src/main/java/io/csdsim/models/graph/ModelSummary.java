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
    private long accumulateConnections;
    private int accumulators;
    private long accumulatorUnits;

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
        accumulate(g, synapsesOf);
    }

    /**
     * The connections with the residual stream summed by chained accumulators (docs/residual-stream.md,
     * as the mapper places them): a neuron that reads two or more residual writers (weighted nodes read
     * by two or more readers) holds one synapse per unit from the largest accumulator of its writers,
     * and the rest of its inputs' synapses; each accumulator holds the previous one's (one per unit)
     * and its new writers'. The readout's own row (its classifier) is the same in both mappings.
     */
    private void accumulate(final ModelGraph g, final long[] synapsesOf)
    {
        final int nodes = g.nodes().size();
        final int[] readers = new int[nodes];
        for (final GraphNode n : g.nodes())
        {
            if (n.op == OpKind.NEURON || n.op == OpKind.READOUT)
            {
                for (final String in : n.inputs)
                {
                    readers[g.indexOf(in)]++;
                }
            }
        }
        final java.util.BitSet[] setOf = new java.util.BitSet[nodes];
        final List<java.util.BitSet> sets = new ArrayList<>();
        final List<Integer> unitsOf = new ArrayList<>();
        for (int i = 0; i < nodes; i++)
        {
            final GraphNode n = g.nodes().get(i);
            if (n.op != OpKind.NEURON)
            {
                continue;
            }
            final java.util.BitSet w = new java.util.BitSet();
            for (final String in : n.inputs)
            {
                final int j = g.indexOf(in);
                final GraphNode wn = g.nodes().get(j);
                if ((wn.op == OpKind.CONV3X3 || wn.op == OpKind.LINEAR) && readers[j] >= 2 && g.node(wn.inputs[0]).op != OpKind.INPUT)
                {
                    w.set(j);
                }
            }
            if (w.cardinality() >= 2)
            {
                setOf[i] = w;
                if (!sets.contains(w))
                {
                    sets.add(w);
                    unitsOf.add(n.size());
                }
            }
        }
        final Integer[] order = new Integer[sets.size()];
        for (int k = 0; k < order.length; k++)
        {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(sets.get(a).cardinality(), sets.get(b).cardinality()));
        final List<java.util.BitSet> placed = new ArrayList<>();
        final List<Integer> placedUnits = new ArrayList<>();
        long extra = 0;
        for (final int k : order)
        {
            final java.util.BitSet set = sets.get(k);
            final int units = unitsOf.get(k);
            final java.util.BitSet prev = largestWithin(placed, placedUnits, set, units);
            extra += prev == null ? 0 : units;
            for (int j = set.nextSetBit(0); j >= 0; j = set.nextSetBit(j + 1))
            {
                extra += prev != null && prev.get(j) ? 0 : synapsesOf[j];
            }
            placed.add(set);
            placedUnits.add(units);
            accumulators++;
            accumulatorUnits += units;
        }
        for (int i = 0; i < nodes; i++)
        {
            final java.util.BitSet set = setOf[i];
            if (set == null)
            {
                continue;
            }
            final int units = g.nodes().get(i).size();
            final java.util.BitSet best = largestWithin(placed, placedUnits, set, units);
            extra += units;
            for (int j = set.nextSetBit(0); j >= 0; j = set.nextSetBit(j + 1))
            {
                extra -= best.get(j) ? synapsesOf[j] : 0;
            }
        }
        accumulateConnections = connections + extra;
    }

    /** @return the largest placed set of {@code units} units within {@code set}, or null. */
    private static java.util.BitSet largestWithin(final List<java.util.BitSet> placed, final List<Integer> units, final java.util.BitSet set,
        final int size)
    {
        java.util.BitSet best = null;
        for (int k = 0; k < placed.size(); k++)
        {
            final java.util.BitSet c = (java.util.BitSet)placed.get(k).clone();
            c.andNot(set);
            if (c.isEmpty() && units.get(k) == size && (best == null || placed.get(k).cardinality() > best.cardinality()))
            {
                best = placed.get(k);
            }
        }
        return best;
    }

    /** @return every connection with the residual stream summed once by accumulators (docs/residual-stream.md). */
    public long accumulateConnections()
    {
        return accumulateConnections;
    }

    /** @return the accumulator populations the accumulate mapping places, and their compartments. */
    public int accumulators()
    {
        return accumulators;
    }

    public long accumulatorUnits()
    {
        return accumulatorUnits;
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
