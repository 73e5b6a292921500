package io.csdsim.models.reference;

import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;

import java.util.stream.IntStream;

/**
 * The quantized ANN in double precision, on the float model: every neuron is the LSQ/QCFS activation
 * θ/T · clip(floor((T·z + v0) / θ), 0, T). It measures the integer rule's error and drives threshold
 * calibration, which is why a {@link Run} can stop at a neuron's pre-activation before activating it.
 */
public final class FloatReference
{
    private final ModelGraph graph;
    /**
     * The one node whose weights are held in fan-out layout (conv [ky][kx][ci][co], linear and head
     * [in][out]); runs evaluate node after node, so caching only the last keeps one extra layer, not
     * a second copy of the model.
     */
    private int fanOutNode = -1;
    private float[] fanOutWeights;

    public FloatReference(final ModelGraph graph)
    {
        this.graph = graph;
    }

    private synchronized float[] fanOut(final int i)
    {
        if (i == fanOutNode)
        {
            return fanOutWeights;
        }
        final GraphNode n = graph.nodes().get(i);
        final float[] w = graph.weight(n.weight);
        final int[] s = graph.weightShape(n.weight);
        final float[] t = new float[w.length];
        if (n.op == OpKind.CONV3X3)
        {
            for (int co = 0; co < s[0]; co++)
            {
                for (int ci = 0; ci < s[1]; ci++)
                {
                    for (int k = 0; k < 9; k++)
                    {
                        t[(k * s[1] + ci) * s[0] + co] = w[(co * s[1] + ci) * 9 + k];
                    }
                }
            }
        }
        else
        {
            for (int o = 0; o < s[0]; o++)
            {
                for (int in = 0; in < s[1]; in++)
                {
                    t[in * s[0] + o] = w[o * s[1] + in];
                }
            }
        }
        fanOutNode = i;
        fanOutWeights = t;
        return t;
    }

    public ModelGraph graph()
    {
        return graph;
    }

    /** Starts a run on 8-bit pixels laid out [H, W, C]. */
    public Run start(final int[] pixels)
    {
        return new Run(pixels);
    }

    /** Runs the whole model; needs every threshold. */
    public Run runAll(final int[] pixels)
    {
        final Run r = start(pixels);
        for (int i = 0; i < graph.nodes().size(); i++)
        {
            r.evaluate(i);
        }
        return r;
    }

    /** One sample's values: currents of synaptic nodes, activations of populations, logits of the readout. */
    public final class Run
    {
        private final double[][] values = new double[graph.nodes().size()][];
        private final double[][] pre = new double[graph.nodes().size()][];

        private Run(final int[] pixels)
        {
            final InputSpec in = graph.input;
            final double[] x = new double[pixels.length];
            final int c = in.channels();
            for (int i = 0; i < x.length; i++)
            {
                x[i] = (pixels[i] / 255.0 - in.mean()[i % c]) / in.std()[i % c];
            }
            values[graph.indexOf(inputName())] = x;
        }

        private String inputName()
        {
            for (final GraphNode n : graph.nodes())
            {
                if (n.op == OpKind.INPUT)
                {
                    return n.name;
                }
            }
            throw new IllegalStateException("no input");
        }

        /** Evaluates node i (its inputs must be evaluated). */
        public void evaluate(final int i)
        {
            final GraphNode n = graph.nodes().get(i);
            if (n.op == OpKind.NEURON)
            {
                preActivation(i);
                activate(i);
                return;
            }
            if (values[i] != null)
            {
                return;
            }
            values[i] = switch (n.op)
            {
                case CONV3X3 -> conv(n, fanOut(i), in(n, 0));
                case LINEAR -> linear(n, fanOut(i), in(n, 0));
                case QK -> qk(n, in(n, 0), in(n, 1));
                case AV -> av(n, in(n, 0), in(n, 1));
                case MAXPOOL -> maxPool(graph.node(n.inputs[0]), n, in(n, 0));
                case READOUT -> readout(n, fanOut(i));
                default -> throw new IllegalStateException(n.op.name());
            };
        }

