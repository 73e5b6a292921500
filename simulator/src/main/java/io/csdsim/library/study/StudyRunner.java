package io.csdsim.library.study;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.report.SimulationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

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
     * @param samples what one engine does with the study's samples: one result per sample, in order
     * @param labels the samples' labels, or null
     * @param threads points simulated at once
     * @param sampleDone called once per sample simulated, from any thread but never two at once
     * @return one row per point, in grid order
     */
    public static List<StudyRow> run(final List<StudyPoint> points, final List<CompileCache.Compiled> compiled,
        final Function<ChipEngine, List<SampleResult>> samples, final int[] labels, final int threads, final Runnable sampleDone)
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
                    final List<SampleResult> results = samples.apply(new ChipEngine(program));
                    synchronized (sampleDone)
                    {
                        for (int s = 0; s < results.size(); s++)
                        {
                            sampleDone.run();
                        }
                    }
                    return new StudyRow(p, StudyFigures.of(program, new SimulationReport(program, results, labels)), null);
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
