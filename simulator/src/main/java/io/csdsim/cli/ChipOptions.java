package io.csdsim.cli;

import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The chip a command targets: a preset or a JSON file, with field overrides. */
final class ChipOptions
{
    @Option(names = "--chip", defaultValue = "loihi2", paramLabel = "PRESET|FILE.json",
        description = "Chip: loihi, loihi2, truenorth, or a JSON spec (default: ${DEFAULT-VALUE}).")
    String chip;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Override a field, e.g. --set core.maxNeurons=2048 (repeatable).")
    List<String> overrides = new ArrayList<>();

    ChipSpec spec()
    {
        ChipSpec s = ChipSpecs.resolve(chip);
        for (final String o : overrides)
        {
            s = ChipSpecs.override(s, o);
        }
        return s;
    }
}