        /** @return the pre-activation z of neuron node i (sum of its input currents, biases included). */
        public double[] preActivation(final int i)
        {
            if (pre[i] == null)
            {
                final GraphNode n = graph.nodes().get(i);
                final double[] z = new double[n.size()];
                for (int k = 0; k < n.inputs.length; k++)
                {
                    final double[] c = in(n, k);
                    for (int e = 0; e < z.length; e++)
                    {
                        z[e] += c[e];
                    }
                }
                pre[i] = z;
            }
            return pre[i];
        }

        /** Applies neuron node i's quantizer with its current threshold. */
        public void activate(final int i)
        {
            final GraphNode n = graph.nodes().get(i);
            values[i] = activation(preActivation(i), n.threshold, n.v0, graph.timeWindow);
        }

        public double[] value(final int i)
        {
            return values[i];
        }

        /** @return the spike count per neuron of node i, value·T/θ. */
        public int[] counts(final int i)
        {
            final GraphNode n = graph.nodes().get(i);
            final GraphNode spiking = n.op == OpKind.MAXPOOL ? graph.node(n.inputs[0]) : n;
            final double[] v = values[i];
            final int[] c = new int[v.length];
            for (int e = 0; e < v.length; e++)
            {
                c[e] = (int)Math.round(v[e] * graph.timeWindow / spiking.threshold);
            }
            return c;
        }

        private double[] in(final GraphNode n, final int k)
        {
            final int j = graph.indexOf(n.inputs[k]);
            if (values[j] == null)
            {
                evaluate(j);
            }
            return values[j];
        }

        private double[] bias(final GraphNode n, final int len)
        {
            return n.bias == null ? new double[len] : toDouble(graph.weight(n.bias));
        }

        private double[] conv(final GraphNode n, final float[] w, final double[] in)
        {
            final int h = n.shape[0];
            final int wd = n.shape[1];
            final int cout = n.shape[2];
            final int cin = in.length / (h * wd);
            final double[] b = bias(n, cout);
            final double[] out = new double[n.size()];
            IntStream.range(0, h).parallel().forEach(yo -> {
                for (int xo = 0; xo < wd; xo++)
                {
                    final int ob = (yo * wd + xo) * cout;
                    System.arraycopy(b, 0, out, ob, cout);
                    for (int ky = 0; ky < 3; ky++)
                    {
                        final int y = yo + ky - 1;
                        if (y < 0 || y >= h)
                        {
                            continue;
                        }
                        for (int kx = 0; kx < 3; kx++)
                        {
                            final int x = xo + kx - 1;
                            if (x < 0 || x >= wd)
                            {
                                continue;
                            }
                            final int ib = (y * wd + x) * cin;
                            for (int ci = 0; ci < cin; ci++)
                            {
                                final double a = in[ib + ci];
                                if (a == 0)
                                {
                                    continue;
                                }
                                final int wb = ((ky * 3 + kx) * cin + ci) * cout;
                                for (int co = 0; co < cout; co++)
                                {
                                    out[ob + co] += a * w[wb + co];
                                }
                            }
                        }
                    }
                }
            });
            return out;
        }

        private double[] linear(final GraphNode n, final float[] w, final double[] in)
        {
            final int tokens = n.shape[0];
            final int dout = n.shape[1];
            final int din = in.length / tokens;
            final double[] b = bias(n, dout);
            final double[] out = new double[n.size()];
            IntStream.range(0, tokens).parallel().forEach(t -> {
                final int ob = t * dout;
                System.arraycopy(b, 0, out, ob, dout);
                for (int i = 0; i < din; i++)
                {
                    final double a = in[t * din + i];
                    if (a == 0)
                    {
                        continue;
                    }
                    final int wb = i * dout;
                    for (int o = 0; o < dout; o++)
                    {
                        out[ob + o] += a * w[wb + o];
                    }
                }
            });
            return out;
        }

