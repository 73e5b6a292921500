package io.csdsim.simulator.engine;

/**
 * Per neuron group (one per core), summed over a sample's ticks by one timing thread: synaptic ops,
 * dynamic ops, spikes fired, packets sent and busy cycles, each in its own named array.
 */
final class GroupSums
{
    final long[] sops;
    final long[] dynamicOps;
    final long[] spikes;
    final long[] packets;
    final long[] busyCycles;

    GroupSums(final int groups)
    {
        sops = new long[groups];
        dynamicOps = new long[groups];
        spikes = new long[groups];
        packets = new long[groups];
        busyCycles = new long[groups];
    }

    /** Adds another thread's sums (integer sums: the order of threads does not matter). */
    void add(final GroupSums o)
    {
        for (int g = 0; g < sops.length; g++)
        {
            sops[g] += o.sops[g];
            dynamicOps[g] += o.dynamicOps[g];
            spikes[g] += o.spikes[g];
            packets[g] += o.packets[g];
            busyCycles[g] += o.busyCycles[g];
        }
    }
}
