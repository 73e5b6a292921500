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
        super(oneLine(source + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + expected));
    }

    /** @return the text with every control character escaped: a quoted line break must not break the message's one line. */
    private static String oneLine(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
            {
                sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", c));
            }
            else
            {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
