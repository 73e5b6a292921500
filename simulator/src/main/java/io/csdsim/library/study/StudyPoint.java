package io.csdsim.library.study;

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
}
