/**
 * The oracles of DESIGN §4 and the float model they are measured against: {@code QuantizedReference}
 * (3.1 layer by layer, no time), {@code FunctionalSpiking} (3.2–3.6 tick by tick under a
 * {@code Schedule}, no chip), and {@code FloatReference} (the quantized ANN in floating point).
 */
package io.csdsim.models.reference;
