package io.csdsim.isa.spec.sanafe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.csdsim.isa.ChipInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SANA-FE's YAML conventions (../shared/peers/sanafe-format.md), shared by its architecture and SNN
 * files: names that expand to ranges ({@code core[0..3]}), attributes given either as a map or as a
 * list of one-key maps, and one-line errors naming the file and the path of the node.
 */
public final class SanafeYaml
{
    private static final Pattern RANGE = Pattern.compile("(.*)\\[(\\d+)\\.\\.(\\d+)]");
    /** A file larger than this is refused before parsing: SANA-FE files that big are not written by hand. */
    public static final long MAX_BYTES = 256L << 20;

    private final String file;

    public SanafeYaml(final String file)
    {
        this.file = file;
    }

    /** @return the file's root node, or a one-line error when it is not readable YAML. */
    public JsonNode read(final Path path)
    {
        final byte[] bytes;
        try
        {
            if (Files.size(path) > MAX_BYTES)
            {
                throw fail("", "a file of " + Files.size(path) + " bytes; expected at most " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(path);
        }
        catch (final IOException e)
        {
            throw fail("", "not readable: " + e.getMessage());
        }
        return parse(bytes);
    }

    /** @return the root map of a YAML text. */
    public JsonNode parse(final byte[] bytes)
    {
        if (bytes.length > MAX_BYTES)
        {
            throw fail("", bytes.length + " bytes; expected at most " + MAX_BYTES);
        }
        try
        {
            // Decimals kept as written: a mapping's core '0.10' (tile 0, core 10) must not read as 0.1.
            // SnakeYAML's default limit (3 MB) is below a dense layer's weights written out; the size check above bounds it.
            final org.yaml.snakeyaml.LoaderOptions limits = new org.yaml.snakeyaml.LoaderOptions();
            limits.setCodePointLimit((int)MAX_BYTES);
            final YAMLMapper mapper = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(limits).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // A key given twice is refused, not won by its last value (issue 30).
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
            final JsonNode root = mapper.readTree(bytes);
            if (root == null || !root.isObject())
            {
                throw fail("", "expected a YAML map at the top");
            }
            return root;
        }
        catch (final IOException e)
        {
            final com.fasterxml.jackson.core.JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            final String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw fail(at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr(), "not readable as YAML: " + why.lines().findFirst().orElse(""));
        }
    }

    public ChipInputException fail(final String where, final String expected)
    {
        return new ChipInputException(file, where, expected);
    }

    /** @return a required child of a map node. */
    public JsonNode required(final JsonNode node, final String key, final String where)
    {
        final JsonNode v = node == null ? null : node.get(key);
        if (v == null || v.isNull())
        {
            throw fail(where.isEmpty() ? key : where + "." + key, "missing");
        }
        return v;
    }

    /** @return a node that must be a list, as one. */
    public List<JsonNode> list(final JsonNode node, final String where)
    {
        if (node == null || !node.isArray())
        {
            throw fail(where, "expected a list");
        }
        final List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    /**
     * @return attributes in the order given: a map, or a list of one-key maps (SANA-FE accepts both);
     * empty for a missing or empty node.
     */
    public Map<String, JsonNode> attributes(final JsonNode node, final String where)
    {
        final Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node == null || node.isNull())
        {
            return out;
        }
        if (node.isObject())
        {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
        if (node.isArray())
        {
            for (int i = 0; i < node.size(); i++)
            {
                final JsonNode e = node.get(i);
                if (!e.isObject() || e.size() != 1)
                {
                    throw fail(where + "[" + i + "]", "expected one 'key: value' pair");
                }
                e.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
            }
            return out;
        }
        throw fail(where, "expected a map of attributes or a list of 'key: value' pairs");
    }

    /** @return a number attribute (SANA-FE reals: ints accepted). */
    public double number(final JsonNode v, final String where)
    {
        if (v == null || !v.isNumber())
        {
            if (v != null && v.isTextual())
            {
                try
                {
                    return Double.parseDouble(v.asText());
                }
                catch (final NumberFormatException e)
                {
                    // Falls through to the one-line error below.
                }
            }
            throw fail(where, (v == null ? "missing" : "'" + v.asText() + "'") + "; expected a number");
        }
        final double d = v.asDouble();
        if (!Double.isFinite(d))
        {
            throw fail(where, d + "; expected a finite number");
        }
        return d;
    }

    /** @return an integer attribute. */
    public int integer(final JsonNode v, final String where)
    {
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber())
        {
            throw fail(where, (v == null ? "missing" : "'" + v.asText() + "'") + "; expected an integer");
        }
        return v.asInt();
    }

    /**
     * @return the names a SANA-FE name stands for: {@code base[a..b]} expands to {@code base[a]} …
     * {@code base[b]}; any other name to itself.
     */
    public List<String> expand(final String name, final String where)
    {
        final Matcher m = RANGE.matcher(name);
        if (!m.matches())
        {
            return List.of(name);
        }
        // Bounds past 18 digits are past any range that could be expanded: refused as one.
        final long a = m.group(2).length() > 18 ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        final long b = m.group(3).length() > 18 ? Long.MAX_VALUE : Long.parseLong(m.group(3));
        if (b < a || b - a >= 1 << 20 || b == Long.MAX_VALUE)
        {
            throw fail(where, "'" + name + "': a range a..b expects a <= b and at most 1,048,576 names");
        }
        final List<String> out = new ArrayList<>();
        for (long i = a; i <= b; i++)
        {
            out.add(m.group(1) + "[" + i + "]");
        }
        return out;
    }
}
