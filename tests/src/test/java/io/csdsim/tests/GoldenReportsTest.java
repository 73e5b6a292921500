package io.csdsim.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports of a fixed set of runs — the default {@code simulate}, CSDformer-4-384 on a synthetic image,
 * a NIR graph, a SANA-FE network, a sweep, and a compile — are byte for byte what csdsim wrote before the
 * library was reshaped (b5ad9a3, the last commit before it), apart from the provenance block a report
 * carries since. The golden files are those earlier outputs, kept in
 * {@code tests/src/test/resources/golden-reports}; {@code scripts/make-golden-reports.sh} wrote them and
 * would write them again only for a change that is meant to change what a report says.
 */
final class GoldenReportsTest
{
    private static final Path GOLDEN = Path.of(System.getProperty("csdsim.home", ".."), "tests", "src", "test", "resources", "golden-reports");
    private static final int DIGEST_ABOVE_CHARS = 1 << 20;
    private static final boolean WRITE = Boolean.getBoolean("csdsim.golden.write");

    @TempDir
    Path dir;

    @Test
    void defaultSimulateReportsAsBefore() throws Exception
    {
        check("default", run("simulate", "--limit", "3", "--report", out("default.json"), "--ticks", out("default-ticks.csv")),
            "default.json", "default-ticks.csv");
    }

    @Test
    void csdformer4x384OnASyntheticImageReportsAsBefore() throws Exception
    {
        final Cli create = Cli.run("model", "create", "--arch", "4-384", "--dataset", "cifar10", "--seed", "1", "-o", out("m.json"));
        assertEquals(0, create.code(), create.err());
        check("csdformer-4-384", run("simulate", out("m.json"), "--synthetic", "1", "--report", out("csdformer-4-384.json"),
            "--ticks", out("csdformer-4-384-ticks.csv")), "csdformer-4-384.json", "csdformer-4-384-ticks.csv");
    }

    @Test
    void nirGraphReportsAsBefore() throws Exception
    {
        final Path nir = Path.of(System.getProperty("csdsim.home", ".."), "tests", "src", "test", "resources", "nir",
            "braille_noDelay_noBias_subtract.nir");
        check("nir-braille", run("simulate", nir.toString(), "--dt", "1e-4", "--rate", "0.3", "--timesteps", "200", "--chip",
            "loihi2", "--report", out("nir-braille.json"), "--ticks", out("nir-braille-ticks.csv")),
            "nir-braille.json", "nir-braille-ticks.csv");
    }

    @Test
    void sanafeNetworkReportsAsBefore() throws Exception
    {
        final Path net = GOLDEN.resolve("inputs").resolve("hand.yaml");
        final Path arch = GOLDEN.resolve("inputs").resolve("arch.yaml");
        check("sanafe-hand", run("simulate", net.toString(), "--chip", arch.toString(), "--timesteps", "6", "--report",
            out("sanafe-hand.json"), "--ticks", out("sanafe-hand-ticks.csv")), "sanafe-hand.json", "sanafe-hand-ticks.csv");
    }

    @Test
    void sweepReportsAsBefore() throws Exception
    {
        check("sweep", run("sweep", "--vary", "timing.synOpCycles=1,35", "--vary", "D=2..3", "--limit", "3", "-o", out("sweep.csv"),
            "--json", out("sweep.json")), "sweep.csv", "sweep.json");
    }

    @Test
    void compileReportsAsBefore() throws Exception
    {
        check("compile", run("compile", "--chip", "loihi2", "--set", "core.tdecUnits=8192", "-o", out("m.csdx")));
    }

    private String out(final String name)
    {
        return dir.resolve(name).toString();
    }

    private Cli run(final String... args)
    {
        final Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /** Compares what the run printed and each file it wrote with the golden files of that name. */
    private void check(final String run, final Cli r, final String... files) throws Exception
    {
        final List<String> names = new ArrayList<>(List.of(run + ".stdout.txt"));
        final List<String> actual = new ArrayList<>(List.of(r.out().replace(dir.toString(), "$OUT")
            // The one wall-clock figure a report prints.
            .replaceAll("compiled in [0-9.]+ s", "compiled in ? s")));
        for (final String f : files)
        {
            names.add(f);
            final String text = Files.readString(dir.resolve(f), StandardCharsets.UTF_8);
            actual.add(f.endsWith(".json") ? withoutProvenance(text) : text);
        }
        for (int i = 0; i < names.size(); i++)
        {
            // A report of megabytes (4-384's has one entry per core) is kept as its SHA-256, not in the repository.
            final boolean digest = actual.get(i).length() > DIGEST_ABOVE_CHARS;
            final Path golden = GOLDEN.resolve(names.get(i) + (digest ? ".sha256" : ""));
            final String want = digest ? sha256(actual.get(i)) : actual.get(i);
            if (WRITE)
            {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, want, StandardCharsets.UTF_8);
                continue;
            }
            assertTrue(Files.isRegularFile(golden), "golden file " + golden);
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), want, names.get(i) + " differs from its golden file");
        }
    }

    private static String sha256(final String text) throws Exception
    {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
            + "\n";
    }

    /**
     * @return a JSON report without its top-level provenance block (what tool, command line and spec wrote
     * it: new since the golden files, and not the same from one build to the next). The block is an object
     * of the report's top level, never its last member.
     */
    static String withoutProvenance(final String json)
    {
        final String[] lines = json.split("\n", -1);
        final StringBuilder sb = new StringBuilder();
        boolean inside = false;
        for (final String line : lines)
        {
            if (!inside && line.startsWith("  \"provenance\" : {"))
            {
                inside = !line.endsWith("},");
                continue;
            }
            if (inside)
            {
                inside = !line.equals("  },");
                continue;
            }
            sb.append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
