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
    /** Per core: its board coordinates; per board column and row: the latency of the hop leaving it in each direction, and whether that hop crosses chips. */
    private final int[] coreX;
    private final int[] coreY;
    /** Marks a hop over a chip-to-chip link in the latency tables; latencies stay below it. */
    private static final long CROSS = 1L << 40;
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
            latRight[x] = (x + 1) % tilesX == 0 ? CROSS | chipLink : hopX;
            latLeft[x] = x % tilesX == 0 ? CROSS | chipLink : hopX;
        }
        latUp = new long[height];
        latDown = new long[height];
        for (int y = 0; y < height; y++)
        {
            latUp[y] = (y + 1) % tilesY == 0 ? CROSS | chipLink : hopY;
            latDown[y] = y % tilesY == 0 ? CROSS | chipLink : hopY;
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
     * Sends one packet; @return the cycle it arrives. A hop's latency table marks a chip-to-chip
     * link with the {@link #CROSS} bit, so one lookup tells both the latency and the crossing. The
     * walk keeps its running sums in locals: a field updated per hop would chain every hop through
     * memory. The packet's waiting is what its arrival has beyond its injection and its latencies.
     */
    long send(final int fromCore, final int toCore, final long inject)
    {
        final long[] link = this.link;
        final long perFlit = this.perFlit;
        final int x0 = coreX[fromCore];
        final int y0 = coreY[fromCore];
        final int tx = coreX[toCore];
        final int ty = coreY[toCore];
        long t = inject;
        long latencies = 0;
        int l = (y0 * width + x0) * 4;
        for (int x = x0; x < tx; x++, l += 4)
        {
            final long lat = latRight[x];
            final long state = link[l];
            final long start = Math.max(t, state >>> LOAD_BITS);
            link[l] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
            latencies += lat;
            t = start + (lat & (CROSS - 1));
        }
        for (int x = x0; x > tx; x--, l -= 4)
        {
            final long lat = latLeft[x];
            final long state = link[l + 1];
            final long start = Math.max(t, state >>> LOAD_BITS);
            link[l + 1] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
            latencies += lat;
            t = start + (lat & (CROSS - 1));
        }
        final int row = 4 * width;
        for (int y = y0; y < ty; y++, l += row)
        {
            final long lat = latUp[y];
            final long state = link[l + 2];
            final long start = Math.max(t, state >>> LOAD_BITS);
            link[l + 2] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
            latencies += lat;
            t = start + (lat & (CROSS - 1));
        }
        for (int y = y0; y > ty; y--, l -= row)
        {
            final long lat = latDown[y];
            final long state = link[l + 3];
            final long start = Math.max(t, state >>> LOAD_BITS);
            link[l + 3] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
            latencies += lat;
            t = start + (lat & (CROSS - 1));
        }
        if (t >= MAX_CYCLE)
        {
            // Every link this packet took was free before t, so checking its arrival covers them all.
            throw new IllegalStateException("a tick longer than 2^38 cycles: the link state cannot hold it");
        }
        // Each hop added its latency with the CROSS bit above it: the high bits count the crossings.
        final long crossed = latencies >>> 40;
        packets++;
        hopsX += Math.abs(tx - x0);
        hopsY += Math.abs(ty - y0);
        crossings += crossed;
        waitCycles += t - inject - (latencies & (CROSS - 1));
        return t;
    }
}
