package io.csdsim.models.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.safetensors.Dtype;
import io.csdsim.models.safetensors.SafetensorsFile;
import io.csdsim.models.safetensors.SafetensorsWriter;
import io.csdsim.models.safetensors.TensorInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of malformed model file gets one line naming the file and the field. */
class ModelFileValidationTest
{
    @TempDir
    Path dir;
    private Path json;
    private Path weights;
    private ModelGraph model;

    @BeforeEach
    void writeModel()
    {
        model = ZooModels.create(CsdformerConfig.custom(1, 16, 2, 6, 3, 4, false, 4, 3), 5, 0.15, 2, null);
        json = dir.resolve("m.json");
        weights = dir.resolve("m.safetensors");
        ModelFileWriter.write(model, json);
    }

    private String failure()
    {
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFileReader.read(json));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private void editJson(final Consumer<ObjectNode> edit) throws IOException
    {
        final ObjectMapper om = new ObjectMapper();
        final ObjectNode root = (ObjectNode)om.readTree(json.toFile());
        edit.accept(root);
        Files.writeString(json, om.writeValueAsString(root));
    }

    private ObjectNode node(final ObjectNode root, final String name)
    {
        for (final var n : root.get("nodes"))
        {
            if (n.get("name").asText().equals(name))
            {
                return (ObjectNode)n;
            }
        }
        throw new AssertionError(name);
    }

