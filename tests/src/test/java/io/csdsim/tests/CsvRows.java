package io.csdsim.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a report's CSV (a header, then rows of plain cells; a quoted last cell may hold commas) into rows by column name. */
final class CsvRows
{
    private CsvRows()
    {
    }

    static List<Map<String, String>> read(final Path p) throws Exception
    {
        final List<String> lines = Files.readAllLines(p);
        final String[] header = lines.get(0).split(",");
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] cells = line.split(",", header.length);
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++)
            {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
