package io.csdsim.library;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.input.SpikeTrainSet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A program ready to simulate and what a report says of how it came to be: read from a {@code .csdx}
 * file as it is, or compiled from a loaded network for a chip. The notes are the lines a reader should
 * see before the results (the defaults added to the chip, the residual stream's mapping, a network
 * model without contention); the mapping is the report's provenance of the mapping options.
 *
 * @param network the network it was compiled from (its float references, trains, warnings), or null for a program file
 * @param inputSpec the image stage the program's input takes, or null for a network fed spike trains
 */
public record RunProgram(ChipProgram program, InputSpec inputSpec, LoadedNetwork network, String notes, Map<String, Object> mapping)
{
    /** @return the spike trains the network's file brings (SANA-FE), or null. */
    public SpikeTrainSet fileTrains()
    {
        return network == null ? null : network.trains();
    }

    /** @return the program a {@code .csdx} file holds, compiled for its chip already. */
    public static RunProgram read(final Path csdx)
    {
        final ChipProgram program = CsdxFormat.read(csdx);
        final InputSpec input = program.populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.INPUT).findFirst()
            .map(RunProgram::imageStage).orElse(null);
        return new RunProgram(program, input, null, networkNote(program), Map.of("program", csdx.getFileName().toString()));
    }

    /**
     * @param chip the chip with csdsim's defaults ({@link ChipDefaults})
     * @param tdecAdded whether the defaults added TDEC units (a note says so)
     * @param forTilesInUse the spec the compiled program runs on given the tiles it occupies (a SANA-FE
     *     architecture's barrier depends on them; identity for any other chip)
     * @return the network compiled for the chip; a SANA-FE network keeps its file's mapping unless {@code remap}
     */
    public static RunProgram compile(final LoadedNetwork network, final ChipSpec chip, final boolean tdecAdded, final MapperOptions options,
        final boolean remap, final java.util.function.BiFunction<ChipSpec, Integer, ChipSpec> forTilesInUse)
    {
        final StringBuilder notes = new StringBuilder(network.note());
        if (tdecAdded)
        {
            notes.append("note: ").append(chip.name()).append(" has no TDEC units; simulating with ").append(ChipDefaults.TDEC_UNITS)
                .append(" per core (set core.tdecUnits to change)\n");
        }
        final Mapper.Result compiled = Csdsim.compile(network, chip, options, remap);
        final String residual = compiled.residualStream() ? compiled.report().residual() : null;
        if (residual != null)
        {
            notes.append("note: residual stream mapped by ").append(residual).append(" (--residual; docs/residual-stream.md)\n");
        }
        final ChipProgram program = compiled.program().withSpec(forTilesInUse.apply(compiled.program().spec, compiled.program().tilesInUse()));
        notes.append(networkNote(program));
        return new RunProgram(program, network.network().input, network, notes.toString(),
            mappingProvenance(options, residual, network.sanafe() != null && !remap));
    }

    /** @return the compile of {@link #compile(LoadedNetwork, ChipSpec, boolean, MapperOptions, boolean, java.util.function.BiFunction)} on the chip as compiled. */
    public static RunProgram compile(final LoadedNetwork network, final ChipSpec chip, final boolean tdecAdded, final MapperOptions options,
        final boolean remap)
    {
        return compile(network, chip, tdecAdded, options, remap, (spec, tiles) -> spec);
    }

    /** @return the mapping options as a report's provenance names them, with what the compile chose where it was asked to. */
    public static Map<String, Object> mappingProvenance(final MapperOptions options, final String residualUsed, final boolean givenKept)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("chips", options.chips());
        m.put("placement", options.start().name().toLowerCase(Locale.ROOT));
        m.put("refine", options.refinementPasses());
        m.put("residual", options.residual().label);
        if (residualUsed != null)
        {
            m.put("residualUsed", residualUsed);
        }
        m.put("givenMapping", givenKept ? "kept" : "none");
        return m;
    }

    private static String networkNote(final ChipProgram program)
    {
        final String network = ChipField.TIMING_NETWORK.format(program.spec.get(ChipField.TIMING_NETWORK));
        return network.equals("mesh") ? "" : "note: network model " + network + ": hop latencies only, no link contention (docs/timing-model.md)\n";
    }

    /** The image stage a program's input population describes: [height, width, channels], zero points per channel. */
    private static InputSpec imageStage(final ProgramPopulation in)
    {
        final double[] mean = new double[in.shape()[2]];
        for (int c = 0; c < mean.length; c++)
        {
            mean[c] = in.bias()[c] / 255.0;
        }
        return new InputSpec(in.shape()[0], in.shape()[1], in.shape()[2], mean, new double[mean.length]);
    }
}
