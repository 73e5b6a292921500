package io.csdsim.models.quant;

import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one quantization rule from a float model to an {@link IntNetwork} (docs/quantization.md).
 *
 * <p>A spike of population s stands for θ_s in ANN units, so a window's total input to population p
 * is X = T·z with z the ANN pre-activation. Every conv or linear projection quantizes its effective
 * weights W·θ_s (for conv0: T·W/(255·std), on pixels p − zeroPoint) with one power-of-two scale
 * s = 2^⌈log2(max|w| / mmax)⌉, so mantissas m = round(w / s) fit the weight bits. A population's
 * unit u is the smallest scale among its inputs (halved until θ/u ≥ 2^minThresholdBits); each input
 * is shifted by log2(s/u), exact because both are powers of two — which is what lets one table
 * serve every residual reader. The attention products have weight 1 per count pair, worth
 * c = scale·θ_a·θ_b/T; their target's unit is c/2^e. Then θ = round(θ/u), v0 = floor(θ/2) unless
 * given, bias = round(T·b/u). The readout accumulates the classifier's mantissas times the residual
 * stream's column sums; a logit unit is s_head·u_R/(T·N).
 */
public final class IntQuantizer
{
    private final ModelGraph graph;
    private final QuantizationParams params;
    private final List<IntPopulation> pops = new ArrayList<>();
    private final List<Projection> projs = new ArrayList<>();
    private final Map<String, Integer> popOf = new HashMap<>();
    private final Map<String, Integer> projOf = new HashMap<>();
    /** ANN value of one spike of each population. */
    private final Map<String, Double> spikeValue = new HashMap<>();
    private final Map<String, Double> scaleFloor = new HashMap<>();

    private IntQuantizer(final ModelGraph graph, final QuantizationParams params)
    {
        this.graph = graph;
        this.params = params;
    }

    public static IntNetwork quantize(final ModelGraph graph, final QuantizationParams params)
    {
        return new IntQuantizer(graph, params).build();
    }

    /**
     * The largest integer threshold, leaving the membrane room for T thresholds' worth of input and
     * for sign: 2^(membraneBits − 4 − ⌈log2(T + 1)⌉), and never over 2^30 (thresholds are ints).
     */
    private double maxThreshold()
    {
        final int t = graph.timeWindow;
        return Math.scalb(1.0, Math.min(30, params.membraneBits() - 4 - (32 - Integer.numberOfLeadingZeros(t))));
    }

    /**
     * A writer's scale may not be finer than any reader can use: a reader's unit must keep its
     * threshold under {@link #maxThreshold()}, and its unit is at most each writer's scale. A writer
     * that only a much larger threshold reads (its effect is negligible there) gets coarser mantissas.
     */
    private Map<String, Double> scaleFloors()
    {
        final Map<String, Double> floors = new HashMap<>();
        for (final GraphNode n : graph.nodes())
        {
            if (n.op != OpKind.NEURON)
            {
                continue;
            }
            final double raw = n.threshold / maxThreshold();
            final double floor = Math.scalb(1.0, Math.getExponent(raw) + 1);
            for (final String in : n.inputs)
            {
                floors.merge(in, floor, Math::max);
            }
        }
        return floors;
    }

    private IntNetwork build()
    {
        if (!graph.hasWeights())
        {
            throw new IllegalStateException(graph.name + " has no weights");
        }
        scaleFloor.putAll(scaleFloors());
        final int t = graph.timeWindow;
        for (final GraphNode n : graph.nodes())
        {
            switch (n.op)
            {
                case INPUT -> addPop(n, IntPopulation.Kind.INPUT).unit = 1.0;
                case CONV3X3, LINEAR -> addWeighted(n);
                case QK, AV -> addProduct(n);
                case NEURON -> addNeuron(n, t);
                case MAXPOOL -> {
                    final IntPopulation p = addPop(n, IntPopulation.Kind.MAX_POOL);
                    p.source = popOf.get(n.inputs[0]);
                    final double v = spikeValue.get(n.inputs[0]);
                    spikeValue.put(n.name, v);
                    p.unit = v;
                }
                case READOUT -> addReadout(n, t);
                default -> throw new IllegalStateException(n.op.name());
            }
        }
        return new IntNetwork(graph.name, t, graph.delay, params.weightBits(), params.membraneBits(), graph.input, pops, projs);
    }

