package io.csdsim.cli;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that compiles a network for a chip ({@code compile}, and through
 * {@link RunCommandOptions} {@code simulate} and {@code sweep}): the model, the chip and the mapping.
 */
abstract class CompileOptions extends CommandBase
{
    @Mixin ModelOptions model = new ModelOptions();
    @Mixin ChipOptions chip = new ChipOptions();
    @Mixin MappingOptions mapping = new MappingOptions();
}
