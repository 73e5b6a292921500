package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * One table of weight mantissas, stored once in the program however many edges use it. A conv table
 * connects an [H, W, Cin] source to an [H, W, Cout] target with a 3×3 kernel (stride 1, pad 1),
 * mantissas [ky][kx][cin][cout]; a dense table connects each token's Din inputs to its Dout outputs,
 * mantissas [din][dout]. Both keep a source element's fan-out contiguous. A general convolution
 * ({@link ConvShape}) and a sparse table (compressed rows) cover any other connectivity.
 */
public record SynapseTable(int id, Kind kind, int height, int width, int inFeatures, int outFeatures, short[] mantissa, int[] rowStart,
    int[] targets, ConvShape conv)
{
    /** A 3×3 convolution or dense table: its layout follows from its sizes. */
    public SynapseTable(final int id, final Kind kind, final int height, final int width, final int inFeatures, final int outFeatures,
        final short[] mantissa)
    {
        this(id, kind, height, width, inFeatures, outFeatures, mantissa, null, null, null);
    }

    /** A sparse table (see {@link #sparse}). */
    public SynapseTable(final int id, final Kind kind, final int height, final int width, final int inFeatures, final int outFeatures,
        final short[] mantissa, final int[] rowStart, final int[] targets)
    {
        this(id, kind, height, width, inFeatures, outFeatures, mantissa, rowStart, targets, null);
    }

    /**
     * A general convolution of an [height, width, inFeatures] source to an [out(height), out(width),
     * outFeatures] target; mantissas [ky][kx][inFeatures / groups][outFeatures] (PyTorch's
     * weight[co][ci][ky][kx] at [ky][kx][ci][co]), so a source element's fan-out per tap is one row.
     */
    public static SynapseTable conv(final int id, final int height, final int width, final int inFeatures, final int outFeatures,
        final ConvShape shape, final short[] mantissa)
    {
        return new SynapseTable(id, Kind.CONV, height, width, inFeatures, outFeatures, mantissa, null, null, shape);
    }

    /** @return the target's height (the source's, but for a general convolution). */
    public int outHeight()
    {
        return kind == Kind.CONV ? conv.out(height) : height;
    }

    /** @return the target's width (the source's, but for a general convolution). */
    public int outWidth()
    {
        return kind == Kind.CONV ? conv.out(width) : width;
    }

    /**
     * A sparse table in compressed sparse rows: source unit s reaches {@code targets[k]} with weight
     * {@code mantissa[k]} for k in [rowStart[s], rowStart[s + 1]); inFeatures sources, outFeatures targets.
     */
    public static SynapseTable sparse(final int id, final int sources, final int targetUnits, final int[] rowStart, final int[] targets,
        final short[] mantissa)
    {
        return new SynapseTable(id, Kind.SPARSE, 1, 1, sources, targetUnits, mantissa, rowStart, targets);
    }

    /** Connectivity of a table. */
    public enum Kind
    {
        CONV3X3, DENSE,
        /** Any connectivity: compressed sparse rows, one weight per synapse. */
        SPARSE,
        /** A general convolution: kernel, stride, padding and groups in {@link ConvShape}. */
        CONV;

    }

    public int tokens()
    {
        return height * width;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof SynapseTable t && id == t.id && kind == t.kind && height == t.height && width == t.width
            && inFeatures == t.inFeatures && outFeatures == t.outFeatures && Arrays.equals(mantissa, t.mantissa)
            && Arrays.equals(rowStart, t.rowStart) && Arrays.equals(targets, t.targets) && java.util.Objects.equals(conv, t.conv);
    }

    @Override
    public int hashCode()
    {
        return Arrays.hashCode(mantissa) * 31 + id;
    }
}
