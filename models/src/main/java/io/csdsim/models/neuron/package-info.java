/**
 * Neuron models as functional references: one class per model (dif, if, cuba-lif), each stepping
 * one unit tick by tick with the exact integer semantics of docs/neuron-models.md, chosen by name
 * through {@link io.csdsim.models.neuron.NeuronModels}. They are the oracles the chip's neuron
 * kernels are held to.
 */
package io.csdsim.models.neuron;
