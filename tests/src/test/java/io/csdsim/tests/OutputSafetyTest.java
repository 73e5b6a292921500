package io.csdsim.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Outputs never damage what they replace (issue 13, defects 1 and 2): special files are written in
 * place, symbolic links are followed, and a run that fails leaves every earlier file as it was.
 * Device nodes, FIFOs and links are made in a temporary folder, never the machine's own /dev.
 */
class OutputSafetyTest
{
    @TempDir
    Path dir;

    private static boolean make(final String... command) throws Exception
    {
        try
        {
            final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        catch (final java.io.IOException e)
        {
            return false;
        }
    }

    private static void assertOneLineBadInput(final Cli r, final String... fragments)
    {
        assertEquals(2, r.code(), r.out() + r.err());
        // The wall-time line of a finished simulation may precede the error; the error is one line.
        final String[] lines = r.err().strip().split("\n");
        final String line = lines[lines.length - 1];
        assertEquals(1, java.util.Arrays.stream(lines).filter(l -> l.startsWith("csdsim:")).count(), r.err());
        assertTrue(line.startsWith("csdsim: "), line);
        for (final String f : fragments)
        {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
    }

    @Test
    void aReportToACharacterDeviceIsWrittenInPlaceAndTheDeviceStays() throws Exception
    {
        final Path nul = dir.resolve("null");
        assumeTrue(make("mknod", nul.toString(), "c", "1", "3"), "mknod needs root");
        final Cli r = Cli.run("simulate", "--limit", "2", "--threads", "1", "--report", nul.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.isRegularFile(nul, LinkOption.NOFOLLOW_LINKS), "still a device");
        assertEquals("c", modeType(nul));
    }

    @Test
    void aFullDeviceFailsWithExitTwoAndStaysADevice() throws Exception
    {
        final Path full = dir.resolve("full");
        assumeTrue(make("mknod", full.toString(), "c", "1", "7"), "mknod needs root");
        final Cli r = Cli.run("simulate", "--limit", "2", "--threads", "1", "--report", full.toString());
        assertOneLineBadInput(r, "--report", full.toString(), "No space left on device");
        assertEquals("c", modeType(full));
    }

    @Test
    void ticksToAFifoAreStreamedToItsReader() throws Exception
    {
        final Path fifo = dir.resolve("fifo");
        assumeTrue(make("mkfifo", fifo.toString()), "mkfifo");
        final CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try
            {
                return Files.readAllBytes(fifo);
            }
            catch (final java.io.IOException e)
            {
                throw new java.io.UncheckedIOException(e);
            }
        });
        final Path csv = dir.resolve("same.csv");
        final Cli r = Cli.run("simulate", "--limit", "2", "--threads", "1", "--ticks", fifo.toString());
        assertEquals(0, r.code(), r.err());
        final byte[] viaFifo = read.get(30, TimeUnit.SECONDS);
        assertEquals("p", modeType(fifo));
        assertEquals(0, Cli.run("simulate", "--limit", "2", "--threads", "1", "--ticks", csv.toString()).code());
        assertArrayEquals(Files.readAllBytes(csv), viaFifo, "the FIFO's reader got the whole CSV");
        // The special output was staged in the temporary directory (csdsim-PID-…) and is gone once written.
        try (java.util.stream.Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir"))))
        {
            final String mine = "csdsim-" + ProcessHandle.current().pid() + "-";
            assertEquals(List.of(), left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(mine)).toList());
        }
    }

    @Test
    void aSymlinkedReportIsFollowedAndTheLinkStays() throws Exception
    {
        final Path target = dir.resolve("sub").resolve("target.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");
        final Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("sub", "target.json"));
        final Cli r = Cli.run("simulate", "--limit", "2", "--threads", "1", "--report", link.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(target).contains("\"schema\" : \"csdsim-report\""), "the target got the report");
        try (var s = Files.list(target.getParent()))
        {
            assertEquals(1, s.count(), "no staging file left beside the target");
        }
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget() throws Exception
    {
        final Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, Path.of("made.csv"));
        assertEquals(0, Cli.run("simulate", "--limit", "1", "--threads", "1", "--ticks", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(dir.resolve("made.csv")).startsWith("sample,"));
    }

    @Test
    void aFailedRunLeavesEarlierOutputsAsTheyWere() throws Exception
    {
        final Path keep = dir.resolve("k.json");
        Files.writeString(keep, "keep");
        final Path adir = Files.createDirectory(dir.resolve("adir"));
        final Cli r = Cli.run("simulate", "--limit", "2", "--report", keep.toString(), "--ticks", adir.toString());
        assertOneLineBadInput(r, "--ticks", "is a directory");
        assertEquals("keep", Files.readString(keep));
        assertEquals("", r.out(), "refused before any work");
        try (var s = Files.list(dir))
        {
            assertEquals(2, s.count(), "nothing staged is left behind");
        }
    }

