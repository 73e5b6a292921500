package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * A network without contention, for fast sweeps: a packet arrives after the latencies of its hops
 * along the dimension-order route — x hops, y hops, and a chip-to-chip link's latency for each chip
 * boundary it crosses — whatever other packets do. It is the mesh model with every link always free:
 * what it ignores is waiting for a busy link (no wait cycles, no link loads) and so every effect of
 * traffic on latency (docs/timing-model.md). Hops and crossings are counted as the mesh counts them.
 */
final class LatencyOnlyNetwork extends Network
{
    private final long hopX;
    private final long hopY;
    private final long chipLink;
    private final int tilesX;
    private final int tilesY;

    LatencyOnlyNetwork(final ChipProgram program)
    {
        final ChipSpec s = program.spec;
        hopX = Math.round(s.get(ChipField.TIMING_HOP_X_CYCLES));
        hopY = Math.round(s.get(ChipField.TIMING_HOP_Y_CYCLES));
        chipLink = Math.round(s.get(ChipField.TIMING_CHIP_LINK_CYCLES));
        tilesX = s.getInt(ChipField.MESH_TILES_X);
        tilesY = s.getInt(ChipField.MESH_TILES_Y);
    }

    @Override
    void startTick()
    {
        // No link state to clear.
    }

    @Override
    long send(final int from, final int to, final long inject)
    {
        final int x0 = from >>> 16;
        final int y0 = from & 0xFFFF;
        final int tx = to >>> 16;
        final int ty = to & 0xFFFF;
        final int ax = Math.abs(tx - x0);
        final int ay = Math.abs(ty - y0);
        final int crossX = Math.abs(tx / tilesX - x0 / tilesX);
        final int crossY = Math.abs(ty / tilesY - y0 / tilesY);
        packets++;
        hopsX += ax;
        hopsY += ay;
        crossings += crossX + crossY;
        return inject + (ax - crossX) * hopX + (ay - crossY) * hopY + (crossX + crossY) * chipLink;
    }

    @Override
    int peakLinkLoad()
    {
        return 0;
    }
}