    private IntPopulation addPop(final GraphNode n, final IntPopulation.Kind kind)
    {
        final IntPopulation p = new IntPopulation(pops.size(), n.name, kind, n.shape.clone());
        pops.add(p);
        popOf.put(n.name, p.id);
        return p;
    }

    private void addWeighted(final GraphNode n)
    {
        final GraphNode src = graph.node(n.inputs[0]);
        final float[] w = graph.weight(n.weight);
        final int[] ws = graph.weightShape(n.weight);
        final int cout = ws[0];
        final int cin = ws[1];
        final double[] eff = new double[w.length];
        final InputSpec in = graph.input;
        final boolean fromInput = src.op == OpKind.INPUT;
        if (n.op == OpKind.CONV3X3)
        {
            // PyTorch [co][ci][ky][kx] to fan-out [ky][kx][ci][co].
            for (int co = 0; co < cout; co++)
            {
                for (int ci = 0; ci < cin; ci++)
                {
                    final double f = fromInput ? graph.timeWindow / (255.0 * in.std()[ci]) : spikeValue.get(src.name);
                    for (int k = 0; k < 9; k++)
                    {
                        eff[(k * cin + ci) * cout + co] = w[((co * cin + ci) * 9) + k] * f;
                    }
                }
            }
        }
        else
        {
            final double f = spikeValue.get(src.name);
            for (int o = 0; o < cout; o++)
            {
                for (int i = 0; i < cin; i++)
                {
                    eff[i * cout + o] = w[o * cin + i] * f;
                }
            }
        }
        final double scale = Math.max(powerOfTwoScale(eff), scaleFloor.getOrDefault(n.name, 0.0));
        final short[] m = mantissas(eff, scale);
        final int h = n.op == OpKind.CONV3X3 ? n.shape[0] : n.shape[0];
        final int wd = n.op == OpKind.CONV3X3 ? n.shape[1] : 1;
        final Projection.Kind kind = n.op == OpKind.CONV3X3 ? Projection.Kind.CONV3X3 : Projection.Kind.LINEAR;
        addProj(new Projection(projs.size(), n.name, kind, popOf.get(src.name), -1, h, wd, cin, cout, m, n.size(), scale));
    }

    private void addProduct(final GraphNode n)
    {
        final GraphNode a = graph.node(n.inputs[0]);
        final GraphNode b = graph.node(n.inputs[1]);
        final double c = n.scale * spikeValue.get(a.name) * spikeValue.get(b.name) / graph.timeWindow;
        final boolean scores = n.op == OpKind.QK;
        final int tokens = scores ? a.shape[0] : b.shape[0];
        final int features = scores ? a.shape[1] : b.shape[1];
        addProj(Projection.product(projs.size(), n.name, popOf.get(a.name), popOf.get(b.name), scores
            ? ProductIndex.attentionScores(tokens, features, n.heads) : ProductIndex.attentionValues(tokens, features, n.heads), c));
    }

    private void addProj(final Projection p)
    {
        projs.add(p);
        projOf.put(p.name, p.id);
    }