    @Test
    void theSamePathForReportAndTicksIsRefused() throws Exception
    {
        final Path same = dir.resolve("x.out");
        assertOneLineBadInput(Cli.run("simulate", "--limit", "1", "--report", same.toString(), "--ticks", same.toString()),
            "--ticks", "is also the output of --report");
        final Path link = dir.resolve("alias.out");
        Files.createSymbolicLink(link, same.getFileName());
        assertOneLineBadInput(Cli.run("simulate", "--limit", "1", "--report", link.toString(), "--ticks", same.toString()),
            "is also the output of --report");
        assertFalse(Files.exists(same));
    }

    @Test
    void anOutputOverTheCommandsInputIsRefused() throws Exception
    {
        final Path model = dir.resolve("m.json");
        Files.copy(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.json"), model);
        Files.copy(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.safetensors"), dir.resolve("synthetic-2-64.safetensors"));
        final byte[] before = Files.readAllBytes(model);
        assertOneLineBadInput(Cli.run("compile", model.toString(), "--set", "core.tdecUnits=8192", "-o", model.toString()),
            "-o", "is an input of this command");
        assertArrayEquals(before, Files.readAllBytes(model));
    }

    @Test
    void anOutputWhereNoFileCanBeMadeNamesTheReason() throws Exception
    {
        // Under /proc no file can be created, not even by root.
        final Cli r = Cli.run("simulate", "--limit", "1", "--report", "/proc/csdsim-test-report.json");
        assertOneLineBadInput(r, "--report /proc/csdsim-test-report.json", "cannot be written", "(");
        final Path notDir = dir.resolve("plain");
        Files.writeString(notDir, "x");
        assertOneLineBadInput(Cli.run("simulate", "--limit", "1", "--report", notDir.resolve("r.json").toString()),
            "is not a directory");
    }

    private static String modeType(final Path p) throws Exception
    {
        final int mode = (Integer)Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return switch (mode & 0xF000)
        {
            case 0x2000 -> "c";
            case 0x1000 -> "p";
            case 0x8000 -> "-";
            default -> Integer.toHexString(mode);
        };
    }

    /**
     * {@code --report /dev/stdout} with standard output a pipe ({@code csdsim ... | jq}): /dev/stdout
     * leads to /proc/self/fd/1, a link whose text ("pipe:[…]") names no file; the report reaches the pipe.
     */
    @Test
    void aReportToStandardOutputThatIsAPipeReachesThePipe() throws Exception
    {
        assumeTrue(Files.isSymbolicLink(Path.of("/dev/stdout")), "/dev/stdout is a link (Linux)");
        final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dcsdsim.home=" + System.getProperty("csdsim.home"), "-cp", System.getProperty("java.class.path"), "io.csdsim.cli.CsdsimCommand",
            "simulate", "--limit", "1", "--threads", "1", "--report", "/dev/stdout").redirectError(dir.resolve("err").toFile()).start();
        final String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), read(dir.resolve("err")));
        // The whole report: from its first key to its per-sample results, beside the printed summary.
        assertTrue(out.contains("\"schema\" : \"csdsim-report\"") && out.contains("\"totals\"") && out.contains("per sample"), out);
    }

    @Test
    void aRunEndedByASignalLeavesNoStagingFileAndTheOldReport() throws Exception
    {
        final Path report = dir.resolve("r.json");
        Files.writeString(report, "old");
        final java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dcsdsim.home=" + System.getProperty("csdsim.home"),
            "-cp", System.getProperty("java.class.path"), "io.csdsim.cli.CsdsimCommand", "simulate", "--limit", "1000", "--threads", "1",
            "--report", report.toString()));
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try
        {
            // The run has staged its report once a staging file is beside it; then it is stopped as Ctrl-C or kill would.
            final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (staged().length == 0)
            {
                assertTrue(p.isAlive() && System.nanoTime() < until, () -> "the run never staged its report: " + read(dir.resolve("log")));
                Thread.sleep(20);
            }
        }
        finally
        {
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, staged().length, java.util.Arrays.toString(staged()));
        assertEquals("old", Files.readString(report));
    }

    private String[] staged()
    {
        final String[] names = dir.toFile().list((d, n) -> n.startsWith(".r.json.tmp-"));
        return names == null ? new String[0] : names;
    }

    private static String read(final Path p)
    {
        try
        {
            return Files.readString(p);
        }
        catch (final java.io.IOException e)
        {
            return "";
        }
    }
}
