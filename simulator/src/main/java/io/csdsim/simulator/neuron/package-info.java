/**
 * The chip's neuron models (docs/neuron-models.md): an abstract {@code NeuronKernel} that steps a
 * range of one population's units per call over state held in primitive arrays, one class per model
 * ({@code DifKernel}, {@code IfKernel}, {@code CubaLifKernel}, {@code SpikeSourceKernel},
 * {@code AccumulatorKernel}) registered by name in {@code NeuronKernels}, the readout's accumulators
 * ({@code ReadoutKernel}), and {@code UnitActivity}, through which a kernel reports input and spikes.
 * Parameters are read through {@code isa.program.NeuronParameters}: the engine imports nothing of
 * {@code models} (DESIGN §1).
 */
package io.csdsim.simulator.neuron;
