package io.csdsim.models.safetensors;

import java.util.Arrays;

/** One entry of a safetensors header: name, dtype, shape and its byte range in the data section. */
public record TensorInfo(String name, Dtype dtype, int[] shape, long begin, long end)
{
    /** @return the number of elements the shape holds. */
    public long numel()
    {
        long n = 1;
        for (final int d : shape)
        {
            n *= d;
        }
        return n;
    }

    public String shapeString()
    {
        return Arrays.toString(shape);
    }
}
