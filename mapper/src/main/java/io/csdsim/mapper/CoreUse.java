package io.csdsim.mapper;

/**
 * What one neuron group takes of its core: neurons (compartments), input axons, output routing
 * entries, synapse memory in bits, and TDEC units.
 */
record CoreUse(long neurons, long axons, long routes, long synapseBits, long tdec)
{
}
