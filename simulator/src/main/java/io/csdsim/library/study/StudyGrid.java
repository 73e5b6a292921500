package io.csdsim.library.study;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.models.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points of a study, in order: the product of varied settings ({@code KEY=V1,V2,...}, integer
 * ranges {@code a..b} allowed, the first key varying slowest), or the rows of a points CSV (a header
 * of keys, a row of values per point). Keys are chip, D, residual or a chip field.
 */
public final class StudyGrid
{
    /** Most points a study takes (docs/reliability.md). */
    public static final int MAX_POINTS = 100_000;
    /** How the command line names the varied settings, in messages. */
    private static final String VARY = "--vary";
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    private final List<String> keys;
    private final List<StudyPoint> points;

    private StudyGrid(final List<String> keys, final List<StudyPoint> points)
    {
        this.keys = List.copyOf(keys);
        this.points = List.copyOf(points);
    }

    /** @return the varied keys, in order. */
    public List<String> keys()
    {
        return keys;
    }

    /** @return the points, in grid order. */
    public List<StudyPoint> points()
    {
        return points;
    }

    /** @return the product of the varied settings, each {@code KEY=V1,V2,...}; the first varies slowest. */
    public static StudyGrid of(final List<String> vary)
    {
        final List<String> keys = new ArrayList<>();
        final List<List<String>> values = new ArrayList<>();
        for (final String v : vary)
        {
            final int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1)
            {
                throw new InvalidInputException(VARY, "", "'" + v + "'; expected KEY=V1,V2,... (KEY: chip, D or a chip field)");
            }
            final String key = v.substring(0, eq).trim();
            checkKey(VARY, key);
            if (keys.contains(key))
            {
                throw new InvalidInputException(VARY, "", "'" + key + "' is varied twice");
            }
            keys.add(key);
            values.add(expand(v.substring(eq + 1)));
        }
        long count = 1;
        for (final List<String> l : values)
        {
            count *= l.size();
            if (count > MAX_POINTS)
            {
                throw new InvalidInputException(VARY, "", "more than " + MAX_POINTS + " points; split the sweep");
            }
        }
        final List<StudyPoint> out = new ArrayList<>();
        final int[] at = new int[values.size()];
        for (long n = 0; n < count; n++)
        {
            final Map<String, String> s = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++)
            {
                s.put(keys.get(k), values.get(k).get(at[k]));
            }
            out.add(new StudyPoint(s));
            for (int k = values.size() - 1; k >= 0; k--)
            {
                if (++at[k] < values.get(k).size())
                {
                    break;
                }
                at[k] = 0;
            }
        }
        return new StudyGrid(keys, out);
    }

    /** @return the points of a CSV: a header of keys, a row of values per point. */
    public static StudyGrid read(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty())
        {
            throw new InvalidInputException(file.toString(), "line 1", "expected a header of keys");
        }
        final List<String> keys = new ArrayList<>();
        for (final String k : lines.get(0).split(","))
        {
            checkKey(file + ": line 1", k.trim());
            keys.add(k.trim());
        }
        if (lines.size() - 1 > MAX_POINTS)
        {
            throw new InvalidInputException(file.toString(), "", (lines.size() - 1) + " points; expected at most " + MAX_POINTS);
        }
        final List<StudyPoint> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++)
        {
            final String[] cells = lines.get(i).split(",", -1);
            if (cells.length != keys.size())
            {
                throw new InvalidInputException(file.toString(), "line " + (i + 1), cells.length + " values; expected " + keys.size());
            }
            final Map<String, String> s = new LinkedHashMap<>();
            for (int k = 0; k < cells.length; k++)
            {
                s.put(keys.get(k), cells[k].trim());
            }
            out.add(new StudyPoint(s));
        }
        return new StudyGrid(keys, out);
    }

    /** @return values: comma-separated, an integer range a..b standing for each of its values. */
    private static List<String> expand(final String text)
    {
        final List<String> out = new ArrayList<>();
        for (final String part : text.split(","))
        {
            final String v = part.trim();
            final Matcher m = RANGE.matcher(v);
            if (m.matches())
            {
                final long a;
                final long b;
                try
                {
                    a = Long.parseLong(m.group(1));
                    b = Long.parseLong(m.group(2));
                }
                catch (final NumberFormatException e)
                {
                    throw new InvalidInputException(VARY, "", "'" + v + "'; expected a range a..b of 64-bit integers");
                }
                // Subtracting first could overflow (-2^63..2^63-1): compare so that no difference is formed.
                if (b < a || (a < 0 && b > a + MAX_POINTS) || (a >= 0 && b - a > MAX_POINTS))
                {
                    throw new InvalidInputException(VARY, "", "'" + v + "'; expected a range a..b with a <= b and at most " + MAX_POINTS
                        + " values");
                }
                for (long x = a; x <= b; x++)
                {
                    out.add(Long.toString(x));
                    if (x == Long.MAX_VALUE)
                    {
                        break;
                    }
                }
            }
            else if (!v.isEmpty())
            {
                out.add(v);
            }
        }
        if (out.isEmpty())
        {
            throw new InvalidInputException(VARY, "", "'" + text + "'; expected at least one value");
        }
        return out;
    }

    private static void checkKey(final String where, final String key)
    {
        if (!StudyPoint.isChipField(key))
        {
            return;
        }
        for (final ChipField f : ChipField.values())
        {
            if (f.key.equals(key))
            {
                return;
            }
        }
        throw new InvalidInputException(where, "", "'" + key + "' is neither chip, D, residual nor a chip field (csdsim chip show lists the fields)");
    }
}