    private void addNeuron(final GraphNode n, final int t)
    {
        final IntPopulation p = addPop(n, IntPopulation.Kind.DIF);
        final int k = n.inputs.length;
        p.inputs = new int[k];
        p.inputShifts = new int[k];
        final double theta = n.threshold;
        final double minTheta = Math.scalb(1.0, params.minThresholdBits());
        double unit;
        final boolean product = graph.node(n.inputs[0]).op == OpKind.QK || graph.node(n.inputs[0]).op == OpKind.AV;
        if (product)
        {
            if (k != 1)
            {
                throw new InvalidInputException(graph.name, "node '" + n.name + "'.inputs",
                    "a neuron fed by an attention product takes that one input only");
            }
            final Projection pr = projs.get(projOf.get(n.inputs[0]));
            int e = 0;
            while (theta * Math.scalb(1.0, e) / pr.scale < minTheta && e < 30)
            {
                e++;
            }
            unit = pr.scale / Math.scalb(1.0, e);
            p.inputs[0] = pr.id;
            p.inputShifts[0] = e;
        }
        else
        {
            unit = Double.MAX_VALUE;
            for (int i = 0; i < k; i++)
            {
                final Projection pr = projs.get(projOf.get(n.inputs[i]));
                if (pr.kind == Projection.Kind.PRODUCT)
                {
                    throw new InvalidInputException(graph.name, "node '" + n.name + "'.inputs",
                        "'" + pr.name + "' is an attention product; it must be the neuron's only input");
                }
                unit = Math.min(unit, pr.scale);
            }
            while (theta / unit < minTheta)
            {
                unit /= 2;
            }
            for (int i = 0; i < k; i++)
            {
                final Projection pr = projs.get(projOf.get(n.inputs[i]));
                p.inputs[i] = pr.id;
                p.inputShifts[i] = Math.getExponent(pr.scale) - Math.getExponent(unit);
            }
            final int ch = p.channels();
            final double[] b = new double[ch];
            boolean any = false;
            for (final String in : n.inputs)
            {
                final String bias = graph.node(in).bias;
                if (bias != null)
                {
                    final float[] bv = graph.weight(bias);
                    for (int c = 0; c < ch; c++)
                    {
                        b[c] += bv[c];
                        any |= bv[c] != 0;
                    }
                }
            }
            if (any)
            {
                p.bias = new long[ch];
                for (int c = 0; c < ch; c++)
                {
                    p.bias[c] = Math.round(t * b[c] / unit);
                }
            }
        }
        final long thetaInt = Math.max(1, Math.round(theta / unit));
        if (thetaInt > maxThreshold())
        {
            throw new InvalidInputException(graph.name, "node '" + n.name + "'.threshold", "needs " + thetaInt
                + " integer units, more than a " + params.membraneBits() + "-bit membrane holds; use more membrane bits");
        }
        p.theta = (int)thetaInt;
        p.v0 = Double.isNaN(n.v0) ? p.theta / 2 : (int)Math.round(n.v0 / unit);
        p.unit = unit;
        spikeValue.put(n.name, theta);
    }

    private void addReadout(final GraphNode n, final int t)
    {
        final IntPopulation p = addPop(n, IntPopulation.Kind.READOUT);
        final int k = n.inputs.length;
        p.inputs = new int[k];
        p.inputShifts = new int[k];
        double unit = Double.MAX_VALUE;
        for (final String in : n.inputs)
        {
            unit = Math.min(unit, projs.get(projOf.get(in)).scale);
        }
        final GraphNode w0 = graph.node(n.inputs[0]);
        final int features = w0.shape[w0.shape.length - 1];
        final int tokens = w0.size() / features;
        final double[] writerBias = new double[features];
        for (int i = 0; i < k; i++)
        {
            final Projection pr = projs.get(projOf.get(n.inputs[i]));
            p.inputs[i] = pr.id;
            p.inputShifts[i] = Math.getExponent(pr.scale) - Math.getExponent(unit);
            final String bias = graph.node(n.inputs[i]).bias;
            if (bias != null)
            {
                final float[] bv = graph.weight(bias);
                for (int j = 0; j < features; j++)
                {
                    writerBias[j] += bv[j];
                }
            }
        }
        final int classes = n.shape[0];
        final float[] w = graph.weight(n.weight);
        final double[] eff = new double[w.length];
        for (int c = 0; c < classes; c++)
        {
            for (int j = 0; j < features; j++)
            {
                eff[j * classes + c] = w[c * features + j];
            }
        }
        final double hs = powerOfTwoScale(eff);
        final Projection head = new Projection(projs.size(), n.name + ".head", Projection.Kind.HEAD, -1, -1, tokens, 1,
            features, classes, mantissas(eff, hs), classes, hs);
        addProj(head);
        p.head = head.id;
        final float[] hb = n.bias == null ? new float[classes] : graph.weight(n.bias);
        p.bias = new long[classes];
        final double logitUnit = hs * unit / ((double)t * tokens);
        for (int c = 0; c < classes; c++)
        {
            double b = hb[c];
            for (int j = 0; j < features; j++)
            {
                b += w[c * features + j] * writerBias[j];
            }
            p.bias[c] = Math.round(b / logitUnit);
        }
        p.unit = logitUnit;
    }

    private double powerOfTwoScale(final double[] eff)
    {
        double max = 0;
        for (final double v : eff)
        {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0)
        {
            return 1.0;
        }
        final double raw = max / params.mantissaMax();
        final int e = Math.getExponent(raw);
        return Math.scalb(1.0, raw == Math.scalb(1.0, e) ? e : e + 1);
    }

    private short[] mantissas(final double[] eff, final double scale)
    {
        final short[] m = new short[eff.length];
        final int max = params.mantissaMax();
        for (int i = 0; i < eff.length; i++)
        {
            final long q = Math.round(eff[i] / scale);
            m[i] = (short)Math.max(-max, Math.min(max, q));
        }
        return m;
    }
}
