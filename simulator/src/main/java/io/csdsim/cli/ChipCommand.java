package io.csdsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim chip ...}: chip specifications. */
@Command(name = "chip", description = "Show chip specifications: presets and your own.", mixinStandardHelpOptions = true,
    subcommands = {ChipCommand.Show.class, ChipCommand.ListPresets.class})
final class ChipCommand extends CommandBase implements Runnable
{

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the chip presets.")
    static final class ListPresets extends CommandBase implements Callable<Integer>
    {

        @Override
        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            for (final String p : ChipSpecs.PRESETS)
            {
                final ChipSpec s = ChipSpecs.preset(p);
                out.printf(Locale.ROOT, "%-10s %5d cores/chip, %5d neurons/core  %s%n", p, s.coresPerChip(), s.maxNeurons(), s.description());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print a chip specification, every figure with its unit and its source.",
            "Give a preset or a JSON file; a file may name a \"base\" preset and override some fields."},
        footer = {"", "Examples:", "  csdsim chip show loihi", "  csdsim chip show loihi --set core.maxNeurons=2048 --set core.tdecUnits=1024",
            "  csdsim chip show my-chip.json --json > full.json"})
    static final class Show extends CommandBase implements Callable<Integer>
    {
        @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "PRESET|FILE.json", description = "Default: loihi2.")
        String chip;

        @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Override a field (repeatable).")
        java.util.List<String> overrides = new java.util.ArrayList<>();

        @Option(names = "--json", description = "Print the full spec as JSON (it reads back as the same spec).")
        boolean json;

        @Override
        public Integer call() throws Exception
        {
            final PrintWriter out = spec.commandLine().getOut();
            final ChipOptions o = new ChipOptions();
            o.chip = chip == null ? "loihi2" : chip;
            o.overrides = overrides;
            final ChipSpec s = o.spec();
            if (json)
            {
                out.println(io.csdsim.simulator.report.ShortestNumbers.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ChipSpecs.toJson(s)));
                return 0;
            }
            out.printf(Locale.ROOT, "%s: %s%n%d cores per chip%n%n", s.name(), s.description(), s.coresPerChip());
            final TextTable t = new TextTable("field", "value", "unit", "source").right(1);
            String group = null;
            for (final ChipField f : ChipField.values())
            {
                if (group != null && !group.equals(f.group()))
                {
                    t.rule();
                }
                group = f.group();
                final double v = s.get(f);
                final String value = f.kind == ChipField.Kind.FLAG || f.kind == ChipField.Kind.CHOICE ? f.format(v)
                    : v == Math.rint(v) ? TextTable.count((long)v) : String.format(Locale.ROOT, "%.6g", v);
                t.row(f.key, value, f.unit, s.source(f));
            }
            t.print(out);
            return 0;
        }
    }
}
