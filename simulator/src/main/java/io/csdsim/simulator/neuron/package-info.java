/**
 * The chip's neuron models (docs/neuron-models.md): an abstract {@code NeuronKernel} that steps a
 * range of one population's units per call over state held in primitive arrays, one class per model
 * ({@code DifKernel}, {@code IfKernel}, {@code CubaLifKernel}) registered by name in
 * {@code NeuronKernels}, and {@code UnitActivity}, through which a kernel reports input and spikes.
 */
package io.csdsim.simulator.neuron;
