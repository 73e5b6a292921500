package io.csdsim.isa.program;

/**
 * The window of a TDEC max-pool: k×k, moved by {@code stride}, over the input padded by {@code pad}
 * on every side (padding never wins a maximum). Output side = (side + 2·pad − k) / stride + 1;
 * output o covers inputs o·stride − pad … o·stride − pad + k − 1.
 */
public record PoolShape(int kernel, int stride, int pad)
{
    /** CSDformer's max-pool (DESIGN §3.3): 3×3, stride 2, pad 1. */
    public static final PoolShape TDEC = new PoolShape(3, 2, 1);

    /** @return the output side for an input side, or 0 when the window does not fit once. */
    public int out(final int side)
    {
        return ConvShape.outSide(side, kernel, stride, pad);
    }

    /** @return the first output (along one side) whose window covers input i. */
    public int firstOutput(final int i)
    {
        // o·stride − pad + k − 1 >= i  ⇔  o >= ⌈(i + pad − k + 1) / stride⌉.
        return Math.max(0, Math.floorDiv(i + pad - kernel + 1 + stride - 1, stride));
    }

    /** @return the last output (along one side, clamped to {@code outSide} − 1) whose window covers input i. */
    public int lastOutput(final int i, final int outSide)
    {
        return Math.min(outSide - 1, Math.floorDiv(i + pad, stride));
    }

    /** @return whether the window is well formed: k, stride >= 1 and padding below the kernel. */
    public boolean valid()
    {
        return kernel >= 1 && stride >= 1 && pad >= 0 && pad < kernel && kernel <= 64 && stride <= 64;
    }
}
