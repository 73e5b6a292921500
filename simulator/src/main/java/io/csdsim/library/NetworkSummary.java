package io.csdsim.library;

import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an integer network holds, population by population — kind, neuron model, shape, units, what
 * feeds it and the synapses into it — and in all: units (the input stage apart) and synapses, each
 * projection's counted once (a product: two additions per term of its map).
 */
public record NetworkSummary(List<Row> rows, long units, long synapses)
{
    /**
     * One population.
     * @param inputs its projections' names, or a max-pool's window over its source
     * @param neuronModel the model a NEURONS population names, or ""
     */
    public record Row(String name, String kind, String neuronModel, int[] shape, int units, String inputs, long synapsesIn)
    {
    }

    /** @return the summary of the network. */
    public static NetworkSummary of(final IntNetwork net)
    {
        final List<Row> rows = new ArrayList<>();
        long u = 0;
        for (int id = 0; id < net.populationCount(); id++)
        {
            final IntPopulation p = net.population(id);
            long in = 0;
            final StringBuilder inputs = new StringBuilder();
            for (final int pr : p.inputs)
            {
                in += net.projection(pr).synapses();
                inputs.append(inputs.length() == 0 ? "" : ", ").append(net.projection(pr).name);
            }
            if (p.kind == IntPopulation.Kind.MAX_POOL)
            {
                inputs.append("max of ").append(net.population(p.source).name).append(' ').append(p.poolKernel).append('×').append(p.poolKernel)
                    .append(" / ").append(p.poolStride).append(" / pad ").append(p.poolPad);
            }
            u += p.kind == IntPopulation.Kind.INPUT ? 0 : p.size;
            rows.add(new Row(p.name, p.kind.name().toLowerCase(Locale.ROOT), p.neuronModel == null ? "" : p.neuronModel, p.shape, p.size,
                inputs.toString(), in));
        }
        long s = 0;
        for (int k = 0; k < net.projectionCount(); k++)
        {
            s += net.projection(k).synapses();
        }
        return new NetworkSummary(List.copyOf(rows), u, s);
    }
}
