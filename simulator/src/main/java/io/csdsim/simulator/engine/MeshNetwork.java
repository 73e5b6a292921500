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
    /**
     * Per link, in one long so a hop touches one word: the cycle it is next free, shifted left by
     * {@link #LOAD_BITS}, and the packets it carried this tick in the low bits.
     */
    private final long[] link;
    private static final int LOAD_BITS = 24;
    private static final long LOAD_MASK = (1L << LOAD_BITS) - 1;
    /** Cycles the link state holds, with room for a flit: 2^38, about 270 s at 1 GHz. */
    private static final long MAX_CYCLE = 1L << 38;
    /** Per core: its board coordinates; per board column and row: the latency of the hop leaving it in each direction. */
    private final int[] coreX;
    private final int[] coreY;
    private final long[] latRight;
    private final long[] latLeft;
    private final long[] latUp;
    private final long[] latDown;

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
        link = new long[width * height * 4];
        int cores = 0;
        for (final var g : program.groups())
        {
            cores = Math.max(cores, g.core() + 1);
        }
        coreX = new int[cores];
        coreY = new int[cores];
        for (int c = 0; c < cores; c++)
        {
            coreX[c] = program.meshX(c);
            coreY[c] = program.meshY(c);
        }
        latRight = new long[width];
        latLeft = new long[width];
        for (int x = 0; x < width; x++)
        {
            latRight[x] = (x + 1) % tilesX == 0 ? chipLink : hopX;
            latLeft[x] = x % tilesX == 0 ? chipLink : hopX;
        }
        latUp = new long[height];
        latDown = new long[height];
        for (int y = 0; y < height; y++)
        {
            latUp[y] = (y + 1) % tilesY == 0 ? chipLink : hopY;
            latDown[y] = y % tilesY == 0 ? chipLink : hopY;
        }
    }

    /**
     * A new tick: links are free from cycle 0; per-tick loads are cleared. Clearing every link (a few
     * hundred kB even for hundreds of chips) costs less per tick than tracking which ones a hop touched.
     */
    void startTick()
    {
        java.util.Arrays.fill(link, 0);
    }

    /** @return the most packets any link carried this tick. */
    int peakLinkLoad()
    {
        long max = 0;
        for (final long state : link)
        {
            max = Math.max(max, state & LOAD_MASK);
        }
        return (int)max;
    }

    /**
     * Sends one packet; @return the cycle it arrives. One loop per dimension, its direction chosen
     * once: each hop reads its link's word, waits for it, holds it and moves on, with nothing else
     * carried from hop to hop but the packet's time. What the walk does not need per hop follows
     * from the endpoints: dimension-order routing crosses each chip boundary between them once, so
     * the hops, the crossings and the latencies are counted per packet, and the packet's waiting is
     * its arrival less its injection and its latencies.
     */
    long send(final int fromCore, final int toCore, final long inject)
    {
        final long[] link = this.link;
        final long perFlit = this.perFlit;
        final int x0 = coreX[fromCore];
        final int y0 = coreY[fromCore];
        final int dx = coreX[toCore] - x0;
        final int dy = coreY[toCore] - y0;
        long t = inject;
        int l = (y0 * width + x0) * 4;
        final long[] latX = dx >= 0 ? latRight : latLeft;
        final int stepX = dx >= 0 ? 1 : -1;
        final int sideX = dx >= 0 ? 0 : 1;
        for (int k = Math.abs(dx), x = x0; k > 0; k--, x += stepX, l += 4 * stepX)
        {
            final long state = link[l + sideX];
            final long start = Math.max(t, state >>> LOAD_BITS);
            link[l + sideX] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
            t = start + latX[x];
        }
        final long[] latY = dy >= 0 ? latUp : latDown;
        final int stepY = dy >= 0 ? 1 : -1;
        final int sideY = dy >= 0 ? 2 : 3;
        final int row = 4 * width * stepY;
        for (int k = Math.abs(dy), y = y0; k > 0; k--, y += stepY, l += row)
        {
            final long state = link[l + sideY];
            final long start = Math.max(t, state >>> LOAD_BITS);
            link[l + sideY] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
            t = start + latY[y];
        }
        if (t >= MAX_CYCLE)
        {
            // Every link this packet took was free before t, so checking its arrival covers them all.
            throw new IllegalStateException("a tick longer than 2^38 cycles: the link state cannot hold it");
        }
        final int ax = Math.abs(dx);
        final int ay = Math.abs(dy);
        final int crossX = Math.abs(Math.floorDiv(x0 + dx, tilesX) - Math.floorDiv(x0, tilesX));
        final int crossY = Math.abs(Math.floorDiv(y0 + dy, tilesY) - Math.floorDiv(y0, tilesY));
        packets++;
        hopsX += ax;
        hopsY += ay;
        crossings += crossX + crossY;
        waitCycles += t - inject - ((ax - crossX) * hopX + (ay - crossY) * hopY + (crossX + crossY) * chipLink);
        return t;
    }
}
