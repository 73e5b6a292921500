package io.csdsim.models.safetensors;

/** Element types of a safetensors file that csdsim reads and writes: F32, F64 and the integer types. */
public enum Dtype
{
    F32(4), F64(8), I8(1), U8(1), I16(2), I32(4), I64(8);

    private final int bytes;

    Dtype(final int bytes)
    {
        this.bytes = bytes;
    }

    /** @return bytes per element. */
    public int bytes()
    {
        return bytes;
    }

    /** @return the dtype of that name, or null when csdsim does not know it. */
    public static Dtype byName(final String name)
    {
        for (final Dtype d : values())
        {
            if (d.name().equals(name))
            {
                return d;
            }
        }
        return null;
    }
}
