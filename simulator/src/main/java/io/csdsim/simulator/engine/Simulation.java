package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ProgramPopulation;

import java.util.List;

/**
 * Runs samples on one engine, in parallel over samples and, when there are fewer samples than
 * threads, over cores within each tick ({@link TickWorkers}). Each sample's result is the same
 * whatever the thread count (samples share nothing but the read-only program; within a tick each
 * thread owns whole cores), and results come back in sample order.
 */
public final class Simulation
{
    /** Workers of one thread own no threads and keep no state, so samples on other threads may share them. */
    private static final TickWorkers ONE_THREAD = new TickWorkers(1);

    private Simulation()
    {
    }

    /** @return the host's integer input values for 8-bit [H, W, C] pixels: pixel − the channel's zero point. */
    public static int[] encode(final ProgramPopulation input, final int[] pixels)
    {
        final long[] zero = input.bias();
        final int[] out = new int[pixels.length];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = pixels[i] - (zero == null ? 0 : (int)zero[i % zero.length]);
        }
        return out;
    }

    /** @return the threads {@link #run} actually uses for this many samples: samples in parallel, or one sample's threads. */
    public static int threadsUsed(final int threads, final int samples)
    {
        final int sampleThreads = Math.max(1, Math.min(threads, samples));
        return sampleThreads > 1 ? sampleThreads : Math.max(1, threads);
    }

    /**
     * Runs samples of spike trains ({@code spikes[sample][tick]} lists the spike-source units firing) as
     * {@link #run} runs images: samples in parallel, or one sample's cores, the same results either way.
     */
    public static List<SampleResult> runSpikes(final ChipEngine engine, final int[][][] spikes, final int threads, final Runnable tickDone)
    {
        return runSamples(spikes.length, threads, (i, workers) -> engine.runSpikes(spikes[i], false, workers, tickDone));
    }

    /** @param tickDone called after every tick of every sample, from the thread that ran it (may be null) */
    public static List<SampleResult> run(final ChipEngine engine, final int[][] pixels, final int threads, final Runnable tickDone)
    {
        final ProgramPopulation input = engine.program().populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.INPUT)
            .findFirst().orElseThrow();
        return runSamples(pixels.length, threads, (i, workers) -> engine.run(encode(input, pixels[i]), false, workers, tickDone));
    }

    /** One sample on the workers given. */
    @FunctionalInterface
    private interface Sample
    {
        SampleResult run(int i, TickWorkers workers);
    }

    /** Samples in parallel when there are several, else one sample's cores split over the threads. */
    private static List<SampleResult> runSamples(final int samples, final int threads, final Sample sample)
    {
        final int sampleThreads = Math.max(1, Math.min(threads, samples));
        final int coreThreads = Math.max(1, threads / sampleThreads);
        if (sampleThreads == 1)
        {
            try (TickWorkers workers = new TickWorkers(coreThreads))
            {
                return ParallelSamples.map(samples, 1, i -> sample.run(i, workers), null);
            }
        }
        return ParallelSamples.map(samples, sampleThreads, i -> sample.run(i, ONE_THREAD), null);
    }
}
