package io.csdsim.library;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.models.InputLimits;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;
import io.csdsim.simulator.engine.TickWorkers;

import java.util.List;
import java.util.Locale;

/**
 * The samples a run feeds a program: images as its input population takes them (8-bit pixels, one
 * {@code int[]} each) with their labels, or spike trains ({@code trains[sample][tick]}: the
 * spike-source units that fire) for a network whose input is a spike source.
 */
public final class Samples
{
    /** Images as the input population takes them, or null. */
    public final int[][] pixels;
    /** Spike trains per sample and tick, or null. */
    public final int[][][] trains;
    /** Labels, or null. */
    public final int[] labels;
    /** A line for the user about which samples were taken (empty for none). */
    public final String note;

    private Samples(final int[][] pixels, final int[][][] trains, final int[] labels, final String note)
    {
        this.pixels = pixels;
        this.trains = trains;
        this.labels = labels;
        this.note = note;
    }

    /** @return images and their labels (null when unknown). */
    public static Samples images(final int[][] pixels, final int[] labels, final String note)
    {
        return new Samples(pixels, null, labels, note);
    }

    /** @return spike-train samples. */
    public static Samples spikes(final int[][][] trains)
    {
        return new Samples(null, trains, null, "");
    }

    public int count()
    {
        return trains != null ? trains.length : pixels.length;
    }

    /** @return the first sample run again on one thread with its spike trains kept (for a raster); the same spikes as in the run. */
    public SampleResult firstWithTrains(final ChipEngine engine)
    {
        try (TickWorkers one = new TickWorkers(1))
        {
            if (trains != null)
            {
                return engine.runSpikes(trains[0], true, one, null);
            }
            final ProgramPopulation input = engine.program().populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.INPUT)
                .findFirst().orElseThrow();
            return engine.run(Simulation.encode(input, pixels[0]), true, one, null);
        }
    }

    /** @return the results of every sample on the engine, samples or each tick's cores over {@code threads}; {@code tickDone} may be null. */
    public List<SampleResult> run(final ChipEngine engine, final int threads, final Runnable tickDone)
    {
        return trains != null ? Simulation.runSpikes(engine, trains, threads, tickDone) : Simulation.run(engine, pixels, threads, tickDone);
    }

    /**
     * Refuses, in one line and before any tick, a run whose samples in flight would not fit the heap
     * with their spike lists: one list per spiking population and tick (about 32 bytes empty).
     */
    public void requireHeap(final ChipProgram program, final int inFlight)
    {
        final long spiking = program.populations().stream().filter(p -> p.kind().isSpiking()).count();
        final long ticks = ChipEngine.ticksPerSample(program);
        InputLimits.requireHeap(program.name, String.format(Locale.ROOT, "%d sample(s) in flight of %,d ticks × %,d spiking "
            + "populations", inFlight, ticks, spiking), inFlight * spiking * ticks * 32, "fewer --timesteps, or --threads 1");
    }
}
