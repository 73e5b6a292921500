/**
 * The counted events, declared once: what the engine counts per tick and per core (SOPs, TDEC ops,
 * neuron updates, spikes, packets, hops, crossings, waits, saturations, accumulator updates, graded
 * payloads, …), each with its unit, its energy figure's spec key and its names in every output.
 * The tick log, the per-core sums, the result codec, the energy model's inputs, the JSON report, the
 * CSV columns, the HTML page and the text summary all read these declarations
 * ({@link io.csdsim.simulator.event.CountedEvents}); adding a counter is one declaration here and the
 * line in the engine that counts it.
 */
package io.csdsim.simulator.event;
