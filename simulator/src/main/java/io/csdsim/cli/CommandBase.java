package io.csdsim.cli;

import picocli.CommandLine;

/** What every command has: its picocli spec, through which it prints and reads what the user gave. */
abstract class CommandBase
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
}
