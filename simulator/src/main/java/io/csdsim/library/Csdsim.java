package io.csdsim.library;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.GivenPlacement;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;
import io.csdsim.simulator.report.SimulationReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The library's four steps in one place, for a script or a binding: load a network of any format,
 * name a chip (with csdsim's defaults), compile, simulate. Each returns typed results; bad input is
 * one exception with the command line's one-line message.
 */
public final class Csdsim
{
    private Csdsim()
    {
    }

    /** @return the network of a file of any format, told by its content (a SANA-FE SNN needs {@link #load(Path, LoadOptions, io.csdsim.isa.spec.sanafe.SanafeArchitecture)}). */
    public static LoadedNetwork load(final Path file, final LoadOptions options)
    {
        return NetworkLoader.load(file, options, null);
    }

    /** @return the network of a file of any format, a SANA-FE SNN read against its architecture. */
    public static LoadedNetwork load(final Path file, final LoadOptions options, final io.csdsim.isa.spec.sanafe.SanafeArchitecture architecture)
    {
        return NetworkLoader.load(file, options, architecture);
    }

    /**
     * @param chip a preset name, a chip spec JSON file or a csdsim report (its embedded spec)
     * @param set field overrides by key ({@code core.maxNeurons} → {@code 2048}), applied in the map's order
     * @return the chip, with csdsim's defaults for a preset ({@link ChipDefaults}) unless {@code set} names them
     */
    public static ChipSpec chip(final String chip, final Map<String, String> set)
    {
        ChipSpec s = ChipSpecs.resolve(chip);
        for (final Map.Entry<String, String> e : set.entrySet())
        {
            s = ChipSpecs.override(s, e.getKey() + "=" + e.getValue());
        }
        return ChipDefaults.apply(s, ChipSpecs.PRESETS.contains(chip), set.containsKey(ChipField.CORE_TDEC_UNITS.key));
    }

    /**
     * @return the network compiled for the chip: the program, its typed compile report and the schedule;
     * a SANA-FE network keeps the mapping its file gives unless {@code remap}
     */
    public static Mapper.Result compile(final LoadedNetwork network, final ChipSpec chip, final MapperOptions options, final boolean remap)
    {
        final MapperOptions o = network.sanafe() != null && !remap
            ? options.withGiven(new GivenPlacement(network.file().toString(), network.sanafe().coreOfUnit())) : options;
        return Mapper.compile(network.network(), chip, o);
    }

    /** @return the report of images (one {@code int[]} of 8-bit pixels each) simulated on the program, on so many threads. */
    public static SimulationReport simulate(final ChipProgram program, final int[][] images, final int[] labels, final int threads)
    {
        final List<SampleResult> results = Simulation.run(new ChipEngine(program), images, threads, null);
        return new SimulationReport(program, results, labels);
    }

    /** @return the report of spike-train samples ({@code trains[sample][tick]}: the source units firing) simulated on the program. */
    public static SimulationReport simulateSpikes(final ChipProgram program, final int[][][] trains, final int threads)
    {
        final List<SampleResult> results = Simulation.runSpikes(new ChipEngine(program), trains, threads, null);
        return new SimulationReport(program, results, null);
    }
}
