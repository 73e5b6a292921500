package io.csdsim.cli;

import io.csdsim.library.ClusterRun;
import picocli.CommandLine.Option;

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

    /** The cluster, once checked: its master is checked (a connection tried) and its runner found only once a run. */
    private ClusterRun cluster;

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
        if (cluster == null)
        {
            cluster = new ClusterRun("--spark", master);
        }
        return cluster;
    }
}
