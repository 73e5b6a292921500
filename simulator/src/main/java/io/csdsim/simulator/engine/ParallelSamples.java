package io.csdsim.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Independent samples on a fixed number of threads, results in sample order: what each sample
 * computes cannot depend on the thread count, so neither can the list.
 */
public final class ParallelSamples
{
    private ParallelSamples()
    {
    }

    /**
     * @param done called with each sample's index once its result is in, in sample order (may be null)
     * @return f(0) .. f(n−1)
     */
    public static <T> List<T> map(final int n, final int threads, final IntFunction<T> f, final IntConsumer done)
    {
        final List<T> out = new ArrayList<>(n);
        if (threads <= 1 || n <= 1)
        {
            for (int i = 0; i < n; i++)
            {
                out.add(f.apply(i));
                if (done != null)
                {
                    done.accept(i);
                }
            }
            return out;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try
        {
            final List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
            {
                final int sample = i;
                futures.add(pool.submit(() -> f.apply(sample)));
            }
            for (int i = 0; i < n; i++)
            {
                out.add(join(futures.get(i)));
                if (done != null)
                {
                    done.accept(i);
                }
            }
            return out;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** Waits for f; its failure is rethrown as it was thrown (unchecked), not wrapped. */
    static <T> T join(final Future<T> f)
    {
        try
        {
            return f.get();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (final ExecutionException e)
        {
            if (e.getCause() instanceof RuntimeException r)
            {
                throw r;
            }
            if (e.getCause() instanceof Error err)
            {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
