package io.csdsim.models.nir;

/**
 * One parameter of a NIR node as the file holds it: an array of numbers with its shape (row-major,
 * the last dimension fastest; a scalar has shape []), or a text.
 */
public record NirTensor(int[] shape, double[] values, String text)
{
    /** @return a tensor of numbers. */
    public static NirTensor of(final int[] shape, final double[] values)
    {
        return new NirTensor(shape, values, null);
    }

    /** @return a text parameter. */
    public static NirTensor text(final String text)
    {
        return new NirTensor(new int[0], new double[0], text);
    }

    /** @return the number of values. */
    public int size()
    {
        return values.length;
    }

    /** @return whether every value equals the first (a per-neuron parameter that is one value). */
    public boolean uniform()
    {
        for (final double v : values)
        {
            if (Double.compare(v, values[0]) != 0)
            {
                return false;
            }
        }
        return true;
    }
}
