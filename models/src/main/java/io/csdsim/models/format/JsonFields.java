package io.csdsim.models.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.InputSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed reads of one JSON file's fields, each failure one {@link InvalidInputException} naming the
 * file, the field and what was expected. Shared by the model and network file readers.
 */
final class JsonFields
{
    private final String src;

    JsonFields(final String src)
    {
        this.src = src;
    }

    /** Refuses a document whose {@code format} or {@code formatVersion} is not the one given. */
    void requireFormat(final JsonNode root, final String format, final int version)
    {
        final String f = text(root, "format");
        if (!format.equals(f))
        {
            throw new InvalidInputException(src, "format", "'" + f + "'; expected '" + format + "'");
        }
        final int v = integer(root, "formatVersion");
        if (v != version)
        {
            throw new InvalidInputException(src, "formatVersion", "unknown format version " + v + "; this csdsim reads version " + version);
        }
    }

    /** @return the file's bytes, or one line saying why they cannot be read. */
    byte[] bytes(final Path json)
    {
        try
        {
            return Files.readAllBytes(json);
        }
        catch (final NoSuchFileException e)
        {
            throw new InvalidInputException(src, "", "file not found");
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** @return the document's root object, or one line naming the JSON defect. */
    JsonNode object(final byte[] bytes)
    {
        final JsonNode root;
        try
        {
            root = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(bytes);
        }
        catch (final JsonProcessingException e)
        {
            // Jackson's own limits (nesting depth, number length) are reported without a location.
            throw new InvalidInputException(src, e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr(), "is not valid JSON ("
                + e.getOriginalMessage() + ")");
        }
        catch (final IOException e)
        {
            throw new InvalidInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject())
        {
            throw new InvalidInputException(src, "", "expected a JSON object");
        }
        if (root == null || !root.isObject())
        {
            throw new InvalidInputException(src, "", "expected a JSON object");
        }
        return root;
    }

    /** The input stage: [height, width, channels], a mean and std per channel, direct encoding. */
    InputSpec inputSpec(final JsonNode root)
    {
        final JsonNode in = root.get("input");
        if (in == null || !in.isObject())
        {
            throw new InvalidInputException(src, "input", "missing; expected {shape, mean, std, encoding}");
        }
        unknownKeys(in, Set.of("shape", "mean", "std", "encoding"), "input.");
        final int[] shape = intArray(in, "shape", "input.shape");
        if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[0] > InputLimits.MAX_IMAGE_SIDE || shape[1] > InputLimits.MAX_IMAGE_SIDE
            || shape[2] != 1 && shape[2] != 3)
        {
            throw new InvalidInputException(src, "input.shape", Arrays.toString(shape) + "; expected [height, width, channels]: height and width in 1.."
                + InputLimits.MAX_IMAGE_SIDE + ", 1 or 3 channels (docs/reliability.md)");
        }
        final double[] mean = doubleArray(in, "mean", "input.mean");
        final double[] std = doubleArray(in, "std", "input.std");
        if (mean.length != shape[2] || std.length != shape[2])
        {
            throw new InvalidInputException(src, "input.mean/std", "expected " + shape[2] + " values each, one per channel");
        }
        for (int i = 0; i < std.length; i++)
        {
            if (!(std[i] > 0) || !Double.isFinite(mean[i]) || Double.isInfinite(std[i]))
            {
                throw new InvalidInputException(src, "input.std[" + i + "]", "expected finite mean and std > 0");
            }
        }
        final JsonNode enc = in.get("encoding");
        if (enc != null && !"direct".equals(enc.asText()))
        {
            throw new InvalidInputException(src, "input.encoding", "'" + enc.asText() + "'; expected 'direct'");
        }
        return new InputSpec(shape[0], shape[1], shape[2], mean, std);
    }

    void unknownKeys(final JsonNode n, final Set<String> allowed, final String prefix)
    {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); )
        {
            final String k = it.next();
            if (!allowed.contains(k))
            {
                throw new InvalidInputException(src, prefix + k, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    String text(final JsonNode n, final String field)
    {
        return text(n, field, field);
    }

    String text(final JsonNode n, final String field, final String where)
    {
        final JsonNode v = n.get(field);
        if (v == null || !v.isTextual())
        {
            throw new InvalidInputException(src, where, "missing; expected a string");
        }
        return v.asText();
    }

    int integer(final JsonNode n, final String field)
    {
        return integer(n, field, field);
    }

    int integer(final JsonNode n, final String field, final String where)
    {
        final JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt())
        {
            throw new InvalidInputException(src, where, (v == null ? "missing" : v.toString()) + "; expected an integer");
        }
        return v.asInt();
    }

    double number(final JsonNode n, final String field, final String where)
    {
        final JsonNode v = n.get(field);
        if (v == null || !v.isNumber())
        {
            throw new InvalidInputException(src, where, (v == null ? "missing" : v.toString()) + "; expected a number");
        }
        return v.asDouble();
    }

    int[] intArray(final JsonNode n, final String field, final String where)
    {
        final JsonNode v = n.get(field);
        if (v == null || !v.isArray())
        {
            throw new InvalidInputException(src, where, "missing; expected an array of integers");
        }
        final int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++)
        {
            if (!v.get(i).isIntegralNumber() || !v.get(i).canConvertToInt())
            {
                throw new InvalidInputException(src, where + "[" + i + "]", v.get(i) + "; expected an integer in "
                    + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
            }
            out[i] = v.get(i).asInt();
        }
        return out;
    }

    double[] doubleArray(final JsonNode n, final String field, final String where)
    {
        final JsonNode v = n.get(field);
        if (v == null || !v.isArray())
        {
            throw new InvalidInputException(src, where, "missing; expected an array of numbers");
        }
        final double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++)
        {
            if (!v.get(i).isNumber())
            {
                throw new InvalidInputException(src, where + "[" + i + "]", v.get(i) + "; expected a number");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }
}
