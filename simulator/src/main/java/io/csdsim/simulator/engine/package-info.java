/**
 * The cycle-level, event-driven engine (DESIGN §6): it runs a {@code ChipProgram} tick by tick.
 * {@code ChipEngine} is the entry; a {@code SampleRun} sequences one sample's ticks in phases, each
 * its own object with a few fields: the operations a tick's spikes cost each receiving core
 * ({@code OperationCounter}), the chunked integration, update and firing of a population's units
 * ({@code ChunkedUpdate}, which asks each population's kernel from {@code simulator.neuron}), and the
 * timing of the tick ({@code TimingQueue} over {@code TickTimer}: dendrite partial sums, update and
 * firing cycles and spike emission with cycle timestamps, asking the core timing model of
 * {@code simulator.timing} and the network of {@code simulator.network}). The sample's state is
 * {@code SampleSpikes} and {@code PopulationStates}; the program made ready to run is
 * {@code PreparedProgram}. What every core did per tick is counted in {@code TickLog} and
 * {@code GroupSums}, each storing the events {@code simulator.event} declares, priced by the energy
 * model of {@code simulator.energy}. It knows neuron groups, synapse tables and routes, nothing of
 * transformers; the host's readout is {@code simulator.readout}'s.
 */
package io.csdsim.simulator.engine;
