/**
 * What a program edge connects: the source units that feed a range of target units (receptive
 * fields of convolutions, tokens of dense tables, windows of max-pools, rows of the attention
 * products) as sets of index intervals, and the synapses that takes. Shared by the mapper, which
 * partitions and routes with it, and the simulator, which delivers spikes with it.
 */
package io.csdsim.isa.geometry;
