package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ProgramPopulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs samples on one engine, in parallel over samples and, when there are fewer samples than
 * threads, over cores within each tick ({@link TickWorkers}). Each sample's result is the same
 * whatever the thread count (samples share nothing but the read-only program; within a tick each
 * thread owns whole cores), and results come back in sample order.
 */
public final class Simulation
{
    private Simulation()
    {
    }

    /** @return the host's integer input values for 8-bit [H, W, C] pixels: pixel − the channel's zero point. */
    public static int[] encode(final ProgramPopulation input, final int[] pixels)
    {
        final int c = input.channels();
        final int[] out = new int[pixels.length];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = pixels[i] - (input.bias() == null ? 0 : (int)input.bias()[i % c]);
        }
        return out;
    }

    public static List<SampleResult> run(final ChipEngine engine, final int[][] pixels, final int threads, final IntConsumer done)
    {
        final ProgramPopulation input = engine.program().populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.INPUT)
            .findFirst().orElseThrow();
        final SampleResult[] out = new SampleResult[pixels.length];
        final int sampleThreads = Math.max(1, Math.min(threads, pixels.length));
        final int coreThreads = Math.max(1, threads / sampleThreads);
        if (sampleThreads == 1)
        {
            try (TickWorkers workers = new TickWorkers(coreThreads))
            {
                for (int i = 0; i < pixels.length; i++)
                {
                    out[i] = engine.run(encode(input, pixels[i]), false, workers);
                    if (done != null)
                    {
                        done.accept(i);
                    }
                }
            }
            return Arrays.asList(out);
        }
        final ExecutorService pool = Executors.newFixedThreadPool(sampleThreads);
        try
        {
            final List<Future<SampleResult>> futures = new ArrayList<>();
            for (final int[] px : pixels)
            {
                futures.add(pool.submit(() -> engine.run(encode(input, px), false)));
            }
            for (int i = 0; i < futures.size(); i++)
            {
                out[i] = futures.get(i).get();
                if (done != null)
                {
                    done.accept(i);
                }
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (final java.util.concurrent.ExecutionException e)
        {
            if (e.getCause() instanceof RuntimeException r)
            {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        finally
        {
            pool.shutdownNow();
        }
        return Arrays.asList(out);
    }
}
