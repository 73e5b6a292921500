package io.csdsim.models.neuron;

import io.csdsim.models.InvalidInputException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A population's neuron parameters by name, as a file or an option gives them ("theta" → "4",
 * "reset" → "soft"): typed reads with defaults, and a check that no name was left unread, so a
 * misspelt parameter is refused instead of silently taking its default.
 */
public final class NamedParameters
{
    private final String src;
    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    /** @param src names the population (or file) in messages. */
    public NamedParameters(final String src, final Map<String, String> values)
    {
        this.src = src;
        this.values = new TreeMap<>(values);
    }

    /** @return the integer named {@code name}, or {@code fallback} when it is not given. */
    public long integer(final String name, final long fallback)
    {
        read.add(name);
        final String v = values.get(name);
        if (v == null)
        {
            return fallback;
        }
        try
        {
            return Long.parseLong(v.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new InvalidInputException(src, name, "'" + v + "'; expected an integer");
        }
    }

    /** @return the integer named {@code name}, which must be given and lie in [lo, hi]. */
    public long integer(final String name, final long lo, final long hi)
    {
        if (!values.containsKey(name))
        {
            read.add(name);
            throw new InvalidInputException(src, name, "missing; expected an integer in " + lo + ".." + hi);
        }
        final long v = integer(name, 0);
        if (v < lo || v > hi)
        {
            throw new InvalidInputException(src, name, v + "; expected " + lo + ".." + hi);
        }
        return v;
    }

    /** @return the integer named {@code name}, or {@code fallback} when it is not given; given, it must lie in [lo, hi]. */
    public long integer(final String name, final long fallback, final long lo, final long hi)
    {
        final long v = integer(name, fallback);
        if (values.containsKey(name) && (v < lo || v > hi))
        {
            throw new InvalidInputException(src, name, v + "; expected " + lo + ".." + hi);
        }
        return v;
    }

    /** @return the enum constant whose lower-case name is given, or {@code fallback}. */
    public <E extends Enum<E>> E choice(final String name, final Class<E> type, final E fallback)
    {
        read.add(name);
        final String v = values.get(name);
        if (v == null)
        {
            return fallback;
        }
        for (final E e : type.getEnumConstants())
        {
            if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(v.trim()))
            {
                return e;
            }
        }
        final Set<String> names = new TreeSet<>();
        for (final E e : type.getEnumConstants())
        {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new InvalidInputException(src, name, "'" + v + "'; expected one of " + names);
    }

    /** Refuses any parameter that no read asked for. */
    public void noOthers(final String model)
    {
        for (final String k : values.keySet())
        {
            if (!read.contains(k))
            {
                throw new InvalidInputException(src, k, "not a parameter of the " + model + " neuron; expected one of " + read);
            }
        }
    }
}
