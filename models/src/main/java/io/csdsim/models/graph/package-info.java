/**
 * The float model as a graph of named nodes: the input, synaptic operations (convolutions, token-wise
 * linear layers, the two attention products, the readout) and the populations that sum them (DIF
 * neurons, TDEC max-pools). Activations are laid out token-major: element (y, x, c) of an H×W×C map
 * is at (y·W + x)·C + c, so a map is also a token matrix of H·W rows.
 */
package io.csdsim.models.graph;
