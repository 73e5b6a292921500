package io.csdsim.models.quant;

/**
 * A synaptic projection: one table of integer weight mantissas (or, for a product, the dynamic
 * synapses whose weights are running spike counts, joined by an index map) from one or two source
 * populations to a current. The table is stored once; every population reading the current applies its own shift.
 *
 * <p>Mantissa layouts put one source element's fan-out in a contiguous run, so that a spike scatters
 * along one stride-1 row: conv [ky][kx][cin][cout], linear [din][dout], head [d][classes].
 */
public final class Projection
{
    /** What the projection computes. */
    public enum Kind
    {
        /** 3×3 convolution, stride 1, pad 1, on an [H, W, Cin] source. */
        CONV3X3,
        /** Token-wise linear layer on an [N, Din] source. */
        LINEAR,
        /**
         * The product of two spike populations by a {@link ProductIndex} (TDEC-VMM); weight 1 per count
         * pair. Attention's Q·Kᵀ and A·V are two of them.
         */
        PRODUCT,
        /** The readout's classifier on the column sums of the residual stream. */
        HEAD,
        /** Any connectivity as compressed sparse rows: one weight per synapse, one delay for all. */
        SPARSE,
        /**
         * A general convolution on an [H, W, Cin] source: a k×k kernel, a stride, zero padding and
         * channel groups; mantissas [ky][kx][cin / groups][cout].
         */
        CONV
    }

    public final int id;
    public final String name;
    public final Kind kind;
    public final int sourceA;
    public final int sourceB;
    /** Spatial size of a conv's map (height, width); tokens for linear and attention. */
    public final int height;
    public final int width;
    public final int inFeatures;
    public final int outFeatures;
    /** PRODUCT: how the two sources' counts combine into the current; null for every other kind. */
    public final ProductIndex product;
    /** Mantissas in fan-out layout; null for a product. */
    public final short[] mantissa;
    /** Number of elements of the current produced. */
    public final int outputSize;
    /** ANN units (of a window's input) per unit of the produced integer current, before shifts. */
    public final double scale;
    /** SPARSE: source s reaches targets[k] with mantissa[k] for k in [rowStart[s], rowStart[s + 1]); null otherwise. */
    public final int[] rowStart;
    public final int[] targets;
    /** Ticks from a source's spike to its integration (at least 1), or 0 to let the schedule choose (DIF networks: 1). */
    public final int delay;
    /** CONV: kernel side, stride, padding and channel groups (0 for every other kind). */
    public final int kernel;
    public final int stride;
    public final int pad;
    public final int groups;

    public Projection(final int id, final String name, final Kind kind, final int sourceA, final int sourceB,
        final int height, final int width, final int inFeatures, final int outFeatures,
        final short[] mantissa, final int outputSize, final double scale)
    {
        this(id, name, kind, sourceA, sourceB, height, width, inFeatures, outFeatures, null, mantissa, outputSize, scale, null, null, 0,
            new int[4]);
    }

    private Projection(final int id, final String name, final Kind kind, final int sourceA, final int sourceB,
        final int height, final int width, final int inFeatures, final int outFeatures, final ProductIndex product,
        final short[] mantissa, final int outputSize, final double scale, final int[] rowStart, final int[] targets, final int delay,
        final int[] conv)
    {
        this.kernel = conv[0];
        this.stride = conv[1];
        this.pad = conv[2];
        this.groups = conv[3];
        this.rowStart = rowStart;
        this.targets = targets;
        this.delay = delay;
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.sourceA = sourceA;
        this.sourceB = sourceB;
        this.height = height;
        this.width = width;
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.product = product;
        this.mantissa = mantissa;
        this.outputSize = outputSize;
        this.scale = scale;
    }

    /**
     * @return the product of sources A and B by {@code map} (no delay: TDEC-VMM integrates in the
     * sources' tick), each unit of its current worth {@code scale} ANN units
     */
    public static Projection product(final int id, final String name, final int sourceA, final int sourceB, final ProductIndex map,
        final double scale)
    {
        return new Projection(id, name, Kind.PRODUCT, sourceA, sourceB, 1, 1, map.size(map.a()), map.size(map.out()), map, null,
            map.size(map.out()), scale, null, null, 0, new int[4]);
    }

