package io.csdsim.cli;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.library.Samples;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.simulator.engine.ChipEngine;

/**
 * The samples a run feeds a program, from the command line's options: spike trains when its first
 * population is a spike source (a file's own, or --spikes/--rate), images otherwise (--input,
 * --synthetic, or the shipped ones), with their labels; options of the other kind are refused with
 * one line.
 */
final class RunSamples
{
    private RunSamples()
    {
    }

    /**
     * @param fileTrains trains a network file gave with itself (SANA-FE's), used unless the command line gives others
     * @param inputSpec  the image stage, for images
     */
    static Samples load(final ChipProgram program, final InputOptions inputs, final SpikeInputOptions spikeInputs,
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
            return Samples.spikes(trains);
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
        return Samples.images(images.pixels(), images.labels(), inputs.note);
    }
}
