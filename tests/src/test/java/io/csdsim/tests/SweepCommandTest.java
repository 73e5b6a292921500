package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code csdsim sweep} (issue 14, item 1): a grid in grid order, each row what {@code simulate} reports
 * for that point, the same bytes for any thread count, a point that does not fit a row with its
 * reason, and the Pareto flags those of the rows.
 */
class SweepCommandTest
{
    @TempDir
    Path dir;

    @Test
    void eachPointIsARowOfWhatSimulateReportsForItInGridOrder() throws Exception
    {
        final Path out = dir.resolve("s.csv");
        final Cli r = Cli.run("sweep", "--vary", "timing.synOpCycles=1,35", "--vary", "D=2..3", "--limit", "3", "-o", out.toString(),
            "--threads", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        final List<Map<String, String>> rows = CsvRows.read(out);
        final String[][] grid = {{"1", "2"}, {"1", "3"}, {"35", "2"}, {"35", "3"}};
        assertEquals(4, rows.size());
        for (int i = 0; i < 4; i++)
        {
            final Map<String, String> row = rows.get(i);
            assertEquals(grid[i][0], row.get("timing.synOpCycles"));
            assertEquals(grid[i][1], row.get("D"));
            // The oracle: simulate's own report of the same point.
            final Path report = dir.resolve("r" + i + ".json");
            final Cli s = Cli.run("simulate", "--set", "timing.synOpCycles=" + grid[i][0], "-D", grid[i][1], "--limit", "3", "--report",
                report.toString());
            assertEquals(0, s.code(), s.err());
            final JsonNode j = new ObjectMapper().readTree(report.toFile());
            final JsonNode totals = j.get("totals");
            assertEquals(totals.get("sops").asDouble() / 3, Double.parseDouble(row.get("sops")), 1e-9, "sops, point " + i);
            assertEquals(totals.get("packets").asDouble() / 3, Double.parseDouble(row.get("packets")), 1e-9, "packets, point " + i);
            final JsonNode latency = j.get("latency");
            final double ns = 1000.0 / latency.get("clockMHz").asDouble();
            assertEquals(latency.get("cycles").asDouble() / 3 * ns, Double.parseDouble(row.get("latency_ns")), 1e-6, "latency, point " + i);
            assertEquals(latency.get("longestTickCycles").asDouble() * ns, Double.parseDouble(row.get("tick_max_ns")), 1e-6, "longest tick, point " + i);
            double energy = 0;
            for (final java.util.Iterator<Map.Entry<String, JsonNode>> it = j.get("energyPJ").fields(); it.hasNext(); )
            {
                final Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber() && !e.getKey().equals("total") && !e.getKey().equals("dynamic"))
                {
                    energy += e.getValue().asDouble();
                }
            }
            assertEquals(energy / 3, Double.parseDouble(row.get("energy_total_pj")), 1e-6 * energy, "energy, point " + i);
            assertTrue(row.get("reason").isEmpty());
            assertTrue(Double.parseDouble(row.get("energy_total_pj")) > Double.parseDouble(row.get("energy_dynamic_pj")));
        }
        // One synaptic operation per cycle makes ticks shorter; D changes the schedule, not the chip's ops per tick.
        assertTrue(Double.parseDouble(rows.get(0).get("latency_ns")) < Double.parseDouble(rows.get(2).get("latency_ns")));
    }

