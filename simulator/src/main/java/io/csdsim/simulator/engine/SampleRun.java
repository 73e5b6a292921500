package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.neuron.NeuronKernel;
import io.csdsim.simulator.timing.CoreTiming;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * One sample, tick by tick, in the phases of {@link ChipEngine}: per population in order, the
 * operations its input costs each core ({@link OperationCounter}) and its chunked update
 * ({@link ChunkedUpdate}), max-pool banks in their sources' ticks; then the tick's timing
 * ({@link TimingQueue}). The state lives in {@link SampleSpikes} and {@link PopulationStates}.
 */
final class SampleRun
{
    private final PreparedProgram model;
    /** Spike-train input: per tick, the spike-source units that fire; null for a program fed values. */
    private final int[][] stimulus;
    private final int stimulusPopulation;
    private final int ticks;
    private final SampleSpikes spikes;
    private final PopulationStates state;
    private final OperationCounter operations;
    private final ChunkedUpdate update;
    private final TimingQueue timing;
    /** The edges that bring the current population input this tick. */
    private final IntArrayList withInput = new IntArrayList();
    private long saturations;

    SampleRun(final PreparedProgram model, final CoreTiming coreTiming, final EnergyModel energy, final int cores, final int[] input,
        final int[][] stimulus, final int stimulusPopulation, final TickWorkers workers, final int[][] bounds, final int parallelMinUnits)
    {
        this.model = model;
        this.stimulus = stimulus;
        this.stimulusPopulation = stimulusPopulation;
        if ((stimulus == null) != (stimulusPopulation < 0))
        {
            throw new IllegalArgumentException(stimulusPopulation < 0 ? "the program has no spike-source population for spike trains"
                : "the program's input is spike trains into '" + model.pops.get(stimulusPopulation).name() + "'");
        }
        ticks = ChipEngine.ticksPerSample(model.program);
        spikes = new SampleSpikes(model.pops.size());
        state = new PopulationStates(model, input, ticks, spikes);
        operations = new OperationCounter(model);
        update = new ChunkedUpdate(model, input, spikes, state, workers, bounds, parallelMinUnits);
        timing = new TimingQueue(model, coreTiming, energy, cores, ticks, spikes.trains, workers.lane());
    }

    SampleResult execute(final boolean keepTrains, final Runnable tickDone)
    {
        for (int t = 0; t < ticks; t++)
        {
            tick(t);
            if (tickDone != null)
            {
                tickDone.run();
            }
        }
        timing.drain(ticks);
        return new SampleResult(new SampleResult.Populations(state.counts, state.readouts(), operations.populationSops,
            keepTrains ? spikes.trains : null), saturations, model.inputMacs, timing.log, timing.perGroup(), timing.routerLinkLoads());
    }

    private void tick(final int t)
    {
        spikes.open(t);
        final long[][] counters = timing.counters(t);
        long tickSaturations = 0;
        for (final ProgramPopulation p : model.pops)
        {
            switch (p.kind())
            {
                case DIF, NEURONS, ACCUMULATOR -> tickSaturations += integrateAndUpdate(p, t, counters);
                case TDEC_MAXPOOL -> {
                    final ProgramEdge e = model.incoming.get(p.id()).get(0);
                    final IntArrayList in = spikes.trains[e.sourceA()][t];
                    if (!in.isEmpty())
                    {
                        operations.count(e, in, false, counters[1], false);
                        state.pools[p.id()].tick(in, spikes.trains[p.id()][t]);
                    }
                }
                default -> { }
            }
        }
        saturations += tickSaturations;
        timing.time(t, tickSaturations);
    }

    /**
     * One population's share of a tick. Serially: which edges bring input, the operations they
     * cost each core, the product units' new b counts. Then the chunked update. @return its saturations
     */
    private long integrateAndUpdate(final ProgramPopulation p, final int t, final long[][] counters)
    {
        final int id = p.id();
        final long[] sops = counters[0];
        final long[] dyn = counters[1];
        withInput.clear();
        for (final ProgramEdge e : model.incoming.get(id))
        {
            final int ts = t - e.delay();
            if (ts < 0)
            {
                continue;
            }
            final ProgramPopulation src = model.pops.get(e.sourceA());
            if (e.kind() == ProgramEdge.Kind.TABLE)
            {
                if (src.kind() == ProgramPopulation.Kind.INPUT)
                {
                    if (ts == src.windowStart())
                    {
                        withInput.add(e.id());
                        timing.log.inputStage(t, model.inputMacs);
                    }
                    continue;
                }
                final IntArrayList in = spikes.trains[src.id()][ts];
                if (!in.isEmpty())
                {
                    operations.count(e, in, false, sops, true);
                    withInput.add(e.id());
                }
            }
            else
            {
                final IntArrayList a = spikes.trains[e.sourceA()][ts];
                final IntArrayList b = spikes.trains[e.sourceB()][ts];
                if (!a.isEmpty() || !b.isEmpty())
                {
                    operations.count(e, a, false, dyn, false);
                    operations.count(e, b, true, dyn, false);
                    state.products[e.id()].addB(b);
                    withInput.add(e.id());
                }
            }
        }
        boolean integrates = !withInput.isEmpty();
        if (id == stimulusPopulation && t < stimulus.length && stimulus[t].length > 0)
        {
            final long[] cur = state.pending[id];
            for (final int u : stimulus[t])
            {
                cur[u]++;
            }
            integrates = true;
        }
        final NeuronKernel kernel = state.kernels[id];
        final boolean fires = kernel.mayFire(t);
        if (!integrates && !fires && !kernel.stepsEveryTick())
        {
            return 0;
        }
        final long sat = update.update(p, t, withInput, integrates, fires, counters[2]);
        for (int k = 0; k < withInput.size(); k++)
        {
            final ProgramEdge e = model.program.edges().get(withInput.get(k));
            if (e.kind() != ProgramEdge.Kind.TABLE)
            {
                state.products[e.id()].addA(spikes.trains[e.sourceA()][t - e.delay()]);
            }
        }
        return sat;
    }
}
