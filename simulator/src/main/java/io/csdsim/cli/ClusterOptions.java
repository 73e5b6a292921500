package io.csdsim.cli;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.library.ClusterRun;
import io.csdsim.library.Samples;
import io.csdsim.simulator.cluster.ClusterTask;
import io.csdsim.simulator.engine.SampleResult;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --spark MASTER}: the samples (simulate) or points (sweep) as tasks of a Spark cluster
 * instead of this JVM's threads (docs/cluster.md); the reports are the same bytes either way.
 */
final class ClusterOptions
{
    @Option(names = "--spark", paramLabel = "MASTER", description = {"Run the samples (simulate) or the points (sweep) as Spark tasks:",
        "local[N] on this machine, spark://host:port on a standalone cluster (docs/cluster.md). Needs the Spark runner",
        "(simulator/spark): ./csdsim adds it when this option is given. Reports are byte-identical to a local run."})
    String master;

    boolean given()
    {
        return master != null;
    }

    /** Refuses, before any work, a master that is not one or a run without the runner. */
    void check()
    {
        if (given())
        {
            cluster();
        }
    }

    /** @return the cluster the option names, its master and runner checked. */
    ClusterRun cluster()
    {
        return new ClusterRun("--spark", master);
    }

    /**
     * Runs the tasks on the cluster and decodes their results with the driver's programs.
     *
     * @param sampleDone called once per sample whose task is done (progress)
     * @return per task, its samples' results, in task order
     */
    List<List<SampleResult>> run(final String appName, final List<ChipProgram> programs, final boolean recordLinkLoads, final Samples samples,
        final List<ClusterTask> tasks, final Runnable sampleDone, final PrintWriter err)
    {
        return cluster().run(appName, programs, recordLinkLoads, samples, tasks, sampleDone, err);
    }
}
