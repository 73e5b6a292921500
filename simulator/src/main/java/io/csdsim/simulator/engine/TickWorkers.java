package io.csdsim.simulator.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that share one phase of a tick: each runs the same task on its own chunk of a population's
 * cores (whole neuron groups, so no two threads touch one core's state), and the caller waits for
 * all. Results do not depend on the thread count: chunks write disjoint ranges, and whatever they
 * count is merged afterwards in chunk order. The caller runs chunk 0 itself; helpers spin briefly
 * and then park, since a tick issues many short phases.
 */
public final class TickWorkers implements AutoCloseable
{
    /** A phase's work for one chunk. */
    @FunctionalInterface
    public interface ChunkTask
    {
        void run(int chunk);
    }

    private final Thread[] helpers;
    private volatile ChunkTask task;
    private volatile long generation;
    /** Per chunk, the last generation it finished; slots 8 longs apart so chunks do not share a cache line. */
    private final AtomicLongArray doneGeneration;
    private volatile Thread owner;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** @param threads the chunks a phase splits into, the caller included (1: everything on the caller). */
    public TickWorkers(final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads " + threads + " < 1");
        }
        helpers = new Thread[threads - 1];
        doneGeneration = new AtomicLongArray(threads * 8);
        for (int i = 0; i < helpers.length; i++)
        {
            final int chunk = i + 1;
            helpers[i] = new Thread(() -> loop(chunk), "csdsim-tick-" + chunk);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    public int threads()
    {
        return helpers.length + 1;
    }

    private void loop(final int chunk)
    {
        long seen = 0;
        while (!closed)
        {
            int spins = 0;
            while (generation == seen && !closed)
            {
                if (++spins > 2_000)
                {
                    LockSupport.parkNanos(20_000);
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
            if (closed)
            {
                return;
            }
            seen = generation;
            try
            {
                task.run(chunk);
            }
            catch (final Throwable t)
            {
                failure = t;
            }
            doneGeneration.set(chunk * 8, seen);
            LockSupport.unpark(owner);
        }
    }

    /** Runs task on every chunk 0 .. threads−1 and returns when all are done. */
    public void run(final ChunkTask task)
    {
        if (helpers.length == 0)
        {
            task.run(0);
            return;
        }
        owner = Thread.currentThread();
        this.task = task;
        final long g = generation + 1;
        generation = g;
        for (final Thread h : helpers)
        {
            LockSupport.unpark(h);
        }
        task.run(0);
        for (int i = 1; i <= helpers.length; i++)
        {
            int spins = 0;
            while (true)
            {
                if (doneGeneration.get(i * 8) == g)
                {
                    break;
                }
                if (++spins > 2_000)
                {
                    LockSupport.parkNanos(20_000);
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
        }
        final Throwable t = failure;
        if (t != null)
        {
            failure = null;
            if (t instanceof RuntimeException r)
            {
                throw r;
            }
            if (t instanceof Error e)
            {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void close()
    {
        closed = true;
        for (final Thread h : helpers)
        {
            LockSupport.unpark(h);
        }
    }
}
