package io.csdsim.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that runs a network on a chip ({@code simulate}, {@code sweep}): the
 * model, the chip, the images or spike trains, the mapping and the cluster. Picocli finds these
 * mixins on the superclass of each such command.
 */
abstract class RunCommandOptions
{
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    ChipOptions chip = new ChipOptions();

    @Mixin
    InputOptions inputs = new InputOptions();

    @Mixin
    SpikeInputOptions spikeInputs = new SpikeInputOptions();

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();
}
