/**
 * The cycle-level, event-driven engine (DESIGN §6): it runs a {@code ChipProgram} tick by tick and
 * sequences each tick's phases — synaptic integration and neuron updates ({@code ChipEngine}, which
 * asks each population's kernel from {@code simulator.neuron}), then dendrite partial sums, update
 * and firing cycles and spike emission with cycle timestamps ({@code TickTimer}, which asks the
 * core timing model from {@code simulator.timing} and the network from {@code simulator.network}).
 * It counts what every core did per tick ({@code TickLog}, {@code GroupSums}, each storing the events {@code simulator.event} declares), priced by the energy
 * model of {@code simulator.energy}. It knows neuron groups, synapse tables and routes, nothing of
 * transformers; the host's readout is {@code simulator.readout}'s.
 */
package io.csdsim.simulator.engine;
