package io.csdsim.models.nir;

import io.csdsim.models.InvalidInputException;

import java.util.Arrays;

/**
 * One of NIR's linear nodes as an operator on a layer's values, laid out as NIR lays them (PyTorch's
 * C-major [channels, height, width], flattened): Affine, Linear, Conv1d, Conv2d (stride, padding,
 * dilation, groups), SumPool2d, AvgPool2d, Flatten, Scale and Delay. It maps an input vector to an
 * output vector ({@link #apply}), one input unit to the outputs it reaches ({@link #scatter}), and
 * says what a constant bias adds. The importer composes chains of them into synapses; the float
 * reference applies them to each tick's spikes.
 */
final class NirLinearOp
{
    /** What the operator does. */
    enum Kind
    {
        MATRIX, CONV, POOL, IDENTITY, SCALE
    }

    final String node;
    final String type;
    final Kind kind;
    final int inSize;
    final int outSize;
    /** The output's shape, C-major. */
    final int[] outShape;
    /** Ticks it adds (Delay). */
    final int delayTicks;
    /** MATRIX: [out][in]; CONV: [co][ci/groups][kh][kw]; SCALE: per output (or one value). */
    private final double[] w;
    /** Constant added to every output (Affine and Conv biases), or null. */
    final double[] bias;
    // Convolution and pooling geometry (1-D convolutions have height 1).
    private final int ci;
    private final int co;
    private final int h;
    private final int wd;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int ph;
    private final int pw;
    private final int dh;
    private final int dw;
    private final int groups;
    private final int oh;
    private final int ow;
    private final double poolScale;

    private NirLinearOp(final String node, final String type, final Kind kind, final int inSize, final int[] outShape, final double[] w,
        final double[] bias, final int[] geometry, final double poolScale, final int delayTicks)
    {
        this.node = node;
        this.type = type;
        this.kind = kind;
        this.inSize = inSize;
        this.outShape = outShape;
        this.outSize = Arrays.stream(outShape).reduce(1, (a, b) -> a * b);
        this.w = w;
        this.bias = bias;
        this.ci = geometry[0];
        this.co = geometry[1];
        this.h = geometry[2];
        this.wd = geometry[3];
        this.kh = geometry[4];
        this.kw = geometry[5];
        this.sh = geometry[6];
        this.sw = geometry[7];
        this.ph = geometry[8];
        this.pw = geometry[9];
        this.dh = geometry[10];
        this.dw = geometry[11];
        this.groups = geometry[12];
        this.oh = geometry[13];
        this.ow = geometry[14];
        this.poolScale = poolScale;
        this.delayTicks = delayTicks;
    }

