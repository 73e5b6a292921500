package io.csdsim.simulator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report needs to be reproduced from itself: the tool (version and commit), the command
 * line, the effective chip spec in full (preset, file, {@code --set} and the defaults csdsim added —
 * {@code --chip report.json} reads it back), the mapping options and the seeds. Written as the
 * report's {@code provenance} object (docs/report-format.md).
 */
public final class Provenance
{
    /** The schema of the provenance object. */
    public static final int SCHEMA_VERSION = 1;

    private final List<String> commandLine;
    private final ChipSpec spec;
    private final Map<String, Object> mapping;
    private final Map<String, Long> seeds;

    /**
     * @param commandLine the arguments after {@code csdsim}, as given
     * @param spec the chip spec the program was compiled and run for (null: none, as for a compiled program's own)
     * @param mapping the mapping options, by name (values: strings or numbers)
     * @param seeds the seeds of what the run generated, by name
     */
    public Provenance(final List<String> commandLine, final ChipSpec spec, final Map<String, Object> mapping, final Map<String, Long> seeds)
    {
        this.commandLine = List.copyOf(commandLine);
        this.spec = spec;
        this.mapping = new LinkedHashMap<>(mapping);
        this.seeds = new LinkedHashMap<>(seeds);
    }

    /**
     * Writes the sidecar of a CSV output ({@code FILE.csv.provenance.json}): which file it describes,
     * and this provenance.
     */
    public void writeSidecar(final java.io.Writer out, final String describes) throws IOException
    {
        try (JsonGenerator j = ShortestNumbers.json().createGenerator(out))
        {
            j.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter());
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            j.writeStartObject();
            j.writeStringField("schema", "csdsim-csv-provenance");
            j.writeStringField("describes", describes);
            write(j);
            j.writeEndObject();
            j.flush();
            out.write("\n");
        }
    }

    /** @return the sidecar path of a CSV output. */
    public static java.nio.file.Path sidecarOf(final java.nio.file.Path csv)
    {
        return csv.resolveSibling(csv.getFileName() + ".provenance.json");
    }

    /** Writes the {@code provenance} field of an open JSON object. */
    public void write(final JsonGenerator j) throws IOException
    {
        j.writeObjectFieldStart("provenance");
        j.writeNumberField("schemaVersion", SCHEMA_VERSION);
        j.writeStringField("tool", "csdsim");
        j.writeStringField("version", ToolVersion.VERSION);
        j.writeStringField("commit", ToolVersion.COMMIT);
        j.writeArrayFieldStart("commandLine");
        for (final String a : commandLine)
        {
            j.writeString(a);
        }
        j.writeEndArray();
        j.writeObjectFieldStart("mapping");
        for (final Map.Entry<String, Object> e : mapping.entrySet())
        {
            if (e.getValue() instanceof Number n)
            {
                j.writeNumberField(e.getKey(), n.longValue());
            }
            else
            {
                j.writeStringField(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        j.writeEndObject();
        j.writeObjectFieldStart("seeds");
        for (final Map.Entry<String, Long> e : seeds.entrySet())
        {
            j.writeNumberField(e.getKey(), e.getValue());
        }
        j.writeEndObject();
        if (spec != null)
        {
            j.writeFieldName("chip");
            ShortestNumbers.mapper().writeTree(j, ChipSpecs.toJson(spec));
        }
        j.writeEndObject();
    }
}
