/**
 * What the host does with a sample after the chip's last tick: CSDformer's classifier over the
 * readout accumulators ({@code HostReadout}). The engine knows nothing of it.
 */
package io.csdsim.simulator.readout;
