package io.csdsim.tests;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes NIR graphs for tests with jHDF — the library csdsim reads them with — in the NIR project's
 * layout: {@code version}, and {@code node} of type NIRGraph with {@code nodes} (one group per node:
 * its {@code type} and one dataset per parameter) and {@code edges} ([n, 2] strings).
 */
final class NirFiles
{
    private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
    private final List<String[]> edges = new ArrayList<>();

    /** Adds a node: its type, then parameter names and values (double[] with a shape, via {@link #t}, or a Long). */
    NirFiles node(final String name, final String type, final Object... params)
    {
        final Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        for (int k = 0; k < params.length; k += 2)
        {
            p.put((String)params[k], params[k + 1]);
        }
        nodes.put(name, p);
        return this;
    }

    NirFiles edge(final String from, final String to)
    {
        edges.add(new String[] {from, to});
        return this;
    }

    /** @return a tensor of the given shape filled, row-major, from values (one value fills all). */
    static Object t(final int[] shape, final double... values)
    {
        final Object a = Array.newInstance(double.class, shape);
        final int[] at = {0};
        fill(a, values, at);
        return a;
    }

    private static void fill(final Object a, final double[] values, final int[] at)
    {
        final int n = Array.getLength(a);
        if (a instanceof double[] d)
        {
            for (int i = 0; i < n; i++)
            {
                d[i] = values.length == 1 ? values[0] : values[at[0]++];
            }
            return;
        }
        for (int i = 0; i < n; i++)
        {
            fill(Array.get(a, i), values, at);
        }
    }

    /** @return a vector of n equal values (a per-neuron parameter). */
    static double[] all(final int n, final double v)
    {
        final double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    Path write(final Path file)
    {
        try (WritableHdfFile f = HdfFile.write(file))
        {
            f.putDataset("version", "0.2.0");
            final WritableGroup node = f.putGroup("node");
            node.putDataset("type", "NIRGraph");
            final WritableGroup ng = node.putGroup("nodes");
            for (final Map.Entry<String, Map<String, Object>> e : nodes.entrySet())
            {
                final WritableGroup g = ng.putGroup(e.getKey());
                for (final Map.Entry<String, Object> p : e.getValue().entrySet())
                {
                    g.putDataset(p.getKey(), p.getValue());
                }
            }
            node.putDataset("edges", edges.toArray(new String[0][]));
        }
        return file;
    }
}
