package io.csdsim.simulator.network;

import io.csdsim.isa.program.ChipProgram;

/**
 * A network without contention, for fast sweeps: a packet arrives after the latencies of its hops
 * along the dimension-order route — x hops, y hops, and a chip-to-chip link's latency for each chip
 * boundary it crosses — whatever other packets do. It is the mesh model with every link always free:
 * what it ignores is waiting for a busy link (no wait cycles, no link loads) and so every effect of
 * traffic on latency (docs/timing-model.md). Hops and crossings are counted as the mesh counts them.
 */
final class LatencyOnlyNetwork extends OnChipNetwork
{
    LatencyOnlyNetwork(final ChipProgram program)
    {
        super(program);
    }

    @Override
    public void startTick()
    {
        // No link state to clear.
    }

    @Override
    public long send(final int from, final int to, final long inject)
    {
        return inject + route(from, to);
    }

    @Override
    public int peakLinkLoad()
    {
        return 0;
    }
}
