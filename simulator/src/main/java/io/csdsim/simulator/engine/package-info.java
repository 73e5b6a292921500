/**
 * The cycle-level, event-driven engine (DESIGN §6): it runs a {@code ChipProgram} tick by tick —
 * per core synaptic integration, dendrite partial sums, neuron updates and spike emission, each
 * with cycle timestamps — over a mesh network with dimension-order routing, per-hop latency and
 * link contention, and counts what every core and population did. It knows neuron groups, synapse
 * tables and routes, nothing of transformers.
 */
package io.csdsim.simulator.engine;
