package io.csdsim.models.reference;

import io.csdsim.models.quant.ProductIndex;
import io.csdsim.models.quant.Projection;

/**
 * The integer synaptic arithmetic both oracles share: scatter one source element's value along its
 * fan-out, and the attention products of whole count matrices.
 */
final class SynapticKernels
{
    private SynapticKernels()
    {
    }

    /** A general convolution: source (y, x, ci) feeds output (yo, xo, co) of its group where yo·stride − pad + ky = y. */
    private static void scatterConv(final Projection p, final int index, final long value, final long[] out)
    {
        final int cin = p.inFeatures;
        final int cout = p.outFeatures;
        final int cinG = cin / p.groups;
        final int coutG = cout / p.groups;
        final int ci = index % cin;
        final int y = index / cin / p.width;
        final int x = index / cin % p.width;
        // Tap ky reaches output row yo when yo·stride = y + pad − ky: the taps of one stride class.
        for (int ky = (y + p.pad) % p.stride; ky < p.kernel; ky += p.stride)
        {
            final int yo = (y + p.pad - ky) / p.stride;
            if (yo < 0 || yo >= p.outHeight())
            {
                continue;
            }
            for (int kx = (x + p.pad) % p.stride; kx < p.kernel; kx += p.stride)
            {
                final int xo = (x + p.pad - kx) / p.stride;
                if (xo < 0 || xo >= p.outWidth())
                {
                    continue;
                }
                for (int co = ci / cinG * coutG; co < (ci / cinG + 1) * coutG; co++)
                {
                    out[(yo * p.outWidth() + xo) * cout + co] += value * p.mantissa[((ky * p.kernel + kx) * cinG + ci % cinG) * cout + co];
                }
            }
        }
    }

    /** out += value · (fan-out of source element {@code index}) for a conv, linear or sparse projection. */
    static void scatter(final Projection p, final int index, final long value, final long[] out)
    {
        final short[] m = p.mantissa;
        if (p.kind == Projection.Kind.CONV)
        {
            scatterConv(p, index, value, out);
            return;
        }
        if (p.kind == Projection.Kind.SPARSE)
        {
            for (int k = p.rowStart[index]; k < p.rowStart[index + 1]; k++)
            {
                out[p.targets[k]] += value * m[k];
            }
            return;
        }
        final int cout = p.outFeatures;
        if (p.kind == Projection.Kind.LINEAR)
        {
            final int din = p.inFeatures;
            final int n = index / din;
            final int wBase = (index - n * din) * cout;
            final int oBase = n * cout;
            for (int o = 0; o < cout; o++)
            {
                out[oBase + o] += value * m[wBase + o];
            }
            return;
        }
        final int cin = p.inFeatures;
        final int w = p.width;
        final int h = p.height;
        final int ci = index % cin;
        final int pix = index / cin;
        final int y = pix / w;
        final int x = pix - y * w;
        for (int ky = 0; ky < 3; ky++)
        {
            final int yo = y - ky + 1;
            if (yo < 0 || yo >= h)
            {
                continue;
            }
            for (int kx = 0; kx < 3; kx++)
            {
                final int xo = x - kx + 1;
                if (xo < 0 || xo >= w)
                {
                    continue;
                }
                final int wBase = ((ky * 3 + kx) * cin + ci) * cout;
                final int oBase = (yo * w + xo) * cout;
                for (int o = 0; o < cout; o++)
                {
                    out[oBase + o] += value * m[wBase + o];
                }
            }
        }
    }

    /** out += projection applied to a whole vector of values (counts or pixels); zeros are skipped. */
    static void scatterAll(final Projection p, final int[] values, final long[] out)
    {
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] != 0)
            {
                scatter(p, i, values[i], out);
            }
        }
    }

    /**
     * out[o] += Σ a[α]·b[β] over every assignment of the product's axes: per non-zero element of a,
     * every assignment of the axes a lacks, the innermost of them in one strided run.
     */
    static void product(final Projection p, final int[] a, final int[] b, final long[] out)
    {
        final ProductIndex map = p.product;
        final int[] ext = map.extents();
        final int[] sa = map.strides(map.a());
        final int[] sb = map.strides(map.b());
        final int[] so = map.strides(map.out());
        int inner = -1;
        for (int ax = 0; ax < ext.length; ax++)
        {
            inner = sa[ax] == 0 ? ax : inner;
        }
        final int[] value = new int[ext.length];
        for (int i = 0; i < a.length; i++)
        {
            if (a[i] == 0)
            {
                continue;
            }
            int o0 = 0;
            int b0 = 0;
            for (int ax = 0; ax < ext.length; ax++)
            {
                value[ax] = 0;
                if (sa[ax] != 0)
                {
                    final int v = i / sa[ax] % ext[ax];
                    o0 += v * so[ax];
                    b0 += v * sb[ax];
                }
            }
            final long ai = a[i];
            while (true)
            {
                int o = o0;
                int x = b0;
                for (int ax = 0; ax < ext.length; ax++)
                {
                    if (ax != inner && sa[ax] == 0)
                    {
                        o += value[ax] * so[ax];
                        x += value[ax] * sb[ax];
                    }
                }
                final int n = inner < 0 ? 1 : ext[inner];
                final int os = inner < 0 ? 0 : so[inner];
                final int bs = inner < 0 ? 0 : sb[inner];
                for (int j = 0; j < n; j++)
                {
                    out[o + j * os] += ai * b[x + j * bs];
                }
                int ax = ext.length - 1;
                while (ax >= 0 && (sa[ax] != 0 || ax == inner || ++value[ax] == ext[ax]))
                {
                    if (sa[ax] == 0 && ax != inner)
                    {
                        value[ax] = 0;
                    }
                    ax--;
                }
                if (ax < 0)
                {
                    break;
                }
            }
        }
    }

    /** acc[c] += Σ_j head[j, c] · colSum[j]. */
    static void head(final Projection head, final long[] colSum, final long[] acc)
    {
        final int classes = head.outFeatures;
        final short[] m = head.mantissa;
        for (int j = 0; j < colSum.length; j++)
        {
            final long s = colSum[j];
            if (s == 0)
            {
                continue;
            }
            final int base = j * classes;
            for (int c = 0; c < classes; c++)
            {
                acc[c] += s * m[base + c];
            }
        }
    }

    /** colSum[j] += Σ_n current[n, j] << shift. */
    static void columnSums(final long[] current, final int features, final int shift, final long[] colSum)
    {
        for (int i = 0; i < current.length; i++)
        {
            colSum[i % features] += current[i] << shift;
        }
    }
}