    /**
     * @return a sparse projection of {@code sources} units to {@code targetUnits}, in compressed
     * sparse rows, whose spikes arrive {@code delay} ticks later (>= 1).
     */
    public static Projection sparse(final int id, final String name, final int sourceA, final int sources, final int targetUnits,
        final int[] rowStart, final int[] inTargets, final short[] inMantissa, final int delay)
    {
        // Each row's synapses in ascending target order (a sum does not depend on it): the engine then finds the
        // synapses of a row into a core's range by binary search.
        int[] targets = inTargets;
        short[] mantissa = inMantissa;
        for (int r = 0; wellFormed(sources, rowStart, inTargets, inMantissa) && r < sources; r++)
        {
            boolean sorted = true;
            for (int k = rowStart[r] + 1; k < rowStart[r + 1] && sorted; k++)
            {
                sorted = targets[k] >= targets[k - 1];
            }
            if (sorted)
            {
                continue;
            }
            if (targets == inTargets)
            {
                targets = inTargets.clone();
                mantissa = inMantissa.clone();
            }
            final int lo = rowStart[r];
            final int n = rowStart[r + 1] - lo;
            final long[] keyed = new long[n];
            for (int k = 0; k < n; k++)
            {
                keyed[k] = (long)targets[lo + k] << 32 | (mantissa[lo + k] & 0xffffL);
            }
            java.util.Arrays.sort(keyed);
            for (int k = 0; k < n; k++)
            {
                targets[lo + k] = (int)(keyed[k] >> 32);
                mantissa[lo + k] = (short)keyed[k];
            }
        }
        return new Projection(id, name, Kind.SPARSE, sourceA, -1, 1, 1, sources, targetUnits, null, mantissa, targetUnits, 1.0, rowStart, targets,
            delay, new int[4]);
    }

    /** @return whether compressed sparse rows are whole (the network check says what is wrong when they are not). */
    private static boolean wellFormed(final int sources, final int[] rowStart, final int[] targets, final short[] mantissa)
    {
        if (rowStart == null || targets == null || mantissa == null || sources < 0 || rowStart.length != sources + 1 || rowStart[0] != 0
            || rowStart[sources] != targets.length || targets.length != mantissa.length)
        {
            return false;
        }
        for (int r = 0; r < sources; r++)
        {
            if (rowStart[r + 1] < rowStart[r])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return a general convolution of an [height, width, inFeatures] source to [out(height),
     * out(width), outFeatures], out(n) = (n + 2·pad − kernel) / stride + 1, whose spikes arrive
     * {@code delay} ticks later (0: the schedule's).
     */
    public static Projection conv(final int id, final String name, final int sourceA, final int height, final int width, final int inFeatures,
        final int outFeatures, final int kernel, final int stride, final int pad, final int groups, final short[] mantissa, final int delay)
    {
        final int ho = outSide(height, kernel, stride, pad);
        final int wo = outSide(width, kernel, stride, pad);
        return new Projection(id, name, Kind.CONV, sourceA, -1, height, width, inFeatures, outFeatures, null, mantissa, ho * wo * outFeatures, 1.0,
            null, null, delay, new int[] {kernel, stride, pad, groups});
    }

    /** @return a convolution's output side, or 0 when the kernel does not fit once. */
    public static int outSide(final int side, final int kernel, final int stride, final int pad)
    {
        final int span = side + 2 * pad - kernel;
        return span < 0 || stride < 1 ? 0 : span / stride + 1;
    }

    /** @return a general convolution's output height. */
    public int outHeight()
    {
        return outSide(height, kernel, stride, pad);
    }

    /** @return a general convolution's output width. */
    public int outWidth()
    {
        return outSide(width, kernel, stride, pad);
    }

    /** @return tokens of a linear projection (height × width for a map). */
    public int tokens()
    {
        return height * width;
    }

    /** @return the number of synapses: each source element's targets, counted once for the table. */
    public long synapses()
    {
        return switch (kind)
        {
            case CONV3X3 -> (long)(3L * height - 2) * (3L * width - 2) * inFeatures * outFeatures;
            case LINEAR -> (long)tokens() * inFeatures * outFeatures;
            case PRODUCT -> 2L * product.terms();
            case HEAD -> (long)inFeatures * outFeatures;
            case SPARSE -> targets.length;
            case CONV -> convSynapses();
        };
    }

    /** Per output pixel, the taps that land inside the input map, each reaching a group's input channels. */
    private long convSynapses()
    {
        long taps = 0;
        for (int yo = 0; yo < outHeight(); yo++)
        {
            for (int xo = 0; xo < outWidth(); xo++)
            {
                for (int ky = 0; ky < kernel; ky++)
                {
                    for (int kx = 0; kx < kernel; kx++)
                    {
                        final int y = yo * stride - pad + ky;
                        final int x = xo * stride - pad + kx;
                        taps += y >= 0 && y < height && x >= 0 && x < width ? 1 : 0;
                    }
                }
            }
        }
        return taps * (inFeatures / groups) * outFeatures;
    }
}
