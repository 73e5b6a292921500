package io.csdsim.simulator.cluster;

import java.util.List;
import java.util.ServiceLoader;
import java.util.function.IntConsumer;

/**
 * A cluster framework that runs a job's tasks on its executors: the job is shipped to each once,
 * every task's answer comes back in task order. Implementations register under
 * {@code META-INF/services/io.csdsim.simulator.cluster.ClusterRunner}.
 */
public interface ClusterRunner
{
    /** What one task cost on its executor, as the framework measured it. */
    record TaskTime(int task, double seconds)
    {
    }

    /** The answers of a run: per task, the encoded results of its samples; and what each task took. */
    record Outcome(List<byte[][]> results, List<TaskTime> taskTimes)
    {
    }

    /** @return the framework's name, as the command line's option names it (spark). */
    String name();

    /**
     * @param master   where to run: the framework's own master URL ({@code local[N]}, {@code spark://host:port})
     * @param appName  the name the cluster shows for the run
     * @param taskDone called with a task's index when it is done (from any thread), for progress
     */
    Outcome run(String master, String appName, ClusterJob job, List<ClusterTask> tasks, IntConsumer taskDone);

    /** @return the runner of that name on the class path, or null. */
    static ClusterRunner find(final String name)
    {
        for (final ClusterRunner r : ServiceLoader.load(ClusterRunner.class))
        {
            if (r.name().equals(name))
            {
                return r;
            }
        }
        return null;
    }
}
