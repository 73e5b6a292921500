package io.csdsim.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samples and sweep points run as Spark tasks in local[2] give the same report bytes as the same run
 * on this JVM's threads: the programs shipped as .csdx, the results encoded and decoded by name,
 * merged in sample and point order.
 */
class SparkRunMatchesLocalRunTest
{
    @TempDir
    Path dir;

    private static String[] with(final String[] base, final String... more)
    {
        final List<String> a = new ArrayList<>(List.of(base));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private void assertSameFiles(final String name, final Path local, final Path spark) throws Exception
    {
        assertTrue(Files.size(local) > 0, name);
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark), name + " differs between the local and the Spark run");
    }

    @Test
    void simulateOnLocalSparkWritesTheSameReportTicksAndPageAsTheLocalRun() throws Exception
    {
        final String[] base = {"simulate", "--limit", "6", "--threads", "2"};
        final CliRun local = CliRun.of(with(base, "--report", dir.resolve("l.json").toString(), "--ticks", dir.resolve("l.csv").toString(),
            "--html", dir.resolve("l.html").toString()));
        assertEquals(0, local.code(), local.err());
        final CliRun spark = CliRun.of(with(base, "--spark", "local[2]", "--report", dir.resolve("s.json").toString(), "--ticks",
            dir.resolve("s.csv").toString(), "--html", dir.resolve("s.html").toString()));
        assertEquals(0, spark.code(), spark.err());
        assertSameFiles("report", dir.resolve("l.json"), dir.resolve("s.json"));
        assertSameFiles("ticks", dir.resolve("l.csv"), dir.resolve("s.csv"));
        assertSameFiles("page", dir.resolve("l.html"), dir.resolve("s.html"));
        // The printed summary too, but for the lines naming the files written.
        assertEquals(local.out().lines().filter(l -> !l.startsWith("wrote ")).toList(), spark.out().lines().filter(l -> !l.startsWith("wrote ")).toList());
        // One task per sample, each timed by Spark.
        assertTrue(spark.err().contains("spark local[2]: 6 task(s)"), spark.err());
    }

    @Test
    void spikeTrainSamplesRunAsTasksGiveTheSameReport() throws Exception
    {
        final String nir = Path.of(System.getProperty("csdsim.home"), "tests/src/test/resources/nir/cnn_sinabs.nir").toString();
        final String[] base = {"simulate", nir, "--dt", "1e-3", "--timesteps", "12", "--rate", "0.08", "--limit", "3"};
        final CliRun local = CliRun.of(with(base, "--report", dir.resolve("l.json").toString()));
        assertEquals(0, local.code(), local.err());
        final CliRun spark = CliRun.of(with(base, "--spark", "local[2]", "--report", dir.resolve("s.json").toString()));
        assertEquals(0, spark.code(), spark.err());
        assertSameFiles("report", dir.resolve("l.json"), dir.resolve("s.json"));
    }

    @Test
    void sweepOnLocalSparkWritesTheSameRowsAndKeepsAPointThatDoesNotFitAsARow() throws Exception
    {
        final String[] base = {"sweep", "--vary", "chip=loihi,loihi2", "--vary", "core.synapseMemoryBits=8,1048576", "--limit", "2"};
        final CliRun local = CliRun.of(with(base, "-o", dir.resolve("l.csv").toString(), "--json", dir.resolve("l.json").toString(),
            "--threads", "2"));
        assertEquals(0, local.code(), local.err());
        final CliRun spark = CliRun.of(with(base, "-o", dir.resolve("s.csv").toString(), "--json", dir.resolve("s.json").toString(),
            "--spark", "local[2]"));
        assertEquals(0, spark.code(), spark.err());
        assertSameFiles("rows", dir.resolve("l.csv"), dir.resolve("s.csv"));
        assertSameFiles("json", dir.resolve("l.json"), dir.resolve("s.json"));
        // The two points with 8 bits of synapse memory are rows with a reason; the other two ran as tasks.
        assertTrue(spark.err().contains("2 task(s)"), spark.err());
        assertTrue(Files.readString(dir.resolve("s.csv")).lines().skip(1).filter(l -> !l.endsWith(",")).count() == 2);
    }

    @Test
    void aMasterThatIsNotOneIsOneLineBeforeAnyWork() throws Exception
    {
        final Path out = dir.resolve("never.json");
        final CliRun r = CliRun.of("simulate", "--limit", "1", "--spark", "yarn", "--report", out.toString());
        assertEquals(2, r.code());
        final String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("csdsim: --spark: 'yarn'"), line);
        assertFalse(Files.exists(out));
    }
}
