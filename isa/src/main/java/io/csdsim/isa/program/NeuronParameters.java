package io.csdsim.isa.program;

import io.csdsim.isa.ChipInputException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chip's reading of a population's neuron parameters ({@link NeuronSpec}): typed reads with
 * defaults and bounds, and a check that no name was left unread, so a misspelt parameter is refused
 * instead of silently taking its default. The engine's kernels read their parameters here; the
 * functional references read the same names with the same defaults and bounds through their own
 * reader in {@code models} (DESIGN §1 keeps the two modules apart), and a cross-module test holds the
 * two to the same answers and messages.
 */
public final class NeuronParameters
{
    private final String src;
    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    /** @param src names the population in messages */
    public NeuronParameters(final String src, final Map<String, String> values)
    {
        this.src = src;
        this.values = new java.util.TreeMap<>(values);
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
            throw new ChipInputException(src, name, "'" + v + "'; expected an integer");
        }
    }

    /** @return the integer named {@code name}, which must be given and lie in [lo, hi]. */
    public long required(final String name, final long lo, final long hi)
    {
        if (!values.containsKey(name))
        {
            read.add(name);
            throw new ChipInputException(src, name, "missing; expected an integer in " + lo + ".." + hi);
        }
        return bounded(name, integer(name, 0), lo, hi);
    }

    /** @return the integer named {@code name}, or {@code fallback} when it is not given; given, it must lie in [lo, hi]. */
    public long integer(final String name, final long fallback, final long lo, final long hi)
    {
        final long v = integer(name, fallback);
        return values.containsKey(name) ? bounded(name, v, lo, hi) : v;
    }

    private long bounded(final String name, final long v, final long lo, final long hi)
    {
        if (v < lo || v > hi)
        {
            throw new ChipInputException(src, name, v + "; expected " + lo + ".." + hi);
        }
        return v;
    }

    /** @return the enum constant whose lower-case name (underscores as hyphens) is given, or {@code fallback}. */
    public <E extends Enum<E>> E choice(final String name, final Class<E> type, final E fallback)
    {
        read.add(name);
        final String v = values.get(name);
        if (v == null)
        {
            return fallback;
        }
        final Set<String> names = new TreeSet<>();
        for (final E e : type.getEnumConstants())
        {
            final String n = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (n.equals(v.trim()))
            {
                return e;
            }
            names.add(n);
        }
        throw new ChipInputException(src, name, "'" + v + "'; expected one of " + names);
    }

    /** Refuses any parameter that no read asked for. */
    public void noOthers(final String model)
    {
        for (final String k : values.keySet())
        {
            if (!read.contains(k))
            {
                throw new ChipInputException(src, k, "not a parameter of the " + model + " neuron; expected one of " + read);
            }
        }
    }
}
