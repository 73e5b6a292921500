package io.csdsim.library.study;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.library.ClusterRun;
import io.csdsim.library.Samples;
import io.csdsim.simulator.cluster.ClusterTask;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.report.SimulationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a study's points on this JVM: each point's program simulates the study's samples on one
 * thread, points in parallel; rows come back in grid order, the same for any thread count. A point
 * whose configuration did not compile is a row with the reason. (A cluster runs the same points as
 * tasks: {@code simulator.cluster}.)
 */
public final class StudyRunner
{
    private StudyRunner()
    {
    }

    /**
     * @param points the study's points, in grid order
     * @param compiled per point, its configuration's program or reason ({@link CompileCache})
     * @param samples the study's samples, the same for every point (null when no point compiled)
     * @param threads points simulated at once
     * @param sampleDone called once per sample simulated, from any thread but never two at once
     * @return one row per point, in grid order
     */
    public static List<StudyRow> run(final List<StudyPoint> points, final List<CompileCache.Compiled> compiled,
        final Samples samples, final int threads, final Runnable sampleDone)
        throws Exception
    {
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, points.size())));
        try
        {
            final List<Future<StudyRow>> futures = new ArrayList<>();
            for (int i = 0; i < points.size(); i++)
            {
                final StudyPoint p = points.get(i);
                final CompileCache.Compiled c = compiled.get(i);
                futures.add(pool.submit(() -> {
                    if (c.program() == null)
                    {
                        return StudyRow.failed(p, c.reason());
                    }
                    final ChipProgram program = c.program();
                    final List<SampleResult> results = samples.run(new ChipEngine(program), 1, null);
                    synchronized (sampleDone)
                    {
                        for (int s = 0; s < results.size(); s++)
                        {
                            sampleDone.run();
                        }
                    }
                    return new StudyRow(p, StudyFigures.of(program, new SimulationReport(program, results, samples.labels)), null);
                }));
            }
            final List<StudyRow> rows = new ArrayList<>();
            for (final Future<StudyRow> f : futures)
            {
                rows.add(result(f));
            }
            return rows;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /**
     * Runs each point that compiled as one task of a cluster, the distinct programs and the samples
     * shipped once; a point that did not compile is a row with its reason.
     *
     * @param programs the distinct programs ({@link CompileCache#programs}), which the points' programs are among
     * @param sampleDone called once per sample simulated
     * @return one row per point, in grid order
     */
    public static List<StudyRow> runOnCluster(final ClusterRun cluster, final List<StudyPoint> points, final List<CompileCache.Compiled> compiled,
        final List<ChipProgram> programs, final Samples samples, final Runnable sampleDone, final java.io.PrintWriter err)
    {
        final StudyRow[] rows = new StudyRow[points.size()];
        final int[] all = java.util.stream.IntStream.range(0, samples == null ? 0 : samples.count()).toArray();
        final List<ClusterTask> tasks = new ArrayList<>();
        final List<Integer> taskPoints = new ArrayList<>();
        for (int i = 0; i < points.size(); i++)
        {
            final CompileCache.Compiled c = compiled.get(i);
            if (c.program() != null)
            {
                tasks.add(new ClusterTask(indexOf(programs, c.program()), all));
                taskPoints.add(i);
            }
            else
            {
                rows[i] = StudyRow.failed(points.get(i), c.reason());
            }
        }
        if (!tasks.isEmpty())
        {
            final List<List<SampleResult>> results = cluster.run("csdsim sweep", programs, false, samples, tasks, sampleDone, err);
            for (int t = 0; t < tasks.size(); t++)
            {
                final ChipProgram program = programs.get(tasks.get(t).program());
                final int i = taskPoints.get(t);
                rows[i] = new StudyRow(points.get(i), StudyFigures.of(program, new SimulationReport(program, results.get(t), samples.labels)), null);
            }
        }
        return List.of(rows);
    }

    /** @return the index of a program in the list, by identity (the cache hands out each program once). */
    private static int indexOf(final List<ChipProgram> programs, final ChipProgram program)
    {
        for (int k = 0; k < programs.size(); k++)
        {
            if (programs.get(k) == program)
            {
                return k;
            }
        }
        throw new IllegalStateException("a program that is not in the cache");
    }

    /** @return a point's row once it is done; what it threw, thrown again (a one-line input error stays one). */
    private static StudyRow result(final Future<StudyRow> f) throws Exception
    {
        try
        {
            return f.get();
        }
        catch (final ExecutionException e)
        {
            if (e.getCause() instanceof RuntimeException r)
            {
                throw r;
            }
            throw e;
        }
    }
}