    /**
     * residual is a sweep key: each point is what simulate reports with that --residual; accumulate
     * takes fewer cores on loihi2 and classes every image alike, and is a reason on loihi (no graded spikes).
     */
    @Test
    void theResidualMappingIsASweepKeyAndAChipWithoutGradedSpikesIsAReason() throws Exception
    {
        final Path out = dir.resolve("r.csv");
        final Cli r = Cli.run("sweep", "--vary", "residual=fan-in,accumulate", "--vary", "chip=loihi2,loihi", "--limit", "4", "-o", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        final List<Map<String, String>> rows = CsvRows.read(out);
        assertEquals(4, rows.size());
        final Map<String, String> fan = rows.get(0);
        final Map<String, String> acc = rows.get(2);
        assertEquals("accumulate", acc.get("residual"));
        assertEquals("loihi2", acc.get("chip"));
        assertTrue(Integer.parseInt(acc.get("cores")) < Integer.parseInt(fan.get("cores")), acc.get("cores") + " against " + fan.get("cores"));
        assertTrue(rows.get(3).get("reason").contains("core.gradedSpikes"), rows.get(3).get("reason"));
        for (final int i : new int[] {0, 2})
        {
            final Path report = dir.resolve("p" + i + ".json");
            final Cli s = Cli.run("simulate", "--residual", rows.get(i).get("residual"), "--limit", "4", "--report", report.toString());
            assertEquals(0, s.code(), s.err());
            final JsonNode totals = new ObjectMapper().readTree(report.toFile()).get("totals");
            assertEquals(totals.get("packets").asDouble() / 4, Double.parseDouble(rows.get(i).get("packets")), 1e-9, "packets, point " + i);
            assertEquals(totals.get("sops").asDouble() / 4, Double.parseDouble(rows.get(i).get("sops")), 1e-9, "sops, point " + i);
        }
        assertEquals(fan.get("accuracy"), acc.get("accuracy"));
    }

    @Test
    void theRowsAreTheSameBytesWhateverTheThreadCountAndTheParetoFlagsAreTheRows() throws Exception
    {
        final Path one = dir.resolve("one.csv");
        final Path two = dir.resolve("two.csv");
        final String[] args = {"sweep", "--vary", "chip=loihi,loihi2", "--vary", "timing.network=mesh,latency-only", "--vary",
            "core.synapseMemoryBits=8,1048576", "--limit", "2"};
        final List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("-o", one.toString(), "--threads", "1"));
        final List<String> b = new ArrayList<>(List.of(args));
        b.addAll(List.of("-o", two.toString(), "--threads", "2", "--json", dir.resolve("two.json").toString()));
        assertEquals(0, Cli.run(a.toArray(new String[0])).code());
        assertEquals(0, Cli.run(b.toArray(new String[0])).code());
        assertEquals(Files.readString(one), Files.readString(two));
        final List<Map<String, String>> rows = CsvRows.read(one);
        assertEquals(8, rows.size());
        int failed = 0;
        for (int i = 0; i < rows.size(); i++)
        {
            final Map<String, String> r = rows.get(i);
            if (r.get("core.synapseMemoryBits").equals("8"))
            {
                // Eight bits of synapse memory hold no synapse: the point is a row with the compile's reason.
                assertFalse(r.get("reason").isEmpty(), r.toString());
                assertEquals("0", r.get("pareto"));
                failed++;
                continue;
            }
            assertTrue(r.get("reason").isEmpty(), r.toString());
            // On the front exactly when no other row is at least as good in energy, latency and accuracy and better in one.
            boolean dominated = false;
            for (final Map<String, String> o : rows)
            {
                if (o == r || !o.get("reason").isEmpty())
                {
                    continue;
                }
                final double eo = Double.parseDouble(o.get("energy_total_pj"));
                final double er = Double.parseDouble(r.get("energy_total_pj"));
                final double lo = Double.parseDouble(o.get("latency_ns"));
                final double lr = Double.parseDouble(r.get("latency_ns"));
                final double ao = Double.parseDouble(o.get("accuracy"));
                final double ar = Double.parseDouble(r.get("accuracy"));
                dominated |= eo <= er && lo <= lr && ao >= ar && (eo < er || lo < lr || ao > ar);
            }
            assertEquals(dominated ? "0" : "1", r.get("pareto"), r.toString());
        }
        assertEquals(4, failed);
        final JsonNode j = new ObjectMapper().readTree(dir.resolve("two.json").toFile());
        assertEquals(8, j.get("points").size());
        assertEquals(rows.get(1).get("pareto").equals("1"), j.get("points").get(1).get("pareto").asBoolean());
    }

    @Test
    void badSettingsAreOneLine() throws Exception
    {
        Cli.assertBadInput(Cli.run("sweep", "--vary", "core.nosuch=1,2", "-o", dir.resolve("x.csv").toString()), "--vary", "core.nosuch");
        Cli.assertBadInput(Cli.run("sweep", "--vary", "D", "-o", dir.resolve("x.csv").toString()), "--vary", "KEY=V1,V2");
        // The widest range of 64-bit integers: its width overflowed the check and the sweep ran until memory was gone.
        Cli.assertBadInput(Cli.run("sweep", "--vary", "D=-9223372036854775808..9223372036854775807", "-o", dir.resolve("x.csv").toString()),
            "--vary", "at most 100000 values");
        Cli.assertBadInput(Cli.run("sweep", "--vary", "D=0..99999999999999999999", "-o", dir.resolve("x.csv").toString()), "--vary",
            "64-bit integers");
        Cli.assertBadInput(Cli.run("sweep", "--vary", "timing.synOpCycles=fast", "-o", dir.resolve("x.csv").toString()), "timing.synOpCycles");
        final Path points = dir.resolve("p.csv");
        Files.writeString(points, "D,timing.synOpCycles\n1,35\n2\n");
        Cli.assertBadInput(Cli.run("sweep", "--points", points.toString(), "-o", dir.resolve("x.csv").toString()), "p.csv", "line 3", "expected 2");
        assertFalse(Files.exists(dir.resolve("x.csv")), "nothing half-written");
    }
}
