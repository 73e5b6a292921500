package io.csdsim.cli;

import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.program.ProgramListing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code csdsim disasm}: the text listing of a chip program. */
@Command(name = "disasm", mixinStandardHelpOptions = true,
    description = {"Print the text listing of a chip program (.csdx).",
        "The listing names every field: chip spec with sources, synapse tables with their weights (stored once),",
        "populations, edges, neuron groups with their cores, and routes. It parses back into the same program."},
    footer = {"", "Example:", "  csdsim disasm m.csdx | less"})
final class DisasmCommand extends CommandBase implements Callable<Integer>
{
    @CommandLine.Parameters(index = "0", paramLabel = "PROGRAM.csdx")
    Path program;

    @Option(names = "--no-weights", description = "Leave out the weight rows (the listing then does not parse back).")
    boolean noWeights;

    @Override
    public Integer call() throws Exception
    {
        spec.commandLine().getOut().print(ProgramListing.print(CsdxFormat.read(program), !noWeights));
        return 0;
    }
}
