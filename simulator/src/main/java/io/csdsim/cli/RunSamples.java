package io.csdsim.cli;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;

import java.util.List;

/**
 * The samples a run feeds a program: spike trains when its first population is a spike source
 * (a file's own, or --spikes/--rate), images otherwise (--input, --synthetic, or the shipped ones),
 * with their labels; options of the other kind are refused with one line.
 */
final class RunSamples
{
    /** Images as the input population takes them, or null. */
    final int[][] pixels;
    /** Spike trains per sample and tick, or null. */
    final int[][][] trains;
    /** Labels, or null. */
    final int[] labels;
    /** A line for the user about which images were taken (empty for none). */
    final String note;

    private RunSamples(final int[][] pixels, final int[][][] trains, final int[] labels, final String note)
    {
        this.pixels = pixels;
        this.trains = trains;
        this.labels = labels;
        this.note = note;
    }

    /**
     * @param fileTrains trains a network file gave with itself (SANA-FE's), used unless the command line gives others
     * @param inputSpec  the image stage, for images
     */
    static RunSamples load(final ChipProgram program, final InputOptions inputs, final SpikeInputOptions spikeInputs,
        final SpikeTrainSet fileTrains, final InputSpec inputSpec, final java.util.function.Predicate<String> given)
    {
        final int stimulus = ChipEngine.stimulusPopulation(program);
        if (stimulus >= 0)
        {
            // A network fed spike trains: images and their options do not apply.
            for (final String o : new String[] {"--input", "--labels", "--synthetic", "--resize"})
            {
                if (given.test(o))
                {
                    throw new InvalidInputException(o, "", "this network takes spike trains (--spikes FILE.npy or --rate P), not images");
                }
            }
            final ProgramPopulation source = program.populations().get(stimulus);
            final SpikeTrainSet set = fileTrains != null && !spikeInputs.given() ? fileTrains
                : spikeInputs.load(program.name, source.name(), source.size(), program.timeWindow, inputs.seed, inputs.limit);
            final int[][][] trains = new int[set.samples()][][];
            for (int i = 0; i < trains.length; i++)
            {
                trains[i] = set.sample(i);
            }
            return new RunSamples(null, trains, null, "");
        }
        if (spikeInputs.given())
        {
            throw new InvalidInputException(spikeInputs.spikes != null ? "--spikes" : "--rate", "", "'" + program.name
                + "' takes images; spike trains feed a network whose first population is a spike source (docs/network-file.md)");
        }
        inputs.shippedLimit = SimulateCommand.SHIPPED_IMAGES;
        final int classes = program.populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.HOST_CLASSIFIER)
            .mapToInt(ProgramPopulation::size).findFirst().orElse(0);
        final ImageSet images = inputs.load(inputSpec, classes);
        return new RunSamples(images.pixels(), null, images.labels(), inputs.note);
    }

    int count()
    {
        return trains != null ? trains.length : pixels.length;
    }

    /** @return the first sample run again on one thread with its spike trains kept (for a raster); the same spikes as in the run. */
    SampleResult firstWithTrains(final ChipEngine engine)
    {
        try (io.csdsim.simulator.engine.TickWorkers one = new io.csdsim.simulator.engine.TickWorkers(1))
        {
            if (trains != null)
            {
                return engine.runSpikes(trains[0], true, one, null);
            }
            final ProgramPopulation input = engine.program().populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.INPUT)
                .findFirst().orElseThrow();
            return engine.run(Simulation.encode(input, pixels[0]), true, one, null);
        }
    }

    /** @return the results of every sample on the engine, samples or each tick's cores over {@code threads}. */
    List<SampleResult> run(final ChipEngine engine, final int threads, final Runnable tickDone)
    {
        return trains != null ? Simulation.runSpikes(engine, trains, threads, tickDone) : Simulation.run(engine, pixels, threads, tickDone);
    }
}
