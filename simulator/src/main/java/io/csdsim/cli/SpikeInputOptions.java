package io.csdsim.cli;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.input.SpikeTrainSet;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Spike-train inputs of a network whose first population is a spike source: a file, or Bernoulli trains. */
final class SpikeInputOptions
{
    @Option(names = "--spikes", paramLabel = "FILE.npy", description = {"Spike trains for a network with a spike-source population: a .npy",
        "array of [ticks, units] or [samples, ticks, units], uint8 or bool (non-zero: a spike)."})
    Path spikes;

    @Option(names = "--rate", paramLabel = "P", description = {"Bernoulli spike trains instead: each source unit fires in each tick with",
        "probability P (a Poisson process sampled per tick), seeded by --seed."})
    Double rate;

    @Option(names = "--samples", paramLabel = "N", description = "Samples of --rate trains (default: 1).")
    Integer samples;

    /** @return whether spike trains were asked for. */
    boolean given()
    {
        return spikes != null || rate != null || samples != null;
    }

    /**
     * @return the trains for {@code units} source units of the network {@code network} running {@code ticks}
     * ticks; a file's shape must match, naming the expected shape when it does not.
     */
    SpikeTrainSet load(final String network, final String source, final int units, final int ticks, final long seed, final Integer limit)
    {
        if (spikes != null && (rate != null || samples != null))
        {
            throw new InvalidInputException("--spikes/--rate", "", "give a spike file or --rate (with --samples), not both");
        }
        if (spikes == null && rate == null)
        {
            throw new InvalidInputException("--spikes", "", "network '" + network + "' takes spike trains into '" + source + "' (" + units
                + " units): give --spikes FILE.npy or --rate P");
        }
        SpikeTrainSet set;
        if (spikes != null)
        {
            set = SpikeTrainSet.readNpy(spikes);
            if (set.units() != units || set.ticks() > ticks)
            {
                throw new InvalidInputException(spikes.toString(), "header.shape", "[" + (set.samples() > 1 ? set.samples() + ", " : "")
                    + set.ticks() + ", " + set.units() + "]; expected [ticks, " + units + "] or [samples, ticks, " + units + "] with at most "
                    + ticks + " ticks: '" + source + "' has " + units + " units and the network runs " + ticks + " ticks");
            }
        }
        else
        {
            final int n = samples == null ? 1 : samples;
            if (n < 1 || n > InputLimits.MAX_SAMPLES)
            {
                throw new InvalidInputException("--samples", "", n + "; expected 1.." + InputLimits.MAX_SAMPLES);
            }
            InputLimits.requireHeap("--rate", String.format(java.util.Locale.ROOT, "%,d trains of %d ticks × %d units", n, ticks, units),
                n * (long)ticks * (16L + (long)Math.ceil(4.0 * units * Math.min(1.0, Math.max(0.0, rate) + 0.01))), "fewer samples (--samples N)");
            set = SpikeTrainSet.bernoulli(n, ticks, units, rate, seed);
        }
        return limit != null && limit >= 1 ? set.first(limit) : set;
    }
}
