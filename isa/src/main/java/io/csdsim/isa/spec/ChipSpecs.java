package io.csdsim.isa.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.isa.ChipInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads chip specifications: the presets ({@link #PRESETS}), JSON files that give every field or
 * name a {@code base} preset and override some, and {@code --set group.field=value} overrides.
 */
public final class ChipSpecs
{
    /** The presets shipped with csdsim, built from shared/chip-figures.md. */
    public static final List<String> PRESETS = List.of("loihi", "loihi2", "loihi-sanafe", "truenorth");

    private ChipSpecs()
    {
    }

    /** @return a preset by name. */
    public static ChipSpec preset(final String name)
    {
        if (!PRESETS.contains(name))
        {
            throw new ChipInputException("--chip", "", "'" + name + "' is neither a preset (" + String.join(", ", PRESETS)
                + ") nor a JSON file");
        }
        try (InputStream in = ChipSpecs.class.getResourceAsStream(name + ".json"))
        {
            return parse(name + " (preset)", new ObjectMapper().readTree(in));
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("preset " + name, e);
        }
    }

    /** A preset name, or the path of a JSON file. */
    public static ChipSpec resolve(final String chip)
    {
        if (PRESETS.contains(chip))
        {
            return preset(chip);
        }
        if (chip.endsWith(".json") || Files.exists(Path.of(chip)))
        {
            return read(Path.of(chip));
        }
        return preset(chip);
    }

    public static ChipSpec read(final Path path)
    {
        final String src = path.toString();
        try
        {
            return read(src, Files.readAllBytes(path));
        }
        catch (final NoSuchFileException e)
        {
            throw new ChipInputException(src, "", "file not found");
        }
        catch (final IOException e)
        {
            throw new ChipInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads a chip spec from a whole JSON file held in memory; {@code src} names it in messages. */
    public static ChipSpec read(final String src, final byte[] json)
    {
        try
        {
            return parse(src, new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(json));
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException e)
        {
            // Jackson's own limits (nesting depth, number length) are reported without a location.
            throw new ChipInputException(src, e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr(), "is not valid JSON ("
                + e.getOriginalMessage() + ")");
        }
        catch (final IOException e)
        {
            throw new ChipInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses a spec; fields it does not give come from its "base" preset, else they are missing. */
    public static ChipSpec parse(final String src, final JsonNode root)
    {
        if (root == null || !root.isObject())
        {
            throw new ChipInputException(src, "", "expected a JSON object");
        }
        if (root.path("schema").asText().equals("csdsim-report"))
        {
            // A report carries the effective spec it ran on: the same chip again.
            final JsonNode chip = root.path("provenance").get("chip");
            if (chip == null || !chip.isObject())
            {
                throw new ChipInputException(src, "provenance.chip", "missing: a csdsim report names its chip spec there "
                    + "(reports written before csdsim 0.1.0's provenance do not); expected a chip spec or a report that carries one");
            }
            return parse(src + " (provenance.chip)", chip);
        }
        final ChipSpec base = root.hasNonNull("base") ? preset(root.get("base").asText()) : null;
        final int n = ChipField.values().length;
        final double[] values = new double[n];
        final String[] sources = new String[n];
        final boolean[] given = new boolean[n];
        if (base != null)
        {
            for (final ChipField f : ChipField.values())
            {
                values[f.ordinal()] = base.get(f);
                sources[f.ordinal()] = base.source(f);
                given[f.ordinal()] = true;
            }
        }
        final JsonNode srcs = root.get("sources");
        if (srcs != null && !srcs.isObject())
        {
            throw new ChipInputException(src, "sources", "expected an object of \"group.field\": \"source\"");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> e = it.next();
            final String group = e.getKey();
            if (group.equals("name") || group.equals("description") || group.equals("base") || group.equals("sources"))
            {
                continue;
            }
            if (!e.getValue().isObject() || !isGroup(group))
            {
                throw new ChipInputException(src, group, "unknown key; expected name, description, base, sources, mesh, core, timing or energy");
            }
            for (Iterator<Map.Entry<String, JsonNode>> ft = e.getValue().fields(); ft.hasNext(); )
            {
                final Map.Entry<String, JsonNode> fe = ft.next();
                final String key = group + "." + fe.getKey();
                final ChipField f = ChipField.byKey(key);
                if (f == null)
                {
                    throw new ChipInputException(src, key, "unknown key; see docs/chip-spec.md for the fields of " + group);
                }
                final JsonNode v = fe.getValue();
                final double d;
                if (f.kind == ChipField.Kind.CHOICE)
                {
                    if (!v.isTextual() || f.choiceCode(v.asText()) < 0)
                    {
                        throw new ChipInputException(src, key, v + "; expected one of " + f.choiceNames());
                    }
                    d = f.choiceCode(v.asText());
                }
                else if (f.kind == ChipField.Kind.FLAG)
                {
                    if (!v.isBoolean())
                    {
                        throw new ChipInputException(src, key, v + "; expected true or false");
                    }
                    d = v.asBoolean() ? 1 : 0;
                }
                else
                {
                    if (!v.isNumber())
                    {
                        throw new ChipInputException(src, key, v + "; expected a number (" + f.unit + ")");
                    }
                    d = v.asDouble();
                }
                final String why = f.check(d);
                if (why != null)
                {
                    throw new ChipInputException(src, key, v + "; " + why);
                }
                values[f.ordinal()] = d;
                given[f.ordinal()] = true;
                final JsonNode s = srcs == null ? null : srcs.get(key);
                sources[f.ordinal()] = s != null ? s.asText() : base != null ? "override in " + src : "unsourced (" + src + ")";
            }
        }
        if (srcs != null)
        {
            for (Iterator<String> it = srcs.fieldNames(); it.hasNext(); )
            {
                final String k = it.next();
                if (ChipField.byKey(k) == null)
                {
                    throw new ChipInputException(src, "sources." + k, "names no field");
                }
            }
        }
        for (final ChipField f : ChipField.values())
        {
            if (!given[f.ordinal()] && f.optional())
            {
                // Fields added after specs were written: a spec that leaves one out keeps the meaning it had.
                values[f.ordinal()] = f.absent;
                sources[f.ordinal()] = "default";
            }
            else if (!given[f.ordinal()])
            {
                throw new ChipInputException(src, f.key, "missing; a spec without \"base\" gives every field (" + f.meaning + ")");
            }
        }
        final String name = root.hasNonNull("name") ? root.get("name").asText() : base != null ? base.name() + "-custom" : "custom";
        final String desc = root.hasNonNull("description") ? root.get("description").asText() : base != null ? base.description() : "";
        final String whole = ChipSpec.checkWhole(values);
        if (whole != null)
        {
            throw new ChipInputException(src, "mesh", whole);
        }
        return new ChipSpec(name, desc, values, sources);
    }

    private static boolean isGroup(final String g)
    {
        for (final ChipField f : ChipField.values())
        {
            if (f.group().equals(g))
            {
                return true;
            }
        }
        return false;
    }

    /** Applies one {@code group.field=value} override. */
    public static ChipSpec override(final ChipSpec spec, final String assignment)
    {
        final int eq = assignment.indexOf('=');
        if (eq < 0)
        {
            throw new ChipInputException("--set", assignment, "expected group.field=value, e.g. core.maxNeurons=2048");
        }
        final String key = assignment.substring(0, eq).trim();
        final String value = assignment.substring(eq + 1).trim();
        final ChipField f = ChipField.byKey(key);
        if (f == null)
        {
            throw new ChipInputException("--set", key, "unknown field; see 'csdsim chip show' for the fields");
        }
        final double d;
        if (f.kind == ChipField.Kind.CHOICE)
        {
            if (f.choiceCode(value) < 0)
            {
                throw new ChipInputException("--set", key, "'" + value + "'; expected one of " + f.choiceNames());
            }
            d = f.choiceCode(value);
        }
        else if (f.kind == ChipField.Kind.FLAG)
        {
            if (!value.equals("true") && !value.equals("false"))
            {
                throw new ChipInputException("--set", key, "'" + value + "'; expected true or false");
            }
            d = value.equals("true") ? 1 : 0;
        }
        else
        {
            try
            {
                d = Double.parseDouble(value);
            }
            catch (final NumberFormatException e)
            {
                throw new ChipInputException("--set", key, "'" + value + "'; expected a number (" + f.unit + ")");
            }
        }
        final String why = f.check(d);
        if (why != null)
        {
            throw new ChipInputException("--set", key, value + "; " + why);
        }
        try
        {
            return spec.with(f, d, "--set " + assignment);
        }
        catch (final IllegalArgumentException e)
        {
            // The field is valid alone (checked above); the spec refuses what it makes with the other fields.
            throw new ChipInputException("--set", key, value + "; " + e.getMessage());
        }
    }

    /** @return the spec as JSON: every field and its source; reading it back gives the same spec. */
    public static ObjectNode toJson(final ChipSpec spec)
    {
        final ObjectMapper om = new ObjectMapper();
        final ObjectNode root = om.createObjectNode();
        root.put("name", spec.name());
        root.put("description", spec.description());
        for (final ChipField f : ChipField.values())
        {
            final ObjectNode g = root.has(f.group()) ? (ObjectNode)root.get(f.group()) : root.putObject(f.group());
            final double v = spec.get(f);
            if (f.kind == ChipField.Kind.CHOICE)
            {
                g.put(f.name2(), f.choiceName(v));
            }
            else if (f.kind == ChipField.Kind.FLAG)
            {
                g.put(f.name2(), v != 0);
            }
            else if (f.kind == ChipField.Kind.COUNT || f.kind == ChipField.Kind.COUNT_OR_ZERO)
            {
                g.put(f.name2(), (long)v);
            }
            else
            {
                g.put(f.name2(), v);
            }
        }
        final ObjectNode s = root.putObject("sources");
        for (final ChipField f : ChipField.values())
        {
            s.put(f.key, spec.source(f));
        }
        return root;
    }
}
