/**
 * The chip program (DESIGN §5): what the mapper emits and the simulator runs. Populations with their
 * integer parameters and firing windows, synapse tables stored once and referenced by the edges that
 * use them, neuron groups placed on cores, and the routes between groups; its binary form
 * ({@code .csdx}: sections, little-endian, a CRC per section) and its text listing, which round-trip.
 */
package io.csdsim.isa.program;
