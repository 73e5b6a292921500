package io.csdsim.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that runs a network on a chip ({@code simulate}, {@code sweep}): those
 * of {@link CompileOptions}, and the images or spike trains and the cluster. Picocli finds these
 * mixins on the superclasses of each such command.
 */
abstract class RunCommandOptions extends CompileOptions
{
    @Mixin InputOptions inputs = new InputOptions();
    @Mixin SpikeInputOptions spikeInputs = new SpikeInputOptions();
    @Mixin ClusterOptions cluster = new ClusterOptions();
}
