package io.csdsim.cli;

import io.csdsim.isa.ChipInputException;
import io.csdsim.models.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The root command: {@code csdsim <command> [options]}. */
@Command(name = "csdsim", mixinStandardHelpOptions = true, versionProvider = CsdsimCommand.Version.class,
    description = {
        "Cycle-level simulator of a many-core neuromorphic chip running CSDformer, the fully spike-driven transformer.",
        "Make or load a model, compile it for a chip, simulate it and read what it costs.",
        "",
        "Start here:",
        "  csdsim simulate                                    the shipped model on a chip: SOPs, energy, latency",
        "  csdsim eval                                        its accuracy: float, integer, spiking for D = 0..T-1",
        "  csdsim model run                                   the same model on the reference executors",
        "  csdsim model info --arch 4-384 --dataset cifar10   per-layer parameters, MACs, neurons, synapses",
        "  csdsim model create --arch 4-384 --dataset cifar10 -o m.json",
        "  csdsim model run m.json --input image.png",
        "  csdsim chip show loihi                             a chip preset, every figure with its source",
        "  csdsim compile m.json --chip loihi2 --set core.tdecUnits=8192 -o m.csdx"},
    subcommands = {SimulateCommand.class, SweepCommand.class, EvalCommand.class, ModelCommand.class, ChipCommand.class, CompileCommand.class, DisasmCommand.class, DataCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 done, 1 internal error, 2 bad input (a file, a field or an option; the message says which)."})
public final class CsdsimCommand extends CommandBase implements Runnable
{
    /** Exit code for bad input: a model, image or option the message names. */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(final String[] args)
    {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        final CommandLine cl = new CommandLine(new CsdsimCommand());
        cl.setUsageHelpWidth(110);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            // One line, the hint included: scripts that sweep options read the first line of stderr.
            err.println("csdsim: " + InvalidInputException.oneLine(ex.getMessage().strip()) + " (try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            final boolean verbose = parsed.matchedOption("--verbose") != null || java.util.Arrays.asList(args).contains("--verbose");
            final Throwable cause = ex instanceof java.io.UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof InvalidInputException || cause instanceof ChipInputException || cause instanceof java.io.IOException)
            {
                err.println("csdsim: " + InvalidInputException.oneLine(String.valueOf(cause.getMessage())));
                if (verbose)
                {
                    cause.printStackTrace(err);
                }
                return EXIT_BAD_INPUT;
            }
            if (cause instanceof OutOfMemoryError)
            {
                err.println("csdsim: out of memory; give the JVM more heap with CSDSIM_JAVA_OPTS=-Xmx16g");
                return 1;
            }
            err.println("csdsim: internal error: " + cause);
            if (verbose)
            {
                cause.printStackTrace(err);
            }
            else
            {
                err.println("Run again with --verbose for the stack trace.");
            }
            return 1;
        });
        int code;
        try
        {
            code = cl.execute(args);
        }
        catch (final OutOfMemoryError e)
        {
            // picocli hands only Exceptions to the handler above.
            err.println("csdsim: out of memory; give the JVM more heap, e.g. CSDSIM_JAVA_OPTS=-Xmx16g ./csdsim ...");
            code = 1;
        }
        catch (final StackOverflowError e)
        {
            // An input nested past what any reader should recurse through: a defect to report, not a 1,000-line trace.
            err.println("csdsim: internal error: " + e + " (an input nested too deeply for csdsim; please report it)");
            if (java.util.Arrays.asList(args).contains("--verbose"))
            {
                e.printStackTrace(err);
            }
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** @return the installation's root: the launcher sets it; else the working directory. */
    static Path home()
    {
        final String h = System.getProperty("csdsim.home");
        return Path.of(h == null ? "." : h);
    }

    /** The version printed by --version. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            return new String[] {"csdsim " + io.csdsim.simulator.report.ToolVersion.describe(), "Java " + System.getProperty("java.version")};
        }
    }
}
