package io.csdsim.models.reference;

import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The error the integer rule adds, measured on images. Per DIF population: the largest |Δz| between
 * the float model's pre-activation and the integer one (x·unit/T) when both are fed the float
 * model's own spike counts — the error this population's weights, bias and threshold add — in ANN
 * units and in thresholds; and, end to end, the fraction of neurons whose count differs once errors
 * have propagated. Also how often the two models predict the same class.
 */
public final class QuantizationError
{
    /** One population's figures over all images; countMismatch is end to end. */
    public record Row(String population, double maxAbsDelta, double maxDeltaOverThreshold, double countMismatch)
    {
    }

    private final List<Row> rows = new ArrayList<>();
    private int sameClass;
    private int images;
    private int floatCorrect;
    private int integerCorrect;

    public QuantizationError(final ModelGraph graph, final IntNetwork net, final int[][] pixels)
    {
        this(graph, net, pixels, null);
    }

    /** @param labels one class per image, or null. */
    public QuantizationError(final ModelGraph graph, final IntNetwork net, final int[][] pixels, final int[] labels)
    {
        final FloatReference fr = new FloatReference(graph);
        final QuantizedReference qr = new QuantizedReference(net);
        final int n = net.populationCount();
        final double[] maxAbs = new double[n];
        final long[] mismatched = new long[n];
        final long[] total = new long[n];
        for (int img = 0; img < pixels.length; img++)
        {
            final int[] px = pixels[img];
            final FloatReference.Run run = fr.runAll(px);
            final ExecutionResult r = qr.run(net.encode(px));
            final int[][] floatCounts = new int[n][];
            final long[][] cache = new long[net.projectionCount()][];
            for (int id = 0; id < n; id++)
            {
                final IntPopulation p = net.population(id);
                floatCounts[id] = p.kind == IntPopulation.Kind.INPUT ? net.encode(px)
                    : p.spiking() ? run.counts(graph.indexOf(p.name)) : null;
            }
            for (int id = 0; id < n; id++)
            {
                final IntPopulation p = net.population(id);
                if (p.kind != IntPopulation.Kind.DIF)
                {
                    continue;
                }
                final int gi = graph.indexOf(p.name);
                final double[] z = run.preActivation(gi);
                final int[] fc = floatCounts[id];
                final long[] local = qr.windowInput(p, floatCounts, cache);
                for (int e = 0; e < z.length; e++)
                {
                    final double zi = local[e] * p.unit / net.timeWindow;
                    maxAbs[id] = Math.max(maxAbs[id], Math.abs(zi - z[e]));
                    if (fc[e] != r.counts()[id][e])
                    {
                        mismatched[id]++;
                    }
                }
                total[id] += z.length;
            }
            final GraphNode ro = readout(graph);
            if (ro != null)
            {
                final double[] logits = run.value(graph.indexOf(ro.name));
                int best = 0;
                for (int c = 1; c < logits.length; c++)
                {
                    if (logits[c] > logits[best])
                    {
                        best = c;
                    }
                }
                sameClass += best == r.predictedClass() ? 1 : 0;
                if (labels != null)
                {
                    floatCorrect += best == labels[img] ? 1 : 0;
                    integerCorrect += r.predictedClass() == labels[img] ? 1 : 0;
                }
            }
            images++;
        }
        for (int id = 0; id < n; id++)
        {
            final IntPopulation p = net.population(id);
            if (p.kind == IntPopulation.Kind.DIF)
            {
                final double theta = graph.node(p.name).threshold;
                rows.add(new Row(p.name, maxAbs[id], maxAbs[id] / theta, total[id] == 0 ? 0 : (double)mismatched[id] / total[id]));
            }
        }
    }

    private static GraphNode readout(final ModelGraph g)
    {
        for (final GraphNode n : g.nodes())
        {
            if (n.op == OpKind.READOUT)
            {
                return n;
            }
        }
        return null;
    }

    public List<Row> rows()
    {
        return rows;
    }

    /** @return the float model's accuracy on the labelled images. */
    public double floatAccuracy()
    {
        return images == 0 ? 0 : (double)floatCorrect / images;
    }

    /** @return the integer network's accuracy on the labelled images. */
    public double integerAccuracy()
    {
        return images == 0 ? 0 : (double)integerCorrect / images;
    }

    /** @return the fraction of images on which the float and integer models predict the same class. */
    public double classAgreement()
    {
        return images == 0 ? 1 : (double)sameClass / images;
    }
}
