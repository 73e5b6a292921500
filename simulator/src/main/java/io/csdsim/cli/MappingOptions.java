package io.csdsim.cli;

import io.csdsim.isa.ChipInputException;
import io.csdsim.mapper.MapperOptions;
import picocli.CommandLine.Option;

/** How a model is mapped onto the chip: board size, the placement's starting order, refinement. */
final class MappingOptions
{
    /** Most chips a board may have: core numbers of the whole board stay ints (docs/reliability.md). */
    static final int MAX_CHIPS = 1 << 20;

    @Option(names = "--chips", paramLabel = "N", description = "Chips on the board (default: as many as the model needs).")
    Integer chips;

    @Option(names = "--placement", defaultValue = "auto", paramLabel = "auto|layers|interleaved",
        converter = StartConverter.class,
        description = "Order in which groups take cores before refinement: layers (each layer's cores together), interleaved "
            + "(each token's or image band's groups of every layer together: token-wise traffic stays local), or auto (whichever "
            + "costs fewer entries × hops). Default: ${DEFAULT-VALUE}.")
    MapperOptions.Start placement;

    @Option(names = "--refine", defaultValue = "3", description = "Placement refinement passes (default: ${DEFAULT-VALUE}).")
    int refine;

    @Option(names = "--residual", defaultValue = "auto", paramLabel = "auto|fan-in|accumulate", converter = ResidualConverter.class,
        description = {"How the residual stream reaches its readers: fan-in (every reader holds synapses from every earlier",
            "writer's inputs), accumulate (the stream is summed once in accumulator compartments that forward each tick's sum",
            "as one graded spike: needs a chip with core.gradedSpikes > 0, one tick more per accumulator), or auto (accumulate",
            "when the chip has graded spikes and it takes fewer cores). The compile report says which was used and why.",
            "docs/residual-stream.md. Default: ${DEFAULT-VALUE}."})
    MapperOptions.Residual residual;

    @Option(names = "--remap", description = {"A SANA-FE network's own mapping is kept as given; with --remap csdsim's mapper",
        "partitions and places it instead."})
    boolean remap;

    MapperOptions options()
    {
        if (chips != null && (chips < 1 || chips > MAX_CHIPS))
        {
            throw new ChipInputException("--chips", "", chips + "; expected 1.." + String.format(java.util.Locale.ROOT, "%,d", MAX_CHIPS) + " (leave it out for as many as the model needs)");
        }
        if (refine < 0 || refine > 100)
        {
            throw new ChipInputException("--refine", "", refine + "; expected 0..100 passes");
        }
        return new MapperOptions(chips == null ? 0 : chips, refine, placement).withResidual(residual);
    }

    /** @return the mapping options as a report's provenance names them, with what the compile chose where it was asked to. */
    java.util.Map<String, Object> provenance(final String residualUsed, final boolean givenKept)
    {
        return io.csdsim.library.RunProgram.mappingProvenance(options(), residualUsed, givenKept);
    }

    /** Reads auto|layers|interleaved, in any case; anything else is one clear line naming the option. */
    static final class StartConverter implements picocli.CommandLine.ITypeConverter<MapperOptions.Start>
    {
        @Override
        public MapperOptions.Start convert(final String value)
        {
            for (final MapperOptions.Start s : MapperOptions.Start.values())
            {
                if (s.name().equalsIgnoreCase(value))
                {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "'; expected auto, layers or interleaved");
        }
    }

    /** Reads auto|fan-in|accumulate; anything else is one clear line naming the option. */
    static final class ResidualConverter implements picocli.CommandLine.ITypeConverter<MapperOptions.Residual>
    {
        @Override
        public MapperOptions.Residual convert(final String value)
        {
            final MapperOptions.Residual r = MapperOptions.Residual.of(value);
            if (r == null)
            {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "'; expected auto, fan-in or accumulate");
            }
            return r;
        }
    }
}
