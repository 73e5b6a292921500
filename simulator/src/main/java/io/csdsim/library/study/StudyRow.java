package io.csdsim.library.study;

import java.util.Map;

/**
 * What a point measured: its figures by column ({@link StudyFigures}), or why it could not run (a
 * chip it does not fit), with the figures empty.
 */
public record StudyRow(StudyPoint point, Map<String, Double> figures, String reason)
{
    /** @return a row of a point that could not run, and why. */
    public static StudyRow failed(final StudyPoint point, final String reason)
    {
        return new StudyRow(point, Map.of(), reason);
    }
}
