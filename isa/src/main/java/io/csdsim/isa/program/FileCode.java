package io.csdsim.isa.program;

/**
 * An enum constant's code in the .csdx file: written explicitly beside each constant, so that
 * reordering or inserting constants never changes what a file means (docs/chip-program.md).
 */
public interface FileCode
{
    /** @return the byte the .csdx format stores for this constant (0..255). */
    int fileCode();

    /** @return the constant whose code is {@code code}, or null when none has it. */
    static <E extends Enum<E> & FileCode> E byCode(final E[] values, final int code)
    {
        for (final E e : values)
        {
            if (e.fileCode() == code)
            {
                return e;
            }
        }
        return null;
    }
}
