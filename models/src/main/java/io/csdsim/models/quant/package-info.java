/**
 * The integer network of DESIGN §2 and the one rule that makes it from a float model: per-projection
 * weight mantissas m·2^e, integer thresholds, initial potentials and biases, with the attention
 * factors folded into thresholds. Every executor, the mapper and the simulator use this one network.
 */
package io.csdsim.models.quant;
