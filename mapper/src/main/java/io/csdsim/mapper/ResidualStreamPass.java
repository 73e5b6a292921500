package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;

/**
 * Residual streams: how the residual stream reaches its readers — fan-in (every reader holds synapses
 * from every earlier writer) or accumulate (accumulator compartments forward the sums as graded
 * spikes) — each candidate translated, scheduled and, for auto, partitioned to compare.
 */
final class ResidualStreamPass implements MapperPass
{
    /** The residual mapping chosen, why (in words for the compile report), and whether there was a stream to map. */
    private record ResidualChoice(ResidualMapping mapping, String description, boolean streamFound)
    {
    }

    @Override
    public void run(final Compilation c)
    {
        final ResidualChoice choice = choose(c.net, c.spec, c.options);
        c.mapping = choice.mapping();
        c.residualSection = new CompileReport.ResidualSection(choice.description(), choice.streamFound());
    }

    /**
     * Fan-in, accumulate, or (auto) accumulate where the chip has graded spikes and the partition of the
     * accumulate mapping takes fewer cores than fan-in's — or where only one of the two partitions fits
     * the chip, that one (when neither does, fan-in's reason is the error). A chip without graded
     * spikes refuses accumulate.
     */
    private static ResidualChoice choose(final IntNetwork net, final ChipSpec spec, final MapperOptions options)
    {
        final MapperOptions.Residual want = options.residual() == null ? MapperOptions.Residual.AUTO : options.residual();
        if (want == MapperOptions.Residual.FAN_IN)
        {
            return new ResidualChoice(new ResidualMapping(net, spec, ResidualStreams.fanIn(net)), "fan-in", true);
        }
        if (spec.gradedSpikeBits() == 0)
        {
            if (want == MapperOptions.Residual.ACCUMULATE)
            {
                throw new ChipInputException(spec.name(), "core.gradedSpikes", "0: the chip's spikes carry no payload, so --residual "
                    + "accumulate cannot forward a residual stream's sums; use --residual fan-in, or a chip with graded spikes (loihi2, or "
                    + "--set core.gradedSpikes=24)");
            }
            return new ResidualChoice(new ResidualMapping(net, spec, ResidualStreams.fanIn(net)), "fan-in (auto: the chip has no graded spikes)", true);
        }
        final ResidualStreams acc = ResidualStreams.accumulate(net);
        if (!acc.any())
        {
            return new ResidualChoice(new ResidualMapping(net, spec, ResidualStreams.fanIn(net)), "fan-in (" + want.label
                + ": no residual stream of two or more writers)", false);
        }
        final ResidualMapping accumulate = new ResidualMapping(net, spec, acc);
        if (want == MapperOptions.Residual.ACCUMULATE || options.given() != null)
        {
            return new ResidualChoice(accumulate, "accumulate (" + acc.accumulators.size() + " accumulators)", true);
        }
        final ResidualMapping fan = new ResidualMapping(net, spec, ResidualStreams.fanIn(net));
        // A mapping that does not fit the chip is not a choice: auto takes the other, saying why.
        final long accCores;
        try
        {
            accCores = accumulate.partitionedCores();
        }
        catch (final ChipInputException accumulateDoesNotFit)
        {
            fan.partitionedCores();
            return new ResidualChoice(fan, "fan-in (auto: accumulate does not fit: " + accumulateDoesNotFit.getMessage() + ")", true);
        }
        final long fanCores;
        try
        {
            fanCores = fan.partitionedCores();
        }
        catch (final ChipInputException fanInDoesNotFit)
        {
            return new ResidualChoice(accumulate, "accumulate (auto: fan-in does not fit: " + fanInDoesNotFit.getMessage() + "; "
                + acc.accumulators.size() + " accumulators)", true);
        }
        final String both = String.format(java.util.Locale.ROOT, "%,d cores against %,d", Math.min(accCores, fanCores), Math.max(accCores, fanCores));
        return accCores < fanCores
            ? new ResidualChoice(accumulate, "accumulate (auto: " + both + " for fan-in; " + acc.accumulators.size() + " accumulators)", true)
            : new ResidualChoice(fan, "fan-in (auto: " + both + " for accumulate)", true);
    }
}
