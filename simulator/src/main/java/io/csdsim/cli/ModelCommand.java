package io.csdsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code csdsim model ...}: make, inspect and run models on the reference executors. */
@Command(name = "model", description = "Make, inspect and run CSDformer models on the reference executors.",
    mixinStandardHelpOptions = true,
    subcommands = {ModelCreateCommand.class, ModelInfoCommand.class, ModelRunCommand.class, ModelErrorCommand.class})
final class ModelCommand extends CommandBase implements Runnable
{

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
