package io.csdsim.models.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.safetensors.SafetensorsWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a model as {@code NAME.json} and {@code NAME.safetensors} side by side. Both are written to
 * temporary files first and moved into place, so a failed write leaves nothing half-written.
 */
public final class ModelFileWriter
{
    private ModelFileWriter()
    {
    }

    /** @return the weights file that belongs to a model JSON path. */
    public static Path weightsPathFor(final Path json)
    {
        final String f = json.getFileName().toString();
        final String base = f.endsWith(".json") ? f.substring(0, f.length() - 5) : f;
        return json.resolveSibling(base + ".safetensors");
    }

    public static void write(final ModelGraph g, final Path json)
    {
        final Path weights = weightsPathFor(json);
        try
        {
            final Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Not createTempFile: its owner-only permissions would stick to the model files.
            final long pid = ProcessHandle.current().pid();
            final Path tmpWeights = parent.resolve("." + weights.getFileName() + ".tmp-" + pid);
            final Path tmpJson = parent.resolve("." + json.getFileName() + ".tmp-" + pid);
            try
            {
                try (OutputStream jsonOut = new java.io.BufferedOutputStream(Files.newOutputStream(tmpJson));
                     OutputStream weightsOut = new java.io.BufferedOutputStream(Files.newOutputStream(tmpWeights), 1 << 20))
                {
                    write(g, weights.getFileName().toString(), jsonOut, weightsOut);
                }
                Files.move(tmpWeights, weights, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmpJson, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            finally
            {
                Files.deleteIfExists(tmpWeights);
                Files.deleteIfExists(tmpJson);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the model's JSON graph and its weights to two streams; the caller decides where they land.
     *
     * @param weightsFile the name written in the JSON's "weights" field: the weights file's name beside it.
     */
    public static void write(final ModelGraph g, final String weightsFile, final OutputStream json, final OutputStream weights)
        throws IOException
    {
        final ObjectNode root = toJson(g, weightsFile);
        final SafetensorsWriter st = new SafetensorsWriter().metadata("format", "csdsim-model-weights").metadata("model", g.name);
        for (final Map.Entry<String, float[]> e : g.weights().entrySet())
        {
            st.addF32(e.getKey(), g.weightShape(e.getKey()), e.getValue());
        }
        st.writeTo(weights);
        final ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.write((om.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return the model's JSON graph; {@code weightsFile} is the name written in its "weights" field. */
    public static ObjectNode toJson(final ModelGraph g, final String weightsFile)
    {
        final ObjectMapper om = new ObjectMapper();
        final ObjectNode root = om.createObjectNode();
        root.put("format", ModelFileReader.FORMAT);
        root.put("formatVersion", ModelFileReader.FORMAT_VERSION);
        root.put("name", g.name);
        final ObjectNode arch = root.putObject("architecture");
        g.architecture.forEach((k, v) -> arch.putPOJO(k, v));
        root.put("T", g.timeWindow);
        root.put("D", g.delay);
        final ObjectNode in = root.putObject("input");
        final ArrayNode shape = in.putArray("shape");
        shape.add(g.input.height()).add(g.input.width()).add(g.input.channels());
        final ArrayNode mean = in.putArray("mean");
        final ArrayNode std = in.putArray("std");
        for (int c = 0; c < g.input.channels(); c++)
        {
            mean.add(g.input.mean()[c]);
            std.add(g.input.std()[c]);
        }
        in.put("encoding", "direct");
        root.put("weights", weightsFile);
        final ArrayNode nodes = root.putArray("nodes");
        for (final GraphNode n : g.nodes())
        {
            final ObjectNode o = nodes.addObject();
            o.put("name", n.name);
            o.put("op", n.op.jsonName());
            final ArrayNode ins = o.putArray("inputs");
            for (final String s : n.inputs)
            {
                ins.add(s);
            }
            final ArrayNode sh = o.putArray("shape");
            for (final int s : n.shape)
            {
                sh.add(s);
            }
            if (n.weight != null)
            {
                o.put("weight", n.weight);
            }
            if (n.bias != null)
            {
                o.put("bias", n.bias);
            }
            if (n.archBias)
            {
                o.put("archBias", true);
            }
            if (n.archBatchNorm)
            {
                o.put("archBatchNorm", true);
            }
            if (n.heads > 0)
            {
                o.put("heads", n.heads);
            }
            if (n.scale != 1.0)
            {
                o.put("scale", n.scale);
            }
            if (!Double.isNaN(n.threshold))
            {
                o.put("threshold", n.threshold);
            }
            if (!Double.isNaN(n.v0))
            {
                o.put("v0", n.v0);
            }
        }
        return root;
    }
}