        private double[] qk(final GraphNode n, final double[] q, final double[] k)
        {
            final int heads = n.heads;
            final int tok = n.shape[1];
            final int d = q.length / tok;
            final int dk = d / heads;
            final double[] out = new double[n.size()];
            IntStream.range(0, heads * tok).parallel().forEach(hi -> {
                final int h = hi / tok;
                final int i = hi % tok;
                for (int j = 0; j < tok; j++)
                {
                    double s = 0;
                    for (int e = h * dk; e < (h + 1) * dk; e++)
                    {
                        s += q[i * d + e] * k[j * d + e];
                    }
                    out[hi * tok + j] = s * n.scale;
                }
            });
            return out;
        }

        private double[] av(final GraphNode n, final double[] a, final double[] v)
        {
            final int tok = n.shape[0];
            final int d = n.shape[1];
            final int dk = d / n.heads;
            final double[] out = new double[n.size()];
            IntStream.range(0, tok).parallel().forEach(i -> {
                for (int e = 0; e < d; e++)
                {
                    final int h = e / dk;
                    double s = 0;
                    for (int j = 0; j < tok; j++)
                    {
                        s += a[(h * tok + i) * tok + j] * v[j * d + e];
                    }
                    out[i * d + e] = s * n.scale;
                }
            });
            return out;
        }

        private double[] readout(final GraphNode n, final float[] w)
        {
            final GraphNode first = graph.node(n.inputs[0]);
            final int features = first.shape[first.shape.length - 1];
            final int tokens = first.size() / features;
            final double[] mean = new double[features];
            for (int k = 0; k < n.inputs.length; k++)
            {
                final double[] c = in(n, k);
                for (int e = 0; e < c.length; e++)
                {
                    mean[e % features] += c[e] / tokens;
                }
            }
            final int classes = n.shape[0];
            final double[] out = bias(n, classes);
            for (int j = 0; j < features; j++)
            {
                for (int c = 0; c < classes; c++)
                {
                    out[c] += mean[j] * w[j * classes + c];
                }
            }
            return out;
        }
    }

    /** LSQ/QCFS activation of pre-activations z with threshold θ, initial potential v0 (NaN: θ/2). */
    public static double[] activation(final double[] z, final double theta, final double v0, final int t)
    {
        final double shift = Double.isNaN(v0) ? theta / 2 : v0;
        final double[] a = new double[z.length];
        for (int e = 0; e < z.length; e++)
        {
            final double n = Math.max(0, Math.min(t, Math.floor((t * z[e] + shift) / theta)));
            a[e] = theta * n / t;
        }
        return a;
    }

    static double[] maxPool(final GraphNode src, final GraphNode out, final double[] in)
    {
        final int h = src.shape[0];
        final int w = src.shape[1];
        final int c = src.shape[2];
        final int ho = out.shape[0];
        final int wo = out.shape[1];
        final double[] res = new double[out.size()];
        for (int yo = 0; yo < ho; yo++)
        {
            for (int xo = 0; xo < wo; xo++)
            {
                final int ob = (yo * wo + xo) * c;
                for (int y = Math.max(0, 2 * yo - 1); y <= Math.min(h - 1, 2 * yo + 1); y++)
                {
                    for (int x = Math.max(0, 2 * xo - 1); x <= Math.min(w - 1, 2 * xo + 1); x++)
                    {
                        for (int ch = 0; ch < c; ch++)
                        {
                            res[ob + ch] = Math.max(res[ob + ch], in[(y * w + x) * c + ch]);
                        }
                    }
                }
            }
        }
        return res;
    }

    private static double[] toDouble(final float[] f)
    {
        final double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++)
        {
            d[i] = f[i];
        }
        return d;
    }
}
