package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.simulator.neuron.NeuronKernel;
import io.csdsim.simulator.neuron.UnitActivity;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.List;

/**
 * The second half of a population's share of a tick: per chunk of its cores, in parallel when the
 * population is large enough, synaptic integration into the chunk's own units, membrane update and
 * firing; then the merge of the chunks' spikes and saturations in chunk order, so the result is the
 * same for any number of workers.
 */
final class ChunkedUpdate
{
    private final List<ProgramEdge> edges;
    private final List<ProgramPopulation> pops;
    private final List<SynapseTable> tables;
    private final int[][] groupOfUnit;
    private final int[] input;
    private final SampleSpikes spikes;
    private final PopulationStates state;
    private final TickWorkers workers;
    private final int parallelMinUnits;
    /** Per population: its chunks' unit bounds, on its groups' boundaries. */
    private final int[][] bounds;
    /** Per chunk: saturations and fired units (and their payloads) of the current update, merged in chunk order. */
    private final long[] chunkSaturations;
    private final IntArrayList[] chunkFired;
    private final IntArrayList[] chunkPayloads;
    private final UnitActivity[] chunkActivity;
    private final TickWorkers.ChunkTask task = this::updateChunk;
    /** The current update: population, tick, the edges with input this tick, whether it integrates and fires, the active counters. */
    private ProgramPopulation pop;
    private int tick;
    private IntArrayList phaseEdges;
    private boolean integrates;
    private boolean fires;
    private long[] active;

    ChunkedUpdate(final PreparedProgram model, final int[] input, final SampleSpikes spikes, final PopulationStates state,
        final TickWorkers workers, final int[][] bounds, final int parallelMinUnits)
    {
        this.edges = model.program.edges();
        this.pops = model.pops;
        this.tables = model.program.tables();
        this.groupOfUnit = model.groupOfUnit;
        this.input = input;
        this.spikes = spikes;
        this.state = state;
        this.workers = workers;
        this.bounds = bounds;
        this.parallelMinUnits = parallelMinUnits;
        final int chunks = workers.chunks();
        chunkSaturations = new long[chunks];
        chunkFired = new IntArrayList[chunks];
        chunkPayloads = new IntArrayList[chunks];
        chunkActivity = new UnitActivity[chunks];
        for (int c = 0; c < chunks; c++)
        {
            chunkFired[c] = new IntArrayList();
            chunkPayloads[c] = new IntArrayList();
            chunkActivity[c] = new UnitActivity();
        }
    }

    /**
     * Updates population p in tick t from the input of {@code withInput}'s edges.
     * @return the saturations
     */
    long update(final ProgramPopulation p, final int t, final IntArrayList withInput, final boolean integrate, final boolean fire,
        final long[] activeCounters)
    {
        pop = p;
        tick = t;
        phaseEdges = withInput;
        integrates = integrate;
        fires = fire;
        active = activeCounters;
        if (workers.chunks() > 1 && p.size() >= parallelMinUnits)
        {
            workers.run(task);
        }
        else
        {
            for (int c = 0; c < workers.chunks(); c++)
            {
                updateChunk(c);
            }
        }
        return merge(p.id(), t);
    }

    private long merge(final int id, final int t)
    {
        final IntArrayList out = spikes.trains[id] == null ? null : spikes.trains[id][t];
        final IntArrayList outPayloads = spikes.payloads[id] == null ? null : spikes.payloads[id][t];
        long saturations = 0;
        for (int c = 0; c < chunkFired.length; c++)
        {
            if (outPayloads != null && !chunkPayloads[c].isEmpty())
            {
                outPayloads.addAll(chunkPayloads[c]);
                chunkPayloads[c].clear();
            }
            saturations += chunkSaturations[c];
            chunkSaturations[c] = 0;
            if (!chunkFired[c].isEmpty())
            {
                if (out != null)
                {
                    out.addAll(chunkFired[c]);
                }
                chunkFired[c].clear();
            }
        }
        return saturations;
    }

    /** Integration, update and firing of the current update's units in chunk c; touches only those units. */
    private void updateChunk(final int c)
    {
        final int t = tick;
        final int id = pop.id();
        final int lo = bounds[id][c];
        final int hi = bounds[id][c + 1];
        if (lo >= hi)
        {
            return;
        }
        final long[] cur = state.pending[id];
        for (int k = 0; k < phaseEdges.size(); k++)
        {
            final ProgramEdge e = edges.get(phaseEdges.get(k));
            final int ts = t - e.delay();
            final long unit = 1L << e.shift();
            if (e.kind() == ProgramEdge.Kind.TABLE)
            {
                final SynapseTable table = tables.get(e.table());
                if (pops.get(e.sourceA()).kind() == ProgramPopulation.Kind.INPUT)
                {
                    for (int i = 0; i < input.length; i++)
                    {
                        if (input[i] != 0)
                        {
                            EngineTables.scatter(table, i, unit * input[i], cur, lo, hi);
                        }
                    }
                }
                else if (spikes.payloads[e.sourceA()] != null)
                {
                    // Graded spikes: each synapse adds its weight times the spike's payload.
                    final IntArrayList in = spikes.trains[e.sourceA()][ts];
                    final IntArrayList carried = spikes.payloads[e.sourceA()][ts];
                    for (int j = 0; j < in.size(); j++)
                    {
                        EngineTables.scatter(table, in.get(j), unit * carried.get(j), cur, lo, hi);
                    }
                }
                else
                {
                    final IntArrayList in = spikes.trains[e.sourceA()][ts];
                    for (int j = 0; j < in.size(); j++)
                    {
                        EngineTables.scatter(table, in.get(j), unit, cur, lo, hi);
                    }
                }
            }
            else
            {
                state.products[e.id()].accumulate(spikes.trains[e.sourceA()][ts], spikes.trains[e.sourceB()][ts], unit, cur, lo, hi);
            }
        }
        final NeuronKernel kernel = state.kernels[id];
        final UnitActivity activity = chunkActivity[c];
        final IntArrayList[] trains = spikes.trains[id];
        // One chunk: its fired units go straight into the tick's spike list (no copy, no clearing).
        final boolean direct = chunkFired.length == 1 && trains != null;
        final IntArrayList firedInto = direct ? trains[t] : chunkFired[c];
        if (spikes.payloads[id] != null)
        {
            activity.reset(t, firedInto, direct ? spikes.payloads[id][t] : chunkPayloads[c], state.counts[id], state.activeTick[id],
                groupOfUnit[id], active);
        }
        else
        {
            activity.reset(t, firedInto, state.counts[id], state.activeTick[id], groupOfUnit[id], active);
        }
        chunkSaturations[c] = kernel.step(t, cur, lo, hi, integrates, fires, activity);
    }
}
