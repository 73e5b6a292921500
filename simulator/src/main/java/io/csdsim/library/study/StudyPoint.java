package io.csdsim.library.study;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.library.ChipDefaults;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;

import java.util.List;
import java.util.Map;

/**
 * One point of a study: its settings by key (chip, D, residual or a chip field), in the order the
 * study names them.
 */
public record StudyPoint(Map<String, String> settings)
{
    /** The key that varies the chip preset or file. */
    public static final String CHIP = "chip";
    /** The key that varies the DIF delay. */
    public static final String DELAY = "D";
    /** The key that varies how the residual stream is mapped. */
    public static final String RESIDUAL = "residual";

    public StudyPoint
    {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** @return whether a setting is a chip field (not chip, D or residual). */
    public static boolean isChipField(final String key)
    {
        return !key.equals(CHIP) && !key.equals(DELAY) && !key.equals(RESIDUAL);
    }

    /**
     * @param chip the study's chip (a preset, a chip file or a report), used unless the point varies it
     * @param overrides the study's {@code key=value} overrides, applied before the point's chip fields
     * @return the point's chip with csdsim's defaults ({@link ChipDefaults}) unless the study or point sets them
     */
    public ChipSpec chip(final String chip, final List<String> overrides)
    {
        final String base = settings.getOrDefault(CHIP, chip);
        ChipSpec s = ChipSpecs.resolve(base);
        for (final String o : overrides)
        {
            s = ChipSpecs.override(s, o);
        }
        for (final Map.Entry<String, String> e : settings.entrySet())
        {
            if (isChipField(e.getKey()))
            {
                s = ChipSpecs.override(s, e.getKey() + "=" + e.getValue());
            }
        }
        final boolean tdecGiven = settings.containsKey(ChipField.CORE_TDEC_UNITS.key)
            || overrides.stream().anyMatch(o -> o.startsWith(ChipField.CORE_TDEC_UNITS.key));
        return ChipDefaults.apply(s, ChipSpecs.PRESETS.contains(base), tdecGiven);
    }

    /** @return the mapping options of the point: the study's, with the point's residual mapping when it varies it. */
    public MapperOptions mapping(final MapperOptions study)
    {
        final String r = settings.get(RESIDUAL);
        if (r == null)
        {
            return study;
        }
        final MapperOptions.Residual choice = MapperOptions.Residual.of(r);
        if (choice == null)
        {
            throw new InvalidInputException("--vary", "", "residual=" + r + "; expected fan-in, accumulate or auto");
        }
        return study.withResidual(choice);
    }
}
