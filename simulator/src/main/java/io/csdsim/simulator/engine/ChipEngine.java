package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.timing.CoreTiming;

import java.util.List;

/**
 * Runs a chip program, one sample at a time, tick by tick. Each tick has four phases with cycle
 * timestamps: (1) every core integrates the spikes delivered to it — synaptic operations of its
 * tables, dynamic operations of its TDEC units; (2) dendrites send their partial currents to their
 * somas over the network; (3) every core updates its neurons, which fire within their windows;
 * (4) spikes leave as packets, through relays where the program has them. The tick ends when every
 * core is done and the network has drained, plus the barrier. Spikes of tick t are integrated in
 * tick t + delay. The arithmetic is the integer network's, so spike trains equal FunctionalSpiking's
 * under the program's schedule (DESIGN §4, invariant 2).
 */
public final class ChipEngine
{
    private final PreparedProgram model;
    private final ChipProgram program;
    private final List<ProgramPopulation> pops;
    private final CoreTiming timing;
    private final EnergyModel energy;
    /** Cores the program occupies (a core may hold more than one group). */
    private final int cores;
    private final int parallelMinUnits;
    /** The population a sample's spike trains are injected into, or -1 (docs/neuron-models.md, spike-source). */
    private final int stimulusPopulation;

    public ChipEngine(final ChipProgram program)
    {
        this(program, PARALLEL_MIN_UNITS);
    }

    /**
     * @param parallelMinUnits populations with fewer units are updated on one thread even when
     *     workers are given (tests set 1 to send every population through the parallel path)
     */
    public ChipEngine(final ChipProgram program, final int parallelMinUnits)
    {
        this.parallelMinUnits = parallelMinUnits;
        this.program = program;
        this.model = new PreparedProgram(program);
        this.pops = program.populations();
        final ChipSpec s = program.spec;
        timing = CoreTiming.of(s);
        energy = EnergyModel.of(s);
        cores = program.occupiedCores();
        // The first spike source: the model has found them (each kernel is made once per population).
        int source = -1;
        for (int p = pops.size() - 1; p >= 0; p--)
        {
            source = model.spikeSource[p] ? p : source;
        }
        stimulusPopulation = source;
    }

    public ChipProgram program()
    {
        return program;
    }

    /** Populations smaller than this integrate on one thread: a phase hand-off costs more than they do. */
    private static final int PARALLEL_MIN_UNITS = 4096;
    private int[][] chunkBounds;
    private int chunkCount;

    /**
     * Per population, k chunks of its units that start and end on its neuron groups' boundaries (so
     * no core is split between threads), balanced by units.
     */
    private synchronized int[][] chunkBounds(final int k)
    {
        if (chunkBounds != null && chunkCount == k)
        {
            return chunkBounds;
        }
        final int[][] bounds = new int[pops.size()][];
        final int[][] groupOf = model.groupOfUnit;
        for (final ProgramPopulation p : pops)
        {
            final int size = p.size();
            final int[] b = new int[k + 1];
            b[k] = size;
            final int[] of = groupOf[p.id()];
            int at = 0;
            for (int j = 1; j < k; j++)
            {
                at = Math.max(at, (int)((long)size * j / k));
                while (of != null && at > 0 && at < size && of[at] == of[at - 1])
                {
                    at++;
                }
                b[j] = Math.min(at, size);
            }
            bounds[p.id()] = b;
        }
        chunkBounds = bounds;
        chunkCount = k;
        return bounds;
    }

    /**
     * Makes every sample run from now on add up, per router, the packets the links leaving it carry
     * ({@link SampleResult#routerLinkLoads}); off by default, since it costs a pass over the links per tick.
     */
    public void recordLinkLoads()
    {
        model.recordLinkLoads = true;
    }

    /** @return ticks one sample takes: every window closed and every spike delivered. */
    public int ticksPerSample()
    {
        return ticksPerSample(program);
    }

    /** @return ticks one sample of the program takes, without building an engine. */
    public static int ticksPerSample(final ChipProgram program)
    {
        int ticks = program.outputReadyTick;
        for (final ProgramEdge e : program.edges())
        {
            final ProgramPopulation src = program.populations().get(e.sourceA());
            ticks = Math.max(ticks, src.windowStart() + program.timeWindow + e.delay());
        }
        return ticks;
    }

    /**
     * @return the population a sample's spike trains go into — the first spike source — or -1, without
     * building an engine (a driver that ships its program to a cluster builds none).
     */
    public static int stimulusPopulation(final ChipProgram program)
    {
        for (final ProgramPopulation p : program.populations())
        {
            if (io.csdsim.simulator.neuron.NeuronKernels.takesStimulus(program, p))
            {
                return p.id();
            }
        }
        return -1;
    }

    /** Runs one sample given as the input population's integer values, on the calling thread. */
    public SampleResult run(final int[] input, final boolean keepTrains)
    {
        try (TickWorkers one = new TickWorkers(1))
        {
            return run(input, keepTrains, one);
        }
    }

    /**
     * Runs one sample with the tick's integration and neuron updates shared by {@code workers}, each
     * on whole cores; the result is the same for any number of workers.
     */
    public SampleResult run(final int[] input, final boolean keepTrains, final TickWorkers workers)
    {
        return run(input, keepTrains, workers, null);
    }

    /** As {@link #run(int[], boolean, TickWorkers)}, calling {@code tickDone} (when not null) after every tick. */
    public SampleResult run(final int[] input, final boolean keepTrains, final TickWorkers workers, final Runnable tickDone)
    {
        return sample(input, null, workers).execute(keepTrains, tickDone);
    }

    /**
     * Runs one sample of a network whose input is spike trains: {@code spikes[t]} lists the units of the
     * spike-source population that fire in tick t (ticks past the array's end are silent); the host
     * injects them, and the sources fire them on the chip.
     */
    public SampleResult runSpikes(final int[][] spikes, final boolean keepTrains, final TickWorkers workers, final Runnable tickDone)
    {
        return sample(null, spikes, workers).execute(keepTrains, tickDone);
    }

    /** @return the spike-source population that takes a sample's spike trains, or -1 when the program has none. */
    public int stimulusPopulation()
    {
        return stimulusPopulation;
    }

    private SampleRun sample(final int[] input, final int[][] stimulus, final TickWorkers workers)
    {
        return new SampleRun(model, timing, energy, cores, input, stimulus, stimulusPopulation, workers, chunkBounds(workers.chunks()),
            parallelMinUnits);
    }
}
