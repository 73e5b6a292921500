package io.csdsim.simulator.engine;

import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * A thread that times ticks. Each tick's network and timing phases depend only on that tick's
 * arithmetic (links are free again at every tick's start), so ticks are independent tasks: the
 * lane takes them oldest first, and the thread that submits them — rather than wait — runs the
 * newest one nobody has started. What a task produces is merged by its submitter in tick order. The
 * lane also takes half of an arithmetic phase when it has nothing to time ({@link #submitFirst}).
 */
final class TimingLane implements AutoCloseable
{
    private final LinkedBlockingDeque<FutureTask<?>> queue = new LinkedBlockingDeque<>();
    private final Thread thread;
    private volatile boolean closed;

    TimingLane()
    {
        thread = new Thread(this::loop, "csdsim-timing");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the calling thread is the lane's own. */
    boolean isLaneThread()
    {
        return Thread.currentThread() == thread;
    }

    void submit(final FutureTask<?> task)
    {
        queue.addLast(task);
    }

    /** Offers a task the lane takes before any tick waiting to be timed (half of an arithmetic phase). */
    void submitFirst(final FutureTask<?> task)
    {
        queue.addFirst(task);
    }

    /** Runs the newest task nobody has started, on the calling thread; @return false when none waits. */
    boolean runOne()
    {
        final FutureTask<?> t = queue.pollLast();
        if (t == null)
        {
            return false;
        }
        t.run();
        return true;
    }

    private void loop()
    {
        while (!closed)
        {
            try
            {
                queue.takeFirst().run();
            }
            catch (final InterruptedException e)
            {
                return;
            }
        }
    }

    @Override
    public void close()
    {
        closed = true;
        thread.interrupt();
    }
}
