package io.csdsim.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first bytes of an input file, read once: what every {@link NetworkSource} judges a file's
 * format by. A file that cannot be read has an empty head (its reader then says why, in one line).
 */
public final class FileHead
{
    /** Bytes read: enough for any format's signature and the first keys of a text file. */
    static final int BYTES = 4096;

    private final Path path;
    private final byte[] head;

    private FileHead(final Path path, final byte[] head)
    {
        this.path = path;
        this.head = head;
    }

    /** @return the head of a file (empty when it cannot be read, or is not a regular file). */
    public static FileHead of(final Path path)
    {
        if (!Files.isRegularFile(path))
        {
            return new FileHead(path, new byte[0]);
        }
        try (InputStream in = Files.newInputStream(path))
        {
            return new FileHead(path, in.readNBytes(BYTES));
        }
        catch (final IOException e)
        {
            return new FileHead(path, new byte[0]);
        }
    }

    /** @return the file. */
    public Path path()
    {
        return path;
    }

    /** @return the first character that is not white space or a UTF-8 byte-order mark, or -1 for none. */
    public int firstCharacter()
    {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        for (; i < head.length; i++)
        {
            final int c = head[i] & 0xFF;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            {
                return c;
            }
        }
        return -1;
    }

    /** @return whether the file is a JSON object (its first character is an opening brace). */
    public boolean isJsonObject()
    {
        return firstCharacter() == '{';
    }

    /**
     * @return whether the file is a YAML mapping: its first line that is not blank, a comment or a
     * directive is a key at the left margin ({@code network:}, {@code architecture:}).
     */
    public boolean isYamlMapping()
    {
        final String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        for (final String line : text.split("\n", -1))
        {
            final String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("---") || l.startsWith("%"))
            {
                continue;
            }
            return YAML_KEY.matcher(line).lookingAt();
        }
        return false;
    }

    private static final java.util.regex.Pattern YAML_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\- ]*:(\\s|$)");
}