    /**
     * @return the operator of a linear node whose input has the given shape (C-major)
     * @throws InvalidInputException naming the node and parameter when its parameters do not fit
     */
    static NirLinearOp of(final String src, final NirGraph.Node n, final int[] inShape, final double dt)
    {
        final int in = Arrays.stream(inShape).reduce(1, (a, b) -> a * b);
        final int[] none = new int[15];
        switch (n.type())
        {
            case "Affine", "Linear" -> {
                final NirTensor weight = need(src, n, "weight");
                if (weight.shape().length != 2 || weight.shape()[1] != in)
                {
                    throw bad(src, n, "weight", Arrays.toString(weight.shape()) + "; expected [out, " + in + "] for its input of " + in);
                }
                final int out = weight.shape()[0];
                double[] b = null;
                if (n.type().equals("Affine"))
                {
                    b = vector(src, n, "bias", out);
                }
                return new NirLinearOp(n.name(), n.type(), Kind.MATRIX, in, new int[] {out}, weight.values(), b, none, 1, 0);
            }
            case "Conv1d", "Conv2d" -> {
                final boolean two = n.type().equals("Conv2d");
                final NirTensor weight = need(src, n, "weight");
                final int dims = two ? 4 : 3;
                if (weight.shape().length != dims)
                {
                    throw bad(src, n, "weight", Arrays.toString(weight.shape()) + "; expected " + (two ? "[out, in/groups, kh, kw]" : "[out, in/groups, k]"));
                }
                final int g = (int)scalar(src, n, "groups", 1);
                final int cOut = weight.shape()[0];
                final int cIn = weight.shape()[1] * g;
                final int spatial = two ? 2 : 1;
                if (inShape.length != spatial + 1 || inShape[0] != cIn)
                {
                    throw bad(src, n, "weight", "takes " + cIn + " input channels; its input is " + Arrays.toString(inShape));
                }
                final int height = two ? inShape[1] : 1;
                final int width = inShape[spatial];
                final int[] stride = pair(src, n, "stride", spatial, 1);
                final int[] pad = pair(src, n, "padding", spatial, 0);
                final int[] dil = pair(src, n, "dilation", spatial, 1);
                final int kH = two ? weight.shape()[2] : 1;
                final int kW = weight.shape()[dims - 1];
                final int oH = two ? (height + 2 * pad[0] - dil[0] * (kH - 1) - 1) / stride[0] + 1 : 1;
                final int oW = (width + 2 * pad[spatial - 1] - dil[spatial - 1] * (kW - 1) - 1) / stride[spatial - 1] + 1;
                if (oH < 1 || oW < 1 || cOut % g != 0)
                {
                    throw bad(src, n, "weight", "a kernel that does not fit its input " + Arrays.toString(inShape));
                }
                final int[] geo = {cIn, cOut, height, width, kH, kW, two ? stride[0] : 1, stride[spatial - 1], two ? pad[0] : 0, pad[spatial - 1],
                    two ? dil[0] : 1, dil[spatial - 1], g, oH, oW};
                final double[] b = n.param("bias") == null ? null : vector(src, n, "bias", cOut);
                return new NirLinearOp(n.name(), n.type(), Kind.CONV, in, two ? new int[] {cOut, oH, oW} : new int[] {cOut, oW}, weight.values(), b,
                    geo, 1, 0);
            }
            case "SumPool2d", "AvgPool2d" -> {
                if (inShape.length != 3)
                {
                    throw bad(src, n, "kernel_size", "a 2-D pool on an input of shape " + Arrays.toString(inShape) + "; expected [channels, height, width]");
                }
                final int[] k = pair(src, n, "kernel_size", 2, -1);
                final int[] stride = pair(src, n, "stride", 2, -1);
                final int[] pad = pair(src, n, "padding", 2, 0);
                final int oH = (inShape[1] + 2 * pad[0] - k[0]) / stride[0] + 1;
                final int oW = (inShape[2] + 2 * pad[1] - k[1]) / stride[1] + 1;
                if (oH < 1 || oW < 1)
                {
                    throw bad(src, n, "kernel_size", "a window larger than its input " + Arrays.toString(inShape));
                }
                final int[] geo = {inShape[0], inShape[0], inShape[1], inShape[2], k[0], k[1], stride[0], stride[1], pad[0], pad[1], 1, 1, inShape[0],
                    oH, oW};
                // An average pool divides by the window's size, padding included (PyTorch's default).
                final double scale = n.type().equals("AvgPool2d") ? 1.0 / (k[0] * k[1]) : 1;
                return new NirLinearOp(n.name(), n.type(), Kind.POOL, in, new int[] {inShape[0], oH, oW}, null, null, geo, scale, 0);
            }
            case "Flatten" -> {
                final int start = (int)scalar(src, n, "start_dim", 0);
                final int end = (int)scalar(src, n, "end_dim", -1);
                final int s = start < 0 ? inShape.length + start : start;
                final int e = end < 0 ? inShape.length + end : end;
                if (s < 0 || e >= inShape.length || s > e)
                {
                    throw bad(src, n, "start_dim", start + ".." + end + " on an input of shape " + Arrays.toString(inShape));
                }
                final int[] out = new int[inShape.length - (e - s)];
                int k = 0;
                for (int d = 0; d < inShape.length; d++)
                {
                    if (d > s && d <= e)
                    {
                        out[k - 1] *= inShape[d];
                    }
                    else
                    {
                        out[k++] = inShape[d];
                    }
                }
                return new NirLinearOp(n.name(), n.type(), Kind.IDENTITY, in, out, null, null, none, 1, 0);
            }
            case "Scale" -> {
                final NirTensor s = need(src, n, "scale");
                if (s.size() != 1 && s.size() != in)
                {
                    throw bad(src, n, "scale", s.size() + " values; expected 1 or " + in);
                }
                return new NirLinearOp(n.name(), n.type(), Kind.SCALE, in, inShape, s.values(), null, none, 1, 0);
            }
            case "Delay" -> {
                final NirTensor d = need(src, n, "delay");
                if (!d.uniform())
                {
                    throw bad(src, n, "delay", "delays that differ between units; csdsim delays a projection as a whole");
                }
                final double ticks = d.values()[0] / dt;
                final long rounded = Math.round(ticks);
                if (rounded < 0 || rounded > 60 || Math.abs(ticks - rounded) > 1e-6 * Math.max(1, ticks))
                {
                    throw bad(src, n, "delay", d.values()[0] + " s; expected a whole number of ticks of " + dt + " s, at most 60");
                }
                return new NirLinearOp(n.name(), n.type(), Kind.IDENTITY, in, inShape, null, null, none, 1, (int)rounded);
            }
            default -> throw new IllegalArgumentException(n.type());
        }
    }

    /** The outputs a sparse application touched, each once, so that composing a chain costs its synapses, not its layers' sizes. */
    static final class Touched
    {
        private final boolean[] seen;
        private final int[] list;
        private int n;

        Touched(final int size)
        {
            seen = new boolean[size];
            list = new int[size];
        }

        void touch(final int o)
        {
            if (!seen[o])
            {
                seen[o] = true;
                list[n++] = o;
            }
        }

        int count()
        {
            return n;
        }

        int get(final int k)
        {
            return list[k];
        }

        /** Forgets what was touched (and zeroes those outputs of {@code out}). */
        void clear(final double[] out)
        {
            for (int k = 0; k < n; k++)
            {
                seen[list[k]] = false;
                out[list[k]] = 0;
            }
            n = 0;
        }
    }

