package io.csdsim.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real standalone Spark cluster on this machine — a master and a worker, each its own JVM from
 * Spark's jars, on the loopback address only — runs a sweep whose rows equal the local run's, then
 * is stopped. The executors the worker starts take this JVM's class path (the module's classes are
 * folders here, not a jar to ship).
 */
class StandaloneClusterTest
{
    private static final String LOOPBACK = "127.0.0.1";
    private static final List<Process> DAEMONS = new ArrayList<>();
    private static int masterPort;

    @TempDir
    static Path work;

    private static int freePort() throws IOException
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)))
        {
            return s.getLocalPort();
        }
    }

    private static Process daemon(final String name, final List<String> args) throws IOException
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(System.getProperty("spark.jvm.options").trim().split("\\s+")));
        cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(args);
        final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        // A worker builds its executors' command from a Spark home: an empty one, the jars coming from the class path given.
        final Path home = Files.createDirectories(work.resolve("spark-home/jars"));
        pb.environment().put("SPARK_HOME", home.getParent().toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", LOOPBACK);
        final Process p = pb.start();
        DAEMONS.add(p);
        return p;
    }

    @BeforeAll
    static void startCluster() throws Exception
    {
        masterPort = freePort();
        daemon("master", List.of("org.apache.spark.deploy.master.Master", "--host", LOOPBACK, "--port", Integer.toString(masterPort),
            "--webui-port", Integer.toString(freePort())));
        final long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!listening(masterPort))
        {
            assertTrue(System.nanoTime() < until, () -> "the master did not start: " + log("master"));
            Thread.sleep(200);
        }
        daemon("worker", List.of("org.apache.spark.deploy.worker.Worker", "spark://" + LOOPBACK + ":" + masterPort, "--host", LOOPBACK,
            "--cores", "2", "--memory", "2g", "--webui-port", Integer.toString(freePort()), "--work-dir", work.resolve("worker").toString()));
        // The driver (this JVM) is reached by the executors on the loopback address too.
        System.setProperty("spark.driver.host", LOOPBACK);
        System.setProperty("spark.driver.bindAddress", LOOPBACK);
    }

    private static boolean listening(final int port)
    {
        try (Socket s = new Socket())
        {
            s.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    private static String log(final String name)
    {
        try
        {
            return Files.readString(work.resolve(name + ".log"));
        }
        catch (final IOException e)
        {
            return "(no log)";
        }
    }

    @AfterAll
    static void stopCluster() throws Exception
    {
        System.clearProperty("spark.driver.host");
        System.clearProperty("spark.driver.bindAddress");
        for (final Process p : DAEMONS)
        {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (final Process p : DAEMONS)
        {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
            {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aSweepThroughAStandaloneMasterAndWorkerWritesTheSameRowsAsTheLocalRun() throws Exception
    {
        final Path dir = Files.createDirectories(work.resolve("out"));
        final String[] base = {"sweep", "--vary", "timing.synOpCycles=1,35", "--vary", "D=2..3", "--limit", "2"};
        final List<String> local = new ArrayList<>(List.of(base));
        local.addAll(List.of("-o", dir.resolve("l.csv").toString(), "--json", dir.resolve("l.json").toString()));
        final CliRun l = CliRun.of(local.toArray(new String[0]));
        assertEquals(0, l.code(), l.err());
        final List<String> spark = new ArrayList<>(List.of(base));
        spark.addAll(List.of("-o", dir.resolve("s.csv").toString(), "--json", dir.resolve("s.json").toString(), "--spark",
            "spark://" + LOOPBACK + ":" + masterPort));
        final CliRun s = assertTimeoutPreemptively(Duration.ofMinutes(4), () -> CliRun.of(spark.toArray(new String[0])),
            () -> "the cluster did not answer; master: " + log("master") + "\nworker: " + log("worker"));
        assertEquals(0, s.code(), s.err() + "\nworker: " + log("worker"));
        assertTrue(s.err().contains("spark spark://" + LOOPBACK + ":" + masterPort + ": 4 task(s)"), s.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("l.csv")), Files.readAllBytes(dir.resolve("s.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("l.json")), Files.readAllBytes(dir.resolve("s.json")));
        // The tasks ran in executors the worker started, not in this JVM: each has its folder under the worker's, app-*/N.
        try (java.util.stream.Stream<Path> apps = Files.list(work.resolve("worker")))
        {
            final List<Path> executors = apps.filter(a -> a.getFileName().toString().startsWith("app-")).flatMap(a -> {
                try
                {
                    return Files.list(a);
                }
                catch (final IOException e)
                {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(e -> Files.exists(e.resolve("stderr"))).toList();
            assertTrue(!executors.isEmpty(), "no executor was started by the worker");
        }
    }
}
