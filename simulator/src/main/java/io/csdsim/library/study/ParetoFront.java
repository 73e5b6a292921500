package io.csdsim.library.study;

import java.util.List;
import java.util.Map;

/**
 * The Pareto front of a study's rows in energy, latency and accuracy: a row is on it when no other
 * row has no more energy and latency and no less accuracy and is better in one. Rows that could not
 * run are never on it; a row without labels counts its accuracy as 0.
 */
public final class ParetoFront
{
    private ParetoFront()
    {
    }

    /** @return per row, whether it is on the front. */
    public static boolean[] of(final List<StudyRow> rows)
    {
        final boolean[] front = new boolean[rows.size()];
        for (int i = 0; i < front.length; i++)
        {
            if (rows.get(i).reason() != null)
            {
                continue;
            }
            front[i] = true;
            for (int j = 0; j < front.length && front[i]; j++)
            {
                if (j != i && rows.get(j).reason() == null && dominates(rows.get(j).figures(), rows.get(i).figures()))
                {
                    front[i] = false;
                }
            }
        }
        return front;
    }

    private static boolean dominates(final Map<String, Double> a, final Map<String, Double> b)
    {
        final double ea = a.get(StudyFigures.ENERGY_TOTAL);
        final double eb = b.get(StudyFigures.ENERGY_TOTAL);
        final double la = a.get(StudyFigures.LATENCY);
        final double lb = b.get(StudyFigures.LATENCY);
        final double aa = a.getOrDefault(StudyFigures.ACCURACY, 0.0);
        final double ab = b.getOrDefault(StudyFigures.ACCURACY, 0.0);
        return ea <= eb && la <= lb && aa >= ab && (ea < eb || la < lb || aa > ab);
    }
}
