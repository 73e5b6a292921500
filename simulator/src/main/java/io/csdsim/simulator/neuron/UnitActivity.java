package io.csdsim.simulator.neuron;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * What a kernel reports while it steps one chunk of a population in one tick: which units received
 * input and which fired. The engine reads it for spikes, spike counts and active updates per core
 * (a unit is active in a tick when it received input or fired; counted once). One per chunk, reused
 * every tick: nothing is allocated per spike.
 */
public final class UnitActivity
{
    private IntArrayList fired;
    /** Payloads of graded spikes, parallel to {@code fired}; null for a model of binary spikes. */
    private IntArrayList payloads;
    private int[] counts;
    private int[] lastActive;
    private int[] groupOf;
    private long[] active;
    private int tick;

    /** Points this at a population's per-unit arrays for tick t; fired units are appended to {@code fired}. */
    public void reset(final int t, final IntArrayList fired, final int[] counts, final int[] lastActive, final int[] groupOf,
        final long[] active)
    {
        this.tick = t;
        this.fired = fired;
        this.counts = counts;
        this.lastActive = lastActive;
        this.groupOf = groupOf;
        this.active = active;
        this.payloads = null;
    }

    /** As {@link #reset(int, IntArrayList, int[], int[], int[], long[])}, for graded spikes whose payloads go to {@code payloads}. */
    public void reset(final int t, final IntArrayList fired, final IntArrayList payloads, final int[] counts, final int[] lastActive,
        final int[] groupOf, final long[] active)
    {
        reset(t, fired, counts, lastActive, groupOf, active);
        this.payloads = payloads;
    }

    /**
     * Every unit of [lo, hi) is active this tick (a model whose every update counts, such as one with a
     * bias): counted once each, a run of one core's units at a time; later reports of these units this
     * tick are not counted again.
     */
    public void allActive(final int lo, final int hi)
    {
        java.util.Arrays.fill(lastActive, lo, hi, tick);
        int i = lo;
        while (i < hi)
        {
            final int g = groupOf[i];
            int j = i + 1;
            while (j < hi && groupOf[j] == g)
            {
                j++;
            }
            active[g] += j - i;
            i = j;
        }
    }

    /** Unit i received input this tick. */
    public void received(final int i)
    {
        lastActive[i] = tick;
        active[groupOf[i]]++;
    }

    /** Unit i fired this tick. */
    public void fired(final int i)
    {
        counts[i]++;
        fired.add(i);
        updated(i);
    }

    /** Unit i fired a graded spike carrying {@code payload}. */
    public void firedGraded(final int i, final int payload)
    {
        fired(i);
        payloads.add(payload);
    }

    /** Unit i's update counts as active this tick for a reason of its model's (a non-zero state): counted once. */
    public void updated(final int i)
    {
        if (lastActive[i] != tick)
        {
            lastActive[i] = tick;
            active[groupOf[i]]++;
        }
    }
}
