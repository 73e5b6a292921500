package io.csdsim.isa.program;

/**
 * The geometry of a general convolution table: a k×k kernel moved by {@code stride}, the input
 * padded by {@code pad} zeros on every side, channels split into {@code groups} (each output
 * channel reads the input channels of its group). Output side = (side + 2·pad − k) / stride + 1.
 */
public record ConvShape(int kernel, int stride, int pad, int groups)
{
    /** @return the output side for an input side, or 0 when the kernel does not fit once. */
    public int out(final int side)
    {
        return outSide(side, kernel, stride, pad);
    }

    /** @return the positions a k-wide window moved by {@code stride} takes over a side padded by {@code pad}; 0 when it does not fit. */
    static int outSide(final int side, final int kernel, final int stride, final int pad)
    {
        final int span = side + 2 * pad - kernel;
        return span < 0 || stride < 1 ? 0 : span / stride + 1;
    }
}
