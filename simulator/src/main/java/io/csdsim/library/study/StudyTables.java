package io.csdsim.library.study;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.simulator.report.Provenance;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A study's rows as tables: a CSV (the varied keys, the figure columns, {@code pareto}, {@code reason})
 * and a JSON document ({@code csdsim-sweep}, format 1, with its provenance), both in grid order.
 */
public final class StudyTables
{
    private StudyTables()
    {
    }

    /** The figure columns, in order; a row without a figure (no labels: accuracy) leaves it empty. */
    private static List<String> columns(final List<StudyRow> rows)
    {
        final List<String> c = new ArrayList<>();
        for (final StudyRow r : rows)
        {
            for (final String k : r.figures().keySet())
            {
                if (!c.contains(k))
                {
                    c.add(k);
                }
            }
        }
        return c;
    }

    /** @return the rows as CSV. */
    public static String csv(final List<String> keys, final List<StudyRow> rows, final boolean[] front)
    {
        final List<String> cols = columns(rows);
        final StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", keys));
        for (final String c : cols)
        {
            sb.append(sb.isEmpty() ? "" : ",").append(c);
        }
        sb.append(keys.isEmpty() && cols.isEmpty() ? "" : ",").append("pareto,reason\n");
        for (int i = 0; i < rows.size(); i++)
        {
            final StudyRow row = rows.get(i);
            final List<String> cells = new ArrayList<>();
            for (final String k : keys)
            {
                cells.add(row.point().settings().get(k));
            }
            for (final String c : cols)
            {
                final Double v = row.figures().get(c);
                cells.add(v == null ? "" : format(v));
            }
            cells.add(front[i] ? "1" : "0");
            cells.add(row.reason() == null ? "" : '"' + row.reason().replace("\"", "'") + '"');
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String format(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : io.csdsim.simulator.report.ShortestNumbers.of(v);
    }

    /** Writes the rows as the sweep's JSON document. */
    public static void writeJson(final Writer w, final List<String> keys, final List<StudyRow> rows, final boolean[] front,
        final Provenance provenance) throws IOException
    {
        try (JsonGenerator j = io.csdsim.simulator.report.ShortestNumbers.mapper().getFactory().createGenerator(w).useDefaultPrettyPrinter())
        {
            j.writeStartObject();
            j.writeStringField("format", "csdsim-sweep");
            j.writeNumberField("formatVersion", 1);
            if (provenance != null)
            {
                provenance.write(j);
            }
            j.writeArrayFieldStart("varied");
            for (final String k : keys)
            {
                j.writeString(k);
            }
            j.writeEndArray();
            j.writeArrayFieldStart("points");
            for (int i = 0; i < rows.size(); i++)
            {
                final StudyRow row = rows.get(i);
                j.writeStartObject();
                j.writeObjectFieldStart("settings");
                for (final Map.Entry<String, String> e : row.point().settings().entrySet())
                {
                    j.writeStringField(e.getKey(), e.getValue());
                }
                j.writeEndObject();
                if (row.reason() != null)
                {
                    j.writeStringField("reason", row.reason());
                }
                else
                {
                    j.writeObjectFieldStart("figures");
                    for (final Map.Entry<String, Double> e : row.figures().entrySet())
                    {
                        j.writeNumberField(e.getKey(), e.getValue());
                    }
                    j.writeEndObject();
                }
                j.writeBooleanField("pareto", front[i]);
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
    }

    /** @return the study as one self-contained HTML page: energy against latency with the front marked, each setting against the figures. */
    public static String html(final List<String> keys, final List<StudyRow> rows, final boolean[] front) throws IOException
    {
        final List<Map<String, String>> settings = new ArrayList<>();
        final List<Map<String, Double>> figures = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        for (final StudyRow r : rows)
        {
            settings.add(r.point().settings());
            figures.add(r.figures());
            reasons.add(r.reason());
        }
        return io.csdsim.simulator.report.HtmlReport.sweep(keys, settings, figures, reasons, front);
    }

    /** @return the one line a study ends with: points, configurations compiled, samples, the front and the points that did not fit. */
    public static String summary(final List<StudyRow> rows, final boolean[] front, final int configurations, final int samples)
    {
        int failed = 0;
        int onFront = 0;
        for (int i = 0; i < rows.size(); i++)
        {
            failed += rows.get(i).reason() != null ? 1 : 0;
            onFront += front[i] ? 1 : 0;
        }
        return String.format(java.util.Locale.ROOT, "%d point(s), %d distinct chip configuration(s) compiled, %d sample(s) each; "
            + "%d on the Pareto front, %d did not fit%n", rows.size(), configurations, samples, onFront, failed);
    }
}
