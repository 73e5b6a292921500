package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report says where it comes from — tool version and commit, the command line, the effective chip
 * spec in full (with the TDEC units csdsim adds to a preset), the mapping options and the seeds — and
 * a run on that embedded spec ({@code --chip report.json}) gives the same report again.
 */
class ReportProvenanceTest
{
    @TempDir
    Path dir;

    @Test
    void aReportCarriesItsProvenanceAndReproducesFromItsOwnSpec() throws Exception
    {
        final Path first = dir.resolve("first.json");
        final Path ticks = dir.resolve("first.csv");
        final String[] args = {"simulate", "--limit", "2", "--set", "core.maxNeurons=2048", "--residual", "fan-in", "--report", first.toString(),
            "--ticks", ticks.toString(), "--threads=2"};
        assertEquals(0, Cli.run(args).code());
        final JsonNode a = new ObjectMapper().readTree(first.toFile());
        final JsonNode p = a.get("provenance");
        assertEquals("csdsim", p.get("tool").asText());
        assertFalse(p.get("version").asText().isBlank() || p.get("commit").asText().isBlank());
        final List<String> line = new ArrayList<>();
        p.get("commandLine").forEach(n -> line.add(n.asText()));
        assertEquals(List.of(args).subList(0, 7), line, "the command line as given, less where its outputs go");
        assertEquals("fan-in", p.get("mapping").get("residual").asText());
        assertEquals(1, p.get("seeds").get("seed").asLong());
        assertEquals(2048, p.get("chip").get("core").get("maxNeurons").asLong(), "--set is in the effective spec");
        assertEquals(8192, p.get("chip").get("core").get("tdecUnits").asLong(), "so is the TDEC default a preset gets");
        assertTrue(p.get("chip").get("sources").get("core.tdecUnits").asText().contains("default"), "and it says where that came from");

        final JsonNode sidecar = new ObjectMapper().readTree(dir.resolve("first.csv.provenance.json").toFile());
        assertEquals("first.csv", sidecar.get("describes").asText());
        assertEquals(p, sidecar.get("provenance"), "the tick CSV's sidecar carries the same provenance");

        final Path again = dir.resolve("again.json");
        assertEquals(0, Cli.run("simulate", "--limit", "2", "--residual", "fan-in", "--chip", first.toString(), "--report", again.toString()).code());
        final JsonNode b = new ObjectMapper().readTree(again.toFile());
        assertEquals(p.get("chip"), b.get("provenance").get("chip"), "the same spec, read back from the report");
        ((ObjectNode)a).remove("provenance");
        ((ObjectNode)b).remove("provenance");
        assertEquals(a, b, "the run on the report's own spec gives the same report");
    }

    @Test
    void aSidecarIsPublishedWithItsCsvOrNotAtAll() throws Exception
    {
        final Path ticks = dir.resolve("t.csv");
        final Path sidecar = dir.resolve("t.csv.provenance.json");
        // A refused output (a directory): nothing is written, the sidecar neither.
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--ticks", ticks.toString(), "--report", dir.toString()), "--report",
            "is a directory");
        assertFalse(Files.exists(ticks) || Files.exists(sidecar));
        // A sidecar path that is taken by another output is refused before any work.
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--ticks", ticks.toString(), "--report", sidecar.toString()), "also the output");
        assertFalse(Files.exists(ticks) || Files.exists(sidecar));
    }

    @Test
    void aReportWithoutAnEmbeddedSpecIsRefusedAsAChip() throws Exception
    {
        final Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"schema\": \"csdsim-report\", \"schemaVersion\": 4}");
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--chip", old.toString()), "old.json", "provenance.chip", "missing");
    }

    @Test
    void aSweepsJsonAndItsCsvCarryProvenance() throws Exception
    {
        final Path csv = dir.resolve("s.csv");
        final Path json = dir.resolve("s.json");
        assertEquals(0, Cli.run("sweep", "--vary", "D=2..3", "--limit", "1", "-o", csv.toString(), "--json", json.toString()).code());
        final JsonNode p = new ObjectMapper().readTree(json.toFile()).get("provenance");
        assertEquals("sweep", p.get("commandLine").get(0).asText());
        assertEquals(8192, p.get("chip").get("core").get("tdecUnits").asLong());
        assertEquals(p, new ObjectMapper().readTree(dir.resolve("s.csv.provenance.json").toFile()).get("provenance"));
    }
}
