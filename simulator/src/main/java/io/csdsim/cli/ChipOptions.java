package io.csdsim.cli;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.isa.spec.sanafe.SanafeArchitecture;
import io.csdsim.library.ChipDefaults;
import io.csdsim.isa.spec.sanafe.SanafeArchitectureReader;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The chip a command targets: a preset, a JSON file or a SANA-FE architecture file, with field overrides. */
final class ChipOptions
{
    @Option(names = "--chip", defaultValue = "loihi2", paramLabel = "PRESET|FILE.json|ARCH.yaml",
        description = {"Chip: loihi, loihi2, loihi-sanafe, truenorth, a JSON spec, or a SANA-FE architecture file",
            "(docs/sanafe.md; what csdsim cannot model of it is listed in one warning). Default: ${DEFAULT-VALUE}."})
    String chip;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Override a field, e.g. --set core.maxNeurons=2048 (repeatable).")
    List<String> overrides = new ArrayList<>();

    private SanafeArchitecture architecture;

    /** @return the SANA-FE architecture --chip names, read once, or null when it names a preset or a JSON spec. */
    SanafeArchitecture architecture()
    {
        // By content: a YAML mapping is SANA-FE's architecture, whatever the file is called.
        if (architecture == null && !ChipSpecs.PRESETS.contains(chip) && io.csdsim.library.NetworkSources.isSanafeArchitecture(Path.of(chip)))
        {
            architecture = SanafeArchitectureReader.read(Path.of(chip));
        }
        return architecture;
    }

    ChipSpec spec()
    {
        final SanafeArchitecture arch = architecture();
        return overridden(arch != null ? arch.spec() : ChipSpecs.resolve(chip));
    }

    /** @return the spec with csdsim's defaults for a preset (ChipDefaults): what compile, simulate and sweep all run on. */
    ChipSpec withDefaults()
    {
        return ChipDefaults.apply(spec(), isPreset(), tdecGiven());
    }

    /** @return whether {@link #withDefaults} adds to the chip as given (a note to print). */
    boolean addsDefaults()
    {
        return ChipDefaults.addsTdecUnits(spec(), isPreset(), tdecGiven());
    }

    private boolean isPreset()
    {
        return architecture() == null && ChipSpecs.PRESETS.contains(chip);
    }

    private boolean tdecGiven()
    {
        return overrides.stream().anyMatch(o -> o.startsWith(ChipField.CORE_TDEC_UNITS.key));
    }

    /** @return the spec with the --set overrides applied. */
    ChipSpec overridden(final ChipSpec base)
    {
        ChipSpec s = base;
        for (final String o : overrides)
        {
            s = ChipSpecs.override(s, o);
        }
        return s;
    }

    /**
     * @return the spec for a program that occupies this many tiles: a SANA-FE architecture's barrier
     * is its synchronisation table's entry for the tiles in use (unless --set gives one), every other
     * chip's as given
     */
    ChipSpec forTilesInUse(final ChipSpec compiled, final int tiles)
    {
        final SanafeArchitecture arch = architecture();
        if (arch == null || overrides.stream().anyMatch(o -> o.startsWith(ChipField.TIMING_BARRIER_CYCLES.key + "=")))
        {
            return compiled;
        }
        return overridden(arch.forTilesInUse(tiles));
    }

    /** Says once, on stderr, what of a SANA-FE architecture csdsim does not model. */
    void warn(final PrintWriter err)
    {
        final SanafeArchitecture arch = architecture();
        if (arch != null && !arch.warnings().isEmpty())
        {
            err.println("warning: " + arch.file() + ": not modelled by csdsim: " + String.join("; ", arch.warnings()));
        }
    }
}