    private static void add(final double[] out, final int o, final double v, final Touched t)
    {
        if (t != null)
        {
            t.touch(o);
        }
        out[o] += v;
    }

    /** Adds {@code value} × the operator's column of input unit i to {@code out}. */
    void scatter(final int i, final double value, final double[] out)
    {
        scatter(i, value, out, null);
    }

    /** Adds {@code value} × the operator's column of input unit i to {@code out}, recording the outputs touched (when t is not null). */
    void scatter(final int i, final double value, final double[] out, final Touched t)
    {
        switch (kind)
        {
            case MATRIX -> {
                for (int o = 0; o < outSize; o++)
                {
                    add(out, o, w[o * inSize + i] * value, t);
                }
            }
            case IDENTITY -> add(out, i, value, t);
            case SCALE -> add(out, i, (w.length == 1 ? w[0] : w[i]) * value, t);
            case CONV, POOL -> {
                final int c = i / (h * wd);
                final int y = i / wd % h;
                final int x = i % wd;
                final int perGroupIn = ci / groups;
                final int perGroupOut = co / groups;
                final int g = c / perGroupIn;
                for (int ky = 0; ky < kh; ky++)
                {
                    final int ty = y + ph - ky * dh;
                    if (ty < 0 || ty % sh != 0 || ty / sh >= oh)
                    {
                        continue;
                    }
                    for (int kx = 0; kx < kw; kx++)
                    {
                        final int tx = x + pw - kx * dw;
                        if (tx < 0 || tx % sw != 0 || tx / sw >= ow)
                        {
                            continue;
                        }
                        final int oy = ty / sh;
                        final int ox = tx / sw;
                        if (kind == Kind.POOL)
                        {
                            add(out, (c * oh + oy) * ow + ox, poolScale * value, t);
                            continue;
                        }
                        for (int o = g * perGroupOut; o < (g + 1) * perGroupOut; o++)
                        {
                            final double k = w[((o * perGroupIn + c % perGroupIn) * kh + ky) * kw + kx];
                            add(out, (o * oh + oy) * ow + ox, k * value, t);
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** @return the operator applied to a whole input vector (no bias). */
    double[] apply(final double[] in)
    {
        final double[] out = new double[outSize];
        for (int i = 0; i < in.length; i++)
        {
            if (in[i] != 0)
            {
                scatter(i, in[i], out);
            }
        }
        return out;
    }

    /** @return the bias as a vector over the outputs, or null. */
    double[] biasVector()
    {
        if (bias == null)
        {
            return null;
        }
        final double[] b = new double[outSize];
        final int per = outSize / bias.length;
        for (int o = 0; o < outSize; o++)
        {
            b[o] = bias[o / per];
        }
        return b;
    }

    private static NirTensor need(final String src, final NirGraph.Node n, final String key)
    {
        final NirTensor t = n.param(key);
        if (t == null || t.text() != null)
        {
            throw bad(src, n, key, "missing; a " + n.type() + " node needs it");
        }
        return t;
    }

    private static double[] vector(final String src, final NirGraph.Node n, final String key, final int size)
    {
        final NirTensor t = need(src, n, key);
        if (t.size() != size)
        {
            throw bad(src, n, key, t.size() + " values; expected " + size);
        }
        return t.values();
    }

    private static double scalar(final String src, final NirGraph.Node n, final String key, final double absent)
    {
        final NirTensor t = n.param(key);
        if (t == null)
        {
            return absent;
        }
        if (t.size() != 1)
        {
            throw bad(src, n, key, Arrays.toString(t.values()) + "; expected one number");
        }
        return t.values()[0];
    }

    /** @return a per-dimension parameter (stride, padding, …) given once or per dimension. */
    private static int[] pair(final String src, final NirGraph.Node n, final String key, final int dims, final int absent)
    {
        final NirTensor t = n.param(key);
        if (t == null)
        {
            if (absent < 0)
            {
                throw bad(src, n, key, "missing; a " + n.type() + " node needs it");
            }
            final int[] out = new int[dims];
            Arrays.fill(out, absent);
            return out;
        }
        if (t.size() != 1 && t.size() != dims)
        {
            throw bad(src, n, key, Arrays.toString(t.values()) + "; expected 1 or " + dims + " values");
        }
        final int[] out = new int[dims];
        for (int d = 0; d < dims; d++)
        {
            final double v = t.values()[t.size() == 1 ? 0 : d];
            if (v != Math.rint(v) || v < 0 || v > 1 << 16)
            {
                throw bad(src, n, key, v + "; expected a whole number >= 0");
            }
            out[d] = (int)v;
        }
        if (!key.equals("padding"))
        {
            for (final int v : out)
            {
                if (v < 1)
                {
                    throw bad(src, n, key, Arrays.toString(out) + "; expected values >= 1");
                }
            }
        }
        return out;
    }

    static InvalidInputException bad(final String src, final NirGraph.Node n, final String key, final String what)
    {
        return new InvalidInputException(src, "node '" + n.name() + "' (" + n.type() + ")." + key, what);
    }
}
