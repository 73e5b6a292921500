package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.simulator.neuron.NeuronKernel;
import io.csdsim.simulator.neuron.NeuronKernels;
import io.csdsim.simulator.neuron.ReadoutKernel;

import java.util.Arrays;

/**
 * The state of one sample's units, per population, as primitive arrays: the synaptic input pending
 * for the next update, spike counts, each unit's last active tick, the neuron kernels (which hold
 * membranes), the max-pool banks and the product banks of the dynamic edges.
 */
final class PopulationStates
{
    /** Per population: each unit's summed input not yet integrated (neurons and readouts). */
    final long[][] pending;
    /** Per population: each unit's spike count (the input stage's values for the input population). */
    final int[][] counts;
    /** Per population and unit: the last tick it received input or fired (an active update); -1 before. */
    final int[][] activeTick;
    /** Per population of neurons or readout accumulators: its kernel, which holds the units' state. */
    final NeuronKernel[] kernels;
    final MaxPoolBank[] pools;
    /** Per TDEC product edge: its unit bank. */
    final ProductBank[] products;

    PopulationStates(final PreparedProgram model, final int[] input, final int ticks, final SampleSpikes spikes)
    {
        final ChipProgram program = model.program;
        final int np = model.pops.size();
        pending = new long[np][];
        counts = new int[np][];
        activeTick = new int[np][];
        kernels = new NeuronKernel[np];
        pools = new MaxPoolBank[np];
        products = new ProductBank[program.edges().size()];
        for (final ProgramPopulation p : model.pops)
        {
            final int id = p.id();
            switch (p.kind())
            {
                case INPUT -> counts[id] = input;
                case DIF, NEURONS, ACCUMULATOR -> {
                    pending[id] = new long[p.size()];
                    kernels[id] = NeuronKernels.create(program, p);
                    activeTick[id] = new int[p.size()];
                    Arrays.fill(activeTick[id], -1);
                    if (p.kind() != ProgramPopulation.Kind.ACCUMULATOR)
                    {
                        counts[id] = new int[p.size()];
                        spikes.keep(id, ticks, kernels[id].graded());
                    }
                }
                case TDEC_MAXPOOL -> {
                    spikes.keep(id, ticks, false);
                    final ProgramEdge pool = model.incoming.get(id).get(0);
                    final ProgramPopulation src = model.pops.get(pool.sourceA());
                    pools[id] = new MaxPoolBank(src.shape()[0], src.shape()[1], src.shape()[2], pool.pool());
                    counts[id] = pools[id].outputCounts();
                }
                default -> { }
            }
        }
        for (final ProgramEdge e : program.edges())
        {
            if (e.kind() == ProgramEdge.Kind.TDEC_PRODUCT)
            {
                products[e.id()] = new ProductBank(e.product());
            }
        }
    }

    /** @return per population, the readout accumulators' values (null where the population is no readout). */
    long[][] readouts()
    {
        final long[][] values = new long[kernels.length][];
        for (int p = 0; p < kernels.length; p++)
        {
            values[p] = kernels[p] instanceof ReadoutKernel r ? r.values() : null;
        }
        return values;
    }
}
