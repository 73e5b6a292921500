package io.csdsim.models;

/**
 * A user-supplied file or value is malformed. The message is one line naming the file, the field or
 * offset, and what was expected; the command line prints it and exits with code 2.
 */
public final class InvalidInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param source the file (or option) that is wrong.
     * @param location the field, tensor or byte offset inside it; may be empty.
     * @param expected what was found and what was expected.
     */
    public InvalidInputException(final String source, final String location, final String expected)
    {
        super(compose(source, location, expected));
    }

    public InvalidInputException(final String source, final String location, final String expected, final Throwable cause)
    {
        super(compose(source, location, expected), cause);
    }

    private static String compose(final String source, final String location, final String expected)
    {
        final StringBuilder sb = new StringBuilder(source);
        if (location != null && !location.isEmpty())
        {
            sb.append(": ").append(location);
        }
        return sb.append(": ").append(expected).toString();
    }
}
