package io.csdsim.cli;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.models.nir.NirFloatReference;
import io.csdsim.models.nir.NirGraph;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.simulator.engine.SampleResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What quantisation changed: a NIR graph's spikes per neuron node on the chip beside those of the
 * float reference (doubles, the same discrete-time rule, docs/nir.md) on the same input trains.
 */
final class NirComparison
{
    private NirComparison()
    {
    }

    /** @param ticks ticks the chip ran each sample: the reference runs as many */
    static String text(final ChipProgram program, final NirImporter.Result nir, final NirGraph graph, final double dt, final int ticks,
        final int[][][] trains, final List<SampleResult> results)
    {
        final NirFloatReference reference = new NirFloatReference(graph, dt);
        final Map<String, long[]> totals = new java.util.LinkedHashMap<>();
        for (final String n : reference.neuronNodes())
        {
            totals.put(n, new long[2]);
        }
        for (int s = 0; s < results.size(); s++)
        {
            final Map<String, long[]> counts = reference.spikeCounts(trains[s], ticks);
            for (final NirImporter.Layer layer : nir.layers())
            {
                final long[] t = totals.get(layer.node());
                for (final long c : counts.get(layer.node()))
                {
                    t[0] += c;
                }
                final int pop = programPopulation(program, layer.node());
                for (final int c : results.get(s).counts[pop])
                {
                    t[1] += c;
                }
            }
        }
        final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nNIR graph, dt = %s s: spikes per neuron node, float reference "
            + "(doubles) and chip (docs/nir.md)%n", dt));
        for (final NirImporter.Layer layer : nir.layers())
        {
            final long[] t = totals.get(layer.node());
            sb.append(String.format(Locale.ROOT, "  %-20s %-8s %12d %12d  %s%n", layer.node(), layer.type(), t[0], t[1],
                t[0] == 0 ? (t[1] == 0 ? "equal" : "") : String.format(Locale.ROOT, "%+.2f %%", 100.0 * (t[1] - t[0]) / t[0])));
        }
        return sb.toString();
    }

    private static int programPopulation(final ChipProgram program, final String name)
    {
        for (final ProgramPopulation p : program.populations())
        {
            if (p.name().equals(name))
            {
                return p.id();
            }
        }
        throw new IllegalStateException(name);
    }
}