    /** Rewrites the weights with one tensor changed (or dropped when the replacement is null). */
    private void rewriteWeights(final String tensor, final Dtype dtype, final int[] shape, final float[] values)
    {
        final SafetensorsFile st = SafetensorsFile.open(weights);
        final SafetensorsWriter w = new SafetensorsWriter();
        for (final TensorInfo t : st.tensors().values())
        {
            if (!t.name().equals(tensor))
            {
                w.addF32(t.name(), t.shape(), st.floats(t.name()));
            }
            else if (shape != null)
            {
                if (dtype == Dtype.F32)
                {
                    w.addF32(t.name(), shape, values);
                }
                else
                {
                    w.addInts(t.name(), dtype, shape, new int[values.length]);
                }
            }
        }
        try
        {
            Files.write(weights, w.toBytes());
        }
        catch (final IOException e)
        {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWellFormedFileRoundTrips()
    {
        final ModelGraph back = ModelFileReader.read(json);
        assertEquals(model.nodes().size(), back.nodes().size());
        for (final GraphNode n : model.nodes())
        {
            assertEquals(n.threshold, back.node(n.name).threshold, 0.0, n.name);
            if (n.weight != null)
            {
                assertArrayEquals(model.weight(n.weight), back.weight(n.weight), n.name);
            }
        }
    }

    @Test
    void missingTensor()
    {
        rewriteWeights("blk0.q.weight", Dtype.F32, null, null);
        final String m = failure();
        assertTrue(m.startsWith(weights.toString()) && m.contains("tensor 'blk0.q.weight'") && m.contains("missing"), m);
    }

    @Test
    void wrongShape()
    {
        rewriteWeights("blk0.q.weight", Dtype.F32, new int[] {16, 8}, new float[128]);
        final String m = failure();
        assertTrue(m.contains("tensor 'blk0.q.weight'.shape") && m.contains("[16, 8]") && m.contains("expected [16, 16]"), m);
    }

    @Test
    void wrongDtype()
    {
        rewriteWeights("blk0.k.weight", Dtype.I32, new int[] {16, 16}, new float[256]);
        final String m = failure();
        assertTrue(m.contains("tensor 'blk0.k.weight'.dtype") && m.contains("I32") && m.contains("expected F32"), m);
    }

    @Test
    void nanWeight()
    {
        final float[] w = model.weight("tok.conv1.weight").clone();
        w[7] = Float.NaN;
        rewriteWeights("tok.conv1.weight", Dtype.F32, model.weightShape("tok.conv1.weight"), w);
        final String m = failure();
        assertTrue(m.contains("tensor 'tok.conv1.weight'[7]") && m.contains("NaN"), m);
    }

    @Test
    void infiniteWeight()
    {
        final float[] w = model.weight("head.weight").clone();
        w[0] = Float.NEGATIVE_INFINITY;
        rewriteWeights("head.weight", Dtype.F32, model.weightShape("head.weight"), w);
        final String m = failure();
        assertTrue(m.contains("tensor 'head.weight'[0]") && m.contains("Infinity"), m);
    }

    @Test
    void truncatedData() throws IOException
    {
        final byte[] all = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(all, all.length - 10));
        final String m = failure();
        assertTrue(m.startsWith(weights.toString()) && m.contains("data_offsets") && m.contains("truncated data"), m);
    }

    @Test
    void overlappingOffsets() throws IOException
    {
        final String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        final byte[] h = header.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer b = ByteBuffer.allocate(8 + h.length + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Files.write(weights, b.array());
        final String m = failure();
        assertTrue(m.contains("tensor 'b'.data_offsets") && m.contains("overlaps tensor 'a'"), m);
    }

    @Test
    void unknownOp() throws IOException
    {
        editJson(r -> node(r, "blk0.sn_a").put("op", "softmax"));
        final String m = failure();
        assertTrue(m.startsWith(json.toString()) && m.contains("node 'blk0.sn_a'.op") && m.contains("unknown op 'softmax'"), m);
    }

    @Test
    void cycleInTheGraph() throws IOException
    {
        editJson(r -> {
            final ArrayNode in = node(r, "blk0.q").putArray("inputs");
            in.add("blk0.sn_q");
        });
        final String m = failure();
        assertTrue(m.contains("cycle") && m.contains("node 'blk0."), m);
    }

    @Test
    void unknownFormatVersion() throws IOException
    {
        editJson(r -> r.put("formatVersion", 7));
        final String m = failure();
        assertTrue(m.contains("formatVersion") && m.contains("unknown format version 7"), m);
    }

    @Test
    void timeWindowBelowOne() throws IOException
    {
        editJson(r -> r.put("T", 0));
        final String m = failure();
        assertTrue(m.contains(": T: ") && m.contains("T = 0; expected 1..64"), m);
    }

    @Test
    void negativeDelay() throws IOException
    {
        editJson(r -> r.put("D", -1));
        final String m = failure();
        assertTrue(m.contains(": D: ") && m.contains("D = -1; expected 0..64"), m);
    }

    @Test
    void nonPositiveThreshold() throws IOException
    {
        editJson(r -> node(r, "blk0.sn_k").put("threshold", 0.0));
        final String m = failure();
        assertTrue(m.contains("node 'blk0.sn_k'.threshold") && m.contains("threshold > 0"), m);
        editJson(r -> node(r, "blk0.sn_k").put("threshold", -2.5));
        assertTrue(failure().contains("node 'blk0.sn_k'.threshold"));
    }

    @Test
    void unknownField() throws IOException
    {
        editJson(r -> node(r, "blk0.sn_k").put("thresold", 1.0));
        assertTrue(failure().contains("nodes[") && failure().contains("thresold") && failure().contains("unknown field"));
    }

    @Test
    void inputNameThatIsNoNode() throws IOException
    {
        editJson(r -> node(r, "blk0.v").putArray("inputs").add("nowhere"));
        assertTrue(failure().contains("'nowhere'"));
    }

    @Test
    void shapeThatDoesNotFollow() throws IOException
    {
        editJson(r -> {
            final ArrayNode s = node(r, "blk0.sn_v").putArray("shape");
            s.add(9).add(16);
        });
        assertTrue(failure().contains("node 'blk0.sn_v'.shape"));
    }

    @Test
    void missingModelFileIsOneLine()
    {
        final Path none = dir.resolve("none.json");
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelFileReader.read(none));
        assertTrue(e.getMessage().contains("none.json") && e.getMessage().contains("not found"));
    }
}
