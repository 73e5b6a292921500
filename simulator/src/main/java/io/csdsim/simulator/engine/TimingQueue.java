package io.csdsim.simulator.engine;

import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.timing.CoreTiming;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The timing phase of a sample's ticks and their log. The arithmetic of tick t fills a set of
 * per-group counters (SOPs, dynamic ops, active neurons); the set is timed — on the calling thread,
 * or on the workers' lane while the caller computes later ticks — and its row joins the log in tick
 * order. Sets are reused in turn (one per tick that may wait to be timed); timing clears a set when
 * done with it.
 */
final class TimingQueue
{
    /** Ticks whose counters may wait to be timed while the caller computes later ticks. */
    private static final int SETS_WITH_LANE = 4;

    private final TimingLane lane;
    private final long[][][] sets;
    private final Future<?>[] timed;
    /** Per set: the tick log row its timing produced. */
    private final TickRow[] rows;
    /** One per thread that times ticks: the caller's, and the lane's when there is one. */
    private final TickTimer callerTimer;
    private final TickTimer laneTimer;
    final TickLog log;

    TimingQueue(final PreparedProgram model, final CoreTiming timing, final EnergyModel energy, final int cores, final int ticks,
        final IntArrayList[][] trains, final TimingLane lane)
    {
        this.lane = lane;
        final int count = lane == null ? 1 : SETS_WITH_LANE;
        sets = new long[count][3][model.groups.size()];
        timed = new Future<?>[count];
        rows = new TickRow[count];
        callerTimer = new TickTimer(model.program, model, timing, trains);
        laneTimer = lane == null ? null : new TickTimer(model.program, model, timing, trains);
        log = new TickLog(energy, cores, ticks);
    }

    /** @return tick t's counters — SOPs, dynamic ops, active neurons per group — once their set is free. */
    long[][] counters(final int t)
    {
        final int set = t % sets.length;
        await(set);
        return sets[set];
    }

    /** Times tick t from its counters (and its saturations), now or on the lane. */
    void time(final int t, final long saturations)
    {
        final int set = t % sets.length;
        final long[][] c = sets[set];
        if (lane == null)
        {
            rows[set] = callerTimer.time(t, c[0], c[1], c[2], saturations);
            log.add(rows[set]);
            return;
        }
        final FutureTask<Void> task = new FutureTask<>(
            () -> rows[set] = (lane.isLaneThread() ? laneTimer : callerTimer).time(t, c[0], c[1], c[2], saturations), null);
        timed[set] = task;
        lane.submit(task);
    }

    /** Waits for the last ticks of a sample of {@code ticks} ticks to be timed and logged. */
    void drain(final int ticks)
    {
        for (int t = Math.max(0, ticks - sets.length); t < ticks; t++)
        {
            await(t % sets.length);
        }
    }

    /** @return the per-group sums over the sample, once drained. */
    GroupSums perGroup()
    {
        return callerTimer.perGroup(laneTimer);
    }

    /** @return per router, the packets the links leaving it carried over the sample; null unless recorded. */
    long[] routerLinkLoads()
    {
        final long[] links = callerTimer.routerLinkLoads();
        if (links != null && laneTimer != null)
        {
            final long[] other = laneTimer.routerLinkLoads();
            for (int k = 0; k < links.length; k++)
            {
                links[k] += other[k];
            }
        }
        return links;
    }

    /**
     * Waits until a set is timed — running, meanwhile, ticks nobody has started — and adds its row to
     * the log. Called in tick order, so the log is too.
     */
    private void await(final int set)
    {
        final Future<?> f = timed[set];
        if (f == null)
        {
            return;
        }
        timed[set] = null;
        while (!f.isDone() && lane.runOne())
        {
            // The caller times a later tick instead of waiting for this one.
        }
        ParallelSamples.join(f);
        log.add(rows[set]);
    }
}
