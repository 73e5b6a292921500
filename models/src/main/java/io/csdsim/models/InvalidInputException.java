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
        return oneLine(sb.append(": ").append(expected).toString());
    }

    /**
     * @return the text with every control character written as an escape ({@code \n}, {@code \u0007}):
     * messages quote what a file holds, and a quoted line break must not break the message's one line.
     */
    public static String oneLine(final String text)
    {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
            {
                if (sb == null)
                {
                    sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                sb.append(switch (c)
                {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int)c);
                });
            }
            else if (sb != null)
            {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
