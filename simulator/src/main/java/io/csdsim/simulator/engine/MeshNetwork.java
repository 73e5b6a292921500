package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * The network-on-chip of a board: a mesh of tiles per chip, chips on a grid ({@code Board}) joined
 * by chip-to-chip links. Packets go x first, then y (dimension-order routing); each hop waits until its
 * link is free, holds it for the link's cycles per flit, and takes the hop's latency (a chip-to-chip
 * link's when it crosses chips). Waiting is simulated: the caller sends packets in the order they
 * are injected, and earlier packets hold links first.
 */
final class MeshNetwork
{
    private final ChipProgram program;
    private final int width;
    private final int tilesX;
    private final int tilesY;
    private final long hopX;
    private final long hopY;
    private final long chipLink;
    private final long perFlit;
    private final long[] linkFree;
    private final int[] linkLoad;
    private final int[] touchedLinks;
    private int touched;

    long packets;
    long hopsX;
    long hopsY;
    long crossings;
    long waitCycles;

    MeshNetwork(final ChipProgram program)
    {
        this.program = program;
        final ChipSpec s = program.spec;
        tilesX = s.getInt(ChipField.MESH_TILES_X);
        tilesY = s.getInt(ChipField.MESH_TILES_Y);
        width = program.board().width();
        final int height = program.board().height();
        hopX = Math.round(s.get(ChipField.TIMING_HOP_X_CYCLES));
        hopY = Math.round(s.get(ChipField.TIMING_HOP_Y_CYCLES));
        chipLink = Math.round(s.get(ChipField.TIMING_CHIP_LINK_CYCLES));
        perFlit = Math.max(1, Math.round(s.get(ChipField.TIMING_LINK_CYCLES_PER_FLIT)));
        linkFree = new long[width * height * 4];
        linkLoad = new int[linkFree.length];
        touchedLinks = new int[linkFree.length];
    }

    /** A new tick: links are free from cycle 0; per-tick loads are cleared. */
    void startTick()
    {
        for (int i = 0; i < touched; i++)
        {
            linkFree[touchedLinks[i]] = 0;
            linkLoad[touchedLinks[i]] = 0;
        }
        touched = 0;
    }

    /** @return the most packets any link carried this tick. */
    int peakLinkLoad()
    {
        int max = 0;
        for (int i = 0; i < touched; i++)
        {
            max = Math.max(max, linkLoad[touchedLinks[i]]);
        }
        return max;
    }

    private long hop(final int link, final long t, final long latency)
    {
        if (linkLoad[link] == 0 && linkFree[link] == 0)
        {
            touchedLinks[touched++] = link;
        }
        final long start = Math.max(t, linkFree[link]);
        waitCycles += start - t;
        linkFree[link] = start + perFlit;
        linkLoad[link]++;
        return start + latency;
    }

    /** Sends one packet; @return the cycle it arrives. */
    long send(final int fromCore, final int toCore, final long inject)
    {
        packets++;
        int x = program.meshX(fromCore);
        int y = program.meshY(fromCore);
        final int tx = program.meshX(toCore);
        final int ty = program.meshY(toCore);
        long t = inject;
        while (x != tx)
        {
            final int step = tx > x ? 1 : -1;
            final boolean cross = Math.floorDiv(x, tilesX) != Math.floorDiv(x + step, tilesX);
            t = hop((y * width + x) * 4 + (step > 0 ? 0 : 1), t, cross ? chipLink : hopX);
            hopsX++;
            crossings += cross ? 1 : 0;
            x += step;
        }
        while (y != ty)
        {
            final int step = ty > y ? 1 : -1;
            final boolean cross = Math.floorDiv(y, tilesY) != Math.floorDiv(y + step, tilesY);
            t = hop((y * width + x) * 4 + (step > 0 ? 2 : 3), t, cross ? chipLink : hopY);
            hopsY++;
            crossings += cross ? 1 : 0;
            y += step;
        }
        return t;
    }
}
