package io.csdsim.library;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.models.InvalidInputException;
import io.csdsim.simulator.cluster.ClusterJob;
import io.csdsim.simulator.cluster.ClusterRunner;
import io.csdsim.simulator.cluster.ClusterTask;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.SampleResultCodec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Samples (a simulation) or points (a study) as tasks of a Spark cluster instead of this JVM's
 * threads (docs/cluster.md): the program is shipped once, each task's results come back encoded and
 * are decoded with the driver's programs, so the reports are the same bytes as a local run's.
 */
public final class ClusterRun
{
    /** The master URLs taken: Spark's local mode and a standalone cluster's masters (host, or host:port; no empty host). */
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d{1,9}|\\*)])?|spark://[^\\s/:,]+(:\\d{1,9})?(,[^\\s/:,]+(:\\d{1,9})?)*");
    /** Most local threads a run asks Spark for: beyond any machine's cores, short of Spark's own overflow. */
    private static final int MAX_LOCAL_THREADS = 4096;
    /** A standalone master's port when the URL names none (Spark's default). */
    private static final int DEFAULT_PORT = 7077;
    /** How long a master may take to accept a connection before the run is refused. */
    private static final int CONNECT_MILLIS = 3000;

    private final String field;
    private final String master;
    private final ClusterRunner runner;

    /**
     * @param field what the user named the master by, for a refusal ({@code --spark})
     * @param master {@code local}, {@code local[N]}, {@code local[*]} or {@code spark://host:port}
     * @throws InvalidInputException when the master is not one or the Spark runner is not on the class path
     */
    public ClusterRun(final String field, final String master)
    {
        this.field = field;
        this.master = master;
        this.runner = runner();
    }

    /** @return the runner, the master checked; one line when either cannot be had. */
    private ClusterRunner runner()
    {
        if (!MASTER.matcher(master).matches())
        {
            throw new InvalidInputException(field, "", "'" + master + "'; expected local, local[N], local[*] or spark://host:port[,host:port…]");
        }
        checkMaster();
        final ClusterRunner r = ClusterRunner.find("spark");
        if (r == null)
        {
            throw new InvalidInputException(field, "", "the Spark runner is not on the class path: run through ./csdsim, which builds "
                + "simulator/spark and adds it for --spark, or submit simulator/spark/target/csdsim-spark.jar (docs/cluster.md)");
        }
        return r;
    }

    /**
     * Checks the master before Spark starts, so that a wrong one is one line with its reason and not a
     * Spark stack trace or a minute of retries: local threads 1..{@value #MAX_LOCAL_THREADS}; every
     * standalone master's port 1..65535, and at least one of them accepting a connection.
     */
    private void checkMaster()
    {
        if (master.startsWith("local[") && !master.equals("local[*]"))
        {
            final long n = Long.parseLong(master.substring(6, master.length() - 1));
            if (n < 1 || n > MAX_LOCAL_THREADS)
            {
                throw new InvalidInputException(field, "", "'" + master + "': " + n + " local threads; expected 1.." + MAX_LOCAL_THREADS
                    + " (or local[*]: every core)");
            }
            return;
        }
        if (!master.startsWith("spark://"))
        {
            return;
        }
        final List<String> tried = new ArrayList<>();
        for (final String hostPort : master.substring("spark://".length()).split(","))
        {
            final int colon = hostPort.indexOf(':');
            final String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            final long port = colon < 0 ? DEFAULT_PORT : Long.parseLong(hostPort.substring(colon + 1));
            if (port < 1 || port > 65535)
            {
                throw new InvalidInputException(field, "", "'" + master + "': port " + port + " of " + host + "; expected 1..65535");
            }
            try (java.net.Socket socket = new java.net.Socket())
            {
                socket.connect(new java.net.InetSocketAddress(host, (int)port), CONNECT_MILLIS);
                return;
            }
            catch (final java.io.IOException | IllegalArgumentException e)
            {
                tried.add(host + ":" + port + " (" + (e instanceof java.net.SocketTimeoutException ? "no answer in " + CONNECT_MILLIS / 1000 + " s"
                    : e instanceof java.net.UnknownHostException ? "unknown host" : e.getMessage()) + ")");
            }
        }
        throw new InvalidInputException(field, "", "'" + master + "': no master accepts a connection: " + String.join(", ", tried)
            + "; start one (docs/cluster.md) or use local[N]");
    }

    /**
     * Simulates the samples on the program, one task per sample (the cluster's slots take samples as
     * this JVM's threads would). @return one result per sample, in order
     */
    public List<SampleResult> simulate(final String appName, final ChipProgram program, final boolean recordLinkLoads, final Samples samples,
        final Runnable sampleDone, final PrintWriter err)
    {
        final List<ClusterTask> tasks = new ArrayList<>();
        for (int i = 0; i < samples.count(); i++)
        {
            tasks.add(new ClusterTask(0, new int[] {i}));
        }
        final List<SampleResult> results = new ArrayList<>();
        run(appName, List.of(program), recordLinkLoads, samples, tasks, sampleDone, err).forEach(results::addAll);
        return results;
    }

    /**
     * Runs the tasks on the cluster and decodes their results with the driver's programs; says on
     * {@code err} what the cluster took (wall and task times: a machine's figures, kept out of reports).
     *
     * @param sampleDone called once per sample whose task is done (progress)
     * @return per task, its samples' results, in task order
     */
    public List<List<SampleResult>> run(final String appName, final List<ChipProgram> programs, final boolean recordLinkLoads,
        final Samples samples, final List<ClusterTask> tasks, final Runnable sampleDone, final PrintWriter err)
    {
        final ClusterJob job;
        try
        {
            job = new ClusterJob(programs, recordLinkLoads, samples.pixels, samples.trains);
        }
        catch (final ClusterJob.ProgramTooLargeException e)
        {
            throw new InvalidInputException(field, "", e.getMessage());
        }
        final long started = System.nanoTime();
        final ClusterRunner.Outcome outcome;
        try
        {
            outcome = runner.run(master, appName, job, tasks, t -> {
                for (int s = 0; s < tasks.get(t).samples().length; s++)
                {
                    sampleDone.run();
                }
            });
        }
        catch (final InvalidInputException e)
        {
            throw e;
        }
        catch (final RuntimeException e)
        {
            // A master that cannot be reached, or a task that failed: the cluster's own first line says which.
            throw new InvalidInputException(field, "", master + ": the Spark run failed: " + firstLine(e), e);
        }
        final double wall = (System.nanoTime() - started) / 1e9;
        final List<List<SampleResult>> out = new ArrayList<>(tasks.size());
        for (int t = 0; t < tasks.size(); t++)
        {
            final ChipProgram program = programs.get(tasks.get(t).program());
            final List<SampleResult> results = new ArrayList<>();
            for (final byte[] r : outcome.results().get(t))
            {
                results.add(SampleResultCodec.decode(r, program));
            }
            out.add(results);
        }
        // On stderr, as the local run's wall time: a machine's figures must not make two reports differ.
        double sum = 0;
        double longest = 0;
        for (final ClusterRunner.TaskTime tt : outcome.taskTimes())
        {
            sum += tt.seconds();
            longest = Math.max(longest, tt.seconds());
        }
        err.printf(Locale.ROOT, "spark %s: %d task(s) in %.3f s wall (program shipped once: %.1f MB); task time %.3f s in all, %.3f s mean, "
            + "%.3f s longest%n", master, tasks.size(), wall, job.programBytes() / 1e6, sum, tasks.isEmpty() ? 0 : sum / tasks.size(), longest);
        return out;
    }

    private static String firstLine(final Throwable e)
    {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null)
        {
            t = t.getCause();
        }
        final String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        final int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
