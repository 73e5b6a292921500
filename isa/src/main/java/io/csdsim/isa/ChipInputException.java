package io.csdsim.isa;

/**
 * A chip specification, chip program or chip option is malformed, or a model does not fit a chip.
 * The message is one line naming the file (or option), the field or offset, and what was expected;
 * the command line prints it and exits with code 2.
 */
public final class ChipInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ChipInputException(final String source, final String location, final String expected)
    {
        super(source + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + expected);
    }
}
