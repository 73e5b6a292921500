package io.csdsim.simulator.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads a sample runs on. With two or more, one of them is the timing lane ({@link TimingLane}):
 * the network and timing phases of each tick run there as a task of their own, while the caller
 * already computes the next ticks' arithmetic (function never depends on timing, so the two can
 * overlap); when the caller is ahead by a few ticks it times one itself instead of waiting, and the
 * lane, when it has no tick to time, takes the second half of an arithmetic phase. The others share
 * each arithmetic phase: each runs the same task on its own chunk of a population's
 * cores (whole neuron groups, so no two threads touch one core's state), and the caller waits for
 * all. Results do not depend on the thread count: chunks write disjoint ranges, whatever they count
 * is merged in chunk order, and each tick's timing is merged in tick order. The caller runs chunk 0
 * itself; helpers spin briefly and then park, since a tick issues many short phases.
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

    /** Times ticks beside the caller; null with one thread. */
    private final TimingLane lane;

    /** @param threads threads in all, the caller included: 1 runs everything on the caller; 2 adds the timing lane; more split arithmetic. */
    public TickWorkers(final int threads)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads " + threads + " < 1");
        }
        lane = threads == 1 ? null : new TimingLane();
        final int chunks = Math.max(1, threads - 1);
        helpers = new Thread[chunks - 1];
        doneGeneration = new AtomicLongArray(chunks * 8);
        for (int i = 0; i < helpers.length; i++)
        {
            final int chunk = i + 1;
            helpers[i] = new Thread(() -> loop(chunk), "csdsim-tick-" + chunk);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /**
     * @return the chunks an arithmetic phase splits into (the caller's included). With two threads,
     * two: the second is offered to the timing lane, which takes it when it has no tick to time.
     */
    public int chunks()
    {
        return helpers.length == 0 && lane != null ? 2 : helpers.length + 1;
    }

    /** @return the timing lane, or null when timing runs on the caller. */
    TimingLane lane()
    {
        return lane;
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
        if (helpers.length == 0 && lane != null)
        {
            // The lane runs chunk 1 if it is idle; if it has not started it when chunk 0 is done, the
            // caller runs it (a FutureTask runs once, whoever gets there first).
            final java.util.concurrent.FutureTask<Void> second = new java.util.concurrent.FutureTask<>(() -> task.run(1), null);
            lane.submitFirst(second);
            task.run(0);
            second.run();
            ParallelSamples.join(second);
            return;
        }
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
        if (lane != null)
        {
            lane.close();
        }
        for (final Thread h : helpers)
        {
            LockSupport.unpark(h);
        }
    }
}
