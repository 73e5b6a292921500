package io.csdsim.models.nir;

import io.csdsim.models.InvalidInputException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a NIR file — HDF5 in the NIR project's layout ({@code version}, and a {@code node} group of
 * type {@code NIRGraph} holding {@code nodes} and {@code edges}) — with jHDF, a pure-Java HDF5 reader.
 * Every dataset of a node becomes a parameter (numbers as doubles with their shape, strings as text);
 * a defect is one line naming the file and the path inside it.
 */
public final class NirFileReader
{
    /** HDF5's signature: the first 8 bytes of every HDF5 file. */
    private static final byte[] SIGNATURE = {(byte)0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Largest NIR file read: the NIR paper's graphs are under 300 kB. */
    public static final long MAX_BYTES = 512L << 20;

    private NirFileReader()
    {
    }

    /** @return whether the file is HDF5 (a NIR graph): its signature, whatever its name. */
    public static boolean isNirFile(final Path path)
    {
        try (java.io.InputStream in = Files.newInputStream(path))
        {
            final byte[] head = in.readNBytes(SIGNATURE.length);
            return java.util.Arrays.equals(head, SIGNATURE);
        }
        catch (final java.io.IOException e)
        {
            return false;
        }
    }

    public static NirGraph read(final Path path)
    {
        final String src = path.toString();
        final byte[] bytes;
        try
        {
            if (Files.size(path) > MAX_BYTES)
            {
                throw new InvalidInputException(src, "", "a file of " + Files.size(path) + " bytes; expected at most " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(path);
        }
        catch (final java.io.IOException e)
        {
            throw new InvalidInputException(src, "", "not readable: " + e.getMessage());
        }
        return parse(src, bytes);
    }

    /** @return the graph held by a NIR file's bytes; {@code src} names the file in error lines. */
    public static NirGraph parse(final String src, final byte[] bytes)
    {
        if (bytes.length < SIGNATURE.length || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, SIGNATURE.length), SIGNATURE))
        {
            throw new InvalidInputException(src, "bytes 0-7", "not an HDF5 file (a NIR graph is HDF5)");
        }
        try (HdfFile hdf = HdfFile.fromBytes(bytes))
        {
            final Node root = hdf.getChildren().get("node");
            if (!(root instanceof Group g))
            {
                throw new InvalidInputException(src, "/node", "missing; a NIR file holds its graph in the group 'node'");
            }
            final String type = text(src, g, "type", "/node");
            if (!type.equals("NIRGraph"))
            {
                throw new InvalidInputException(src, "/node/type", "'" + type + "'; expected NIRGraph");
            }
            final Node nodes = g.getChildren().get("nodes");
            if (!(nodes instanceof Group ng))
            {
                throw new InvalidInputException(src, "/node/nodes", "missing; expected the graph's nodes");
            }
            final Map<String, NirGraph.Node> out = new LinkedHashMap<>();
            for (final Map.Entry<String, Node> e : ng.getChildren().entrySet())
            {
                final String where = "/node/nodes/" + e.getKey();
                if (!(e.getValue() instanceof Group node))
                {
                    throw new InvalidInputException(src, where, "a dataset; expected a node's group");
                }
                final String t = text(src, node, "type", where);
                if (t.equals("NIRGraph"))
                {
                    throw new InvalidInputException(src, where, "a nested NIRGraph (subgraph); csdsim reads flat graphs");
                }
                final Map<String, NirTensor> params = new LinkedHashMap<>();
                for (final Map.Entry<String, Node> p : node.getChildren().entrySet())
                {
                    if (p.getKey().equals("type") || p.getKey().equals("metadata"))
                    {
                        continue;
                    }
                    if (!(p.getValue() instanceof Dataset d))
                    {
                        // A group parameter (input_type, output_type as dicts in newer files): its datasets are its values.
                        if (p.getValue() instanceof Group pg && pg.getChildren().size() == 1
                            && pg.getChildren().values().iterator().next() instanceof Dataset only)
                        {
                            params.put(p.getKey(), tensor(src, only, where + "/" + p.getKey()));
                            continue;
                        }
                        throw new InvalidInputException(src, where + "/" + p.getKey(), "a group; expected a parameter's dataset");
                    }
                    params.put(p.getKey(), tensor(src, d, where + "/" + p.getKey()));
                }
                out.put(e.getKey(), new NirGraph.Node(e.getKey(), t, params));
            }
            final Node edges = g.getChildren().get("edges");
            if (!(edges instanceof Dataset ed))
            {
                throw new InvalidInputException(src, "/node/edges", "missing; expected the graph's edges");
            }
            final List<String[]> list = new ArrayList<>();
            final Object data = ed.getData();
            if (ed.getDimensions().length != 2 || ed.getDimensions()[1] != 2 || !(data instanceof Object[] rows))
            {
                if (ed.getDimensions().length == 1 && ed.getDimensions()[0] == 0 || ed.getDimensions().length == 2 && ed.getDimensions()[0] == 0)
                {
                    return new NirGraph(src, out, list);
                }
                throw new InvalidInputException(src, "/node/edges", java.util.Arrays.toString(ed.getDimensions()) + "; expected [edges, 2] strings");
            }
            for (final Object row : rows)
            {
                list.add(new String[] {string(Array.get(row, 0)), string(Array.get(row, 1))});
            }
            return new NirGraph(src, out, list);
        }
        catch (final InvalidInputException e)
        {
            throw e;
        }
        catch (final RuntimeException e)
        {
            // jHDF's own exceptions: a file that is not the HDF5 it claims to be.
            throw new InvalidInputException(src, "", "not readable as HDF5: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private static String text(final String src, final Group g, final String key, final String where)
    {
        final Node n = g.getChildren().get(key);
        if (!(n instanceof Dataset d))
        {
            throw new InvalidInputException(src, where + "/" + key, "missing");
        }
        final Object v = d.getData();
        final Object one = v != null && v.getClass().isArray() && Array.getLength(v) == 1 ? Array.get(v, 0) : v;
        if (!(one instanceof String) && !(one instanceof byte[]))
        {
            throw new InvalidInputException(src, where + "/" + key, "expected a string");
        }
        return string(one);
    }

    private static String string(final Object o)
    {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    /** @return a dataset's values as doubles (row-major) with its shape, or its text. */
    private static NirTensor tensor(final String src, final Dataset d, final String where)
    {
        final Object data = d.isScalar() ? d.getData() : d.getDataFlat();
        if (data instanceof String || data instanceof byte[])
        {
            return NirTensor.text(string(data));
        }
        final int[] shape = d.isScalar() ? new int[0] : d.getDimensions();
        if (data instanceof Number n)
        {
            return NirTensor.of(shape, new double[] {n.doubleValue()});
        }
        if (data instanceof Boolean b)
        {
            return NirTensor.of(shape, new double[] {b ? 1 : 0});
        }
        if (data == null || !data.getClass().isArray())
        {
            throw new InvalidInputException(src, where, "a dataset of " + (data == null ? "nothing" : data.getClass().getSimpleName())
                + "; expected numbers or a string");
        }
        final int n = Array.getLength(data);
        final double[] v = new double[n];
        for (int i = 0; i < n; i++)
        {
            final Object x = Array.get(data, i);
            if (x instanceof Number num)
            {
                v[i] = num.doubleValue();
            }
            else if (x instanceof Boolean b)
            {
                v[i] = b ? 1 : 0;
            }
            else if (n == 1 && (x instanceof String || x instanceof byte[]))
            {
                return NirTensor.text(string(x));
            }
            else
            {
                throw new InvalidInputException(src, where, "element " + i + " is " + (x == null ? "nothing" : x.getClass().getSimpleName())
                    + "; expected numbers");
            }
        }
        return NirTensor.of(shape, v);
    }
}
