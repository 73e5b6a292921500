package io.csdsim.spark;

import io.csdsim.simulator.cluster.ClusterJob;
import io.csdsim.simulator.cluster.ClusterRunner;
import io.csdsim.simulator.cluster.ClusterTask;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs a {@link ClusterJob} on a Spark master: the job (programs and samples) is broadcast once,
 * each task is one partition, and the answers come back with {@code collect}, which keeps partition
 * order — task order. The run's own context is started and stopped here.
 */
public final class SparkClusterRunner implements ClusterRunner
{
    @Override
    public String name()
    {
        return "spark";
    }

    @Override
    public Outcome run(final String master, final String appName, final ClusterJob job, final List<ClusterTask> tasks, final IntConsumer taskDone)
    {
        final SparkConf conf = new SparkConf().setMaster(master).setAppName(appName)
            // A command-line run serves no web page, and one task's answer may be large.
            .set("spark.ui.enabled", "false")
            .set("spark.driver.maxResultSize", "0");
        classesForExecutors(conf, master);
        final double[] seconds = new double[tasks.size()];
        try (JavaSparkContext sc = new JavaSparkContext(conf))
        {
            sc.setLogLevel("ERROR");
            sc.sc().addSparkListener(new SparkListener()
            {
                @Override
                public void onTaskEnd(final SparkListenerTaskEnd end)
                {
                    if (end.reason() == Success$.MODULE$ && end.taskMetrics() != null)
                    {
                        final int task = end.taskInfo().partitionId();
                        seconds[task] = end.taskMetrics().executorRunTime() / 1e3;
                        taskDone.accept(task);
                    }
                }
            });
            final Broadcast<ClusterJob> shipped = sc.broadcast(job);
            final List<byte[][]> results = sc.parallelize(tasks, Math.max(1, tasks.size())).map(t -> shipped.value().run(t)).collect();
            // The listener bus may still hold the last task's end: wait for it before the times are read.
            try
            {
                sc.sc().listenerBus().waitUntilEmpty();
            }
            catch (final java.util.concurrent.TimeoutException e)
            {
                // The times are a report on stderr, not a result: a late one stays zero.
            }
            final List<TaskTime> times = new ArrayList<>();
            for (int t = 0; t < seconds.length; t++)
            {
                times.add(new TaskTime(t, seconds[t]));
            }
            return new Outcome(new ArrayList<>(results), times);
        }
    }

    /**
     * A cluster's executors need csdsim's classes: the jar this class came from (spark-submit's, or the
     * shaded one) is shipped to them; run from class folders (the module's tests), the executors on
     * this machine take this JVM's class path instead.
     */
    private static void classesForExecutors(final SparkConf conf, final String master)
    {
        if (master.startsWith("local"))
        {
            return;
        }
        final Path from;
        try
        {
            from = Path.of(SparkClusterRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
        if (from.toString().endsWith(".jar"))
        {
            conf.setIfMissing("spark.jars", from.toString());
        }
        else
        {
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
    }
}
