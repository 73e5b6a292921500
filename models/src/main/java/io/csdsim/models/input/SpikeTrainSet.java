package io.csdsim.models.input;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Spike-train inputs: per sample and tick, the units of a network's spike-source population that
 * fire (ascending). Read from a .npy array of [ticks, units] or [samples, ticks, units] (uint8 or
 * bool; any non-zero value is a spike), or drawn as Bernoulli trains — each unit fires in each tick
 * with probability {@code rate}, independently: a Poisson process sampled once per tick.
 */
public final class SpikeTrainSet
{
    private final int units;
    private final int ticks;
    private final int[][][] spikes;
    private final String source;

    private SpikeTrainSet(final int units, final int ticks, final int[][][] spikes, final String source)
    {
        this.units = units;
        this.ticks = ticks;
        this.spikes = spikes;
        this.source = source;
    }

    /** @return the number of samples. */
    public int samples()
    {
        return spikes.length;
    }

    /** @return units per tick. */
    public int units()
    {
        return units;
    }

    /** @return ticks per sample. */
    public int ticks()
    {
        return ticks;
    }

    /** @return sample s: per tick, the units that fire (shared, not copied). */
    public int[][] sample(final int s)
    {
        return spikes[s];
    }

    /** @return where the trains came from, for reports. */
    public String source()
    {
        return source;
    }

    /** @return one sample's trains: {@code firing[t]} lists the units that spike in tick t, ascending. */
    public static SpikeTrainSet ofOneSample(final int units, final int[][] firing, final String source)
    {
        return new SpikeTrainSet(units, firing.length, new int[][][] {firing}, source);
    }

    /** @return the first n samples (all when n is larger). */
    public SpikeTrainSet first(final int n)
    {
        return n >= spikes.length ? this : new SpikeTrainSet(units, ticks, java.util.Arrays.copyOf(spikes, n), source);
    }

    /**
     * @return {@code samples} Bernoulli trains of {@code ticks} × {@code units}, each spike with
     * probability {@code rate}; the same seed gives the same trains.
     */
    public static SpikeTrainSet bernoulli(final int samples, final int ticks, final int units, final double rate, final long seed)
    {
        if (!(rate >= 0 && rate <= 1))
        {
            throw new InvalidInputException("--rate", "", rate + "; expected a probability per unit and tick in 0..1");
        }
        final SplittableRandom root = new SplittableRandom(seed);
        final int[][][] s = new int[samples][ticks][];
        final int[] buf = new int[units];
        for (int i = 0; i < samples; i++)
        {
            final SplittableRandom r = root.split();
            for (int t = 0; t < ticks; t++)
            {
                int n = 0;
                for (int u = 0; u < units; u++)
                {
                    if (r.nextDouble() < rate)
                    {
                        buf[n++] = u;
                    }
                }
                s[i][t] = java.util.Arrays.copyOf(buf, n);
            }
        }
        return new SpikeTrainSet(units, ticks, s, String.format(java.util.Locale.ROOT, "%d Bernoulli train(s), rate %s per tick (seed %d)",
            samples, rate, seed));
    }

    /** @return the trains of a .npy file. */
    public static SpikeTrainSet readNpy(final Path path)
    {
        final byte[] raw;
        try
        {
            raw = Files.readAllBytes(path);
        }
        catch (final NoSuchFileException e)
        {
            throw new InvalidInputException(path.toString(), "", "file not found");
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(path.toString(), "", "cannot be read (" + e.getMessage() + ")");
        }
        return parseNpy(path.toString(), raw);
    }

    /** @return the trains of a .npy file held in memory; {@code src} names it in messages. */
    public static SpikeTrainSet parseNpy(final String src, final byte[] raw)
    {
        final NpyHeader h = NpyHeader.parse(src, raw);
        if (!h.isUint8() && !h.isBool())
        {
            throw new InvalidInputException(src, "header.descr", "'" + h.descr() + "'; spike trains are '|u1' (uint8) or '|b1' (bool)");
        }
        final int[] d = h.dims();
        if (d.length != 2 && d.length != 3)
        {
            throw new InvalidInputException(src, "header.shape", java.util.Arrays.toString(d) + "; spike trains are [ticks, units] or "
                + "[samples, ticks, units]");
        }
        final int samples = d.length == 3 ? d[0] : 1;
        final int ticks = d[d.length - 2];
        final int units = d[d.length - 1];
        if (raw.length - (long)h.dataStart() != h.elements())
        {
            throw new InvalidInputException(src, "offset " + h.dataStart(), (raw.length - h.dataStart()) + " data bytes; shape "
                + java.util.Arrays.toString(d) + " needs " + InputLimits.countText(h.elements()));
        }
        if (samples < 1 || ticks < 1 || units < 1 || samples > InputLimits.MAX_SAMPLES || ticks > InputLimits.MAX_RUN_TICKS)
        {
            throw new InvalidInputException(src, "header.shape", java.util.Arrays.toString(d) + "; expected at least one sample, tick and "
                + "unit, at most " + InputLimits.MAX_SAMPLES + " samples and " + InputLimits.MAX_RUN_TICKS + " ticks");
        }
        final int[][][] s = new int[samples][ticks][];
        final int[] buf = new int[units];
        int at = h.dataStart();
        for (int i = 0; i < samples; i++)
        {
            for (int t = 0; t < ticks; t++)
            {
                int n = 0;
                for (int u = 0; u < units; u++)
                {
                    if (raw[at++] != 0)
                    {
                        buf[n++] = u;
                    }
                }
                s[i][t] = java.util.Arrays.copyOf(buf, n);
            }
        }
        return new SpikeTrainSet(units, ticks, s, src);
    }
}
