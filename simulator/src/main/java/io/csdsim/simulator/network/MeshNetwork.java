package io.csdsim.simulator.network;

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
final class MeshNetwork extends OnChipNetwork
{
    private final int width;
    private final long perFlit;
    /**
     * Per link, in one long so a hop touches one word: the cycle it is next free, shifted left by
     * {@link #LOAD_BITS}, and the packets it carried this tick in the low bits. One array per
     * direction, laid out along it — x links row by row, y links column by column — so that a
     * packet's hops read consecutive words.
     */
    private final long[] right;
    private final long[] left;
    private final long[] up;
    private final long[] down;
    private final int height;
    private static final int LOAD_BITS = 24;
    private static final long LOAD_MASK = (1L << LOAD_BITS) - 1;
    /** Cycles the link state holds, with room for a flit: 2^38, about 270 s at 1 GHz. */
    private static final long MAX_CYCLE = 1L << 38;
    /** Per board column and row: the latency of the hop leaving it in each direction. */
    private final long[] latRight;
    private final long[] latLeft;
    private final long[] latUp;
    private final long[] latDown;

    MeshNetwork(final ChipProgram program)
    {
        super(program);
        final ChipSpec s = program.spec;
        final int tilesX = s.getInt(ChipField.MESH_TILES_X);
        final int tilesY = s.getInt(ChipField.MESH_TILES_Y);
        width = program.board().width();
        final int height = program.board().height();
        perFlit = Math.max(1, Math.round(s.get(ChipField.TIMING_LINK_CYCLES_PER_FLIT)));
        this.height = height;
        right = new long[width * height];
        left = new long[width * height];
        up = new long[width * height];
        down = new long[width * height];
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
     * A new tick: links are free from cycle 0; per-tick loads are cleared. Clearing every link (215 kB
     * for 4-384's 207 chips, 13 MB for 8-768's 12,730) costs less per tick than tracking which ones a
     * hop touched.
     */
    @Override
    public void startTick()
    {
        java.util.Arrays.fill(right, 0);
        java.util.Arrays.fill(left, 0);
        java.util.Arrays.fill(up, 0);
        java.util.Arrays.fill(down, 0);
        tickPeak = 0;
    }

    /**
     * Hops over n consecutive links of one direction, from word l0 and latency entry at0, each moving
     * by its step: each hop waits for its link, holds it for a flit and adds its latency. @return the
     * time the packet arrives past the last.
     */
    private long walk(final long[] links, final int l0, final int step, final long[] latency, final int at0, final int latStep,
        final int n, final long t0, final long perFlit)
    {
        long t = t0;
        long peak = tickPeak;
        long latencies = 0;
        for (int k = 0, l = l0, at = at0; k < n; k++, l += step, at += latStep)
        {
            final long state = links[l];
            final long start = Math.max(t, state >>> LOAD_BITS);
            final long load = (state & LOAD_MASK) + 1;
            links[l] = (start + perFlit) << LOAD_BITS | load;
            if (load > peak)
            {
                peak = load;
            }
            final long hop = latency[at];
            latencies += hop;
            t = start + hop;
        }
        tickPeak = peak;
        // What the hops took beyond their latencies is what they waited for their links.
        waitCycles += t - t0 - latencies;
        return t;
    }

    /** The most packets one link has carried this tick: kept as the hops are walked, not found by a scan of every link. */
    private long tickPeak;

    @Override
    public int peakLinkLoad()
    {
        if (routerLoad != null)
        {
            for (int x = 0; x < width; x++)
            {
                for (int y = 0; y < height; y++)
                {
                    routerLoad[x * height + y] += (right[y * width + x] & LOAD_MASK) + (left[y * width + x] & LOAD_MASK)
                        + (up[x * height + y] & LOAD_MASK) + (down[x * height + y] & LOAD_MASK);
                }
            }
        }
        return (int)tickPeak;
    }

    /** Per router, the packets the links leaving it carried over the ticks so far; null unless recording. */
    private long[] routerLoad;

    @Override
    public boolean recordLinkLoads()
    {
        routerLoad = new long[width * height];
        return true;
    }

    @Override
    public long[] routerLinkLoads()
    {
        return routerLoad;
    }


    /**
     * Sends one packet between two places ({@link Network#place}); @return the cycle it arrives. One loop per dimension, its direction chosen
     * once: each hop reads its link's word, waits for it, holds it and moves on, with nothing else
     * carried from hop to hop but the packet's time. What the walk does not need per hop follows
     * from the endpoints: dimension-order routing crosses each chip boundary between them once, so
     * the hops and the crossings are counted per packet, and the packet's waiting hop by hop, as the
     * cycles each hop waits for its link.
     */
    @Override
    public long send(final int from, final int to, final long inject)
    {
        final long perFlit = this.perFlit;
        final int x0 = from >>> 16;
        final int y0 = from & PLACE_MASK;
        final int tx = to >>> 16;
        final int ty = to & PLACE_MASK;
        final int dx = tx - x0;
        final int dy = ty - y0;
        long t = inject;
        if (dx > 0)
        {
            t = walk(right, y0 * width + x0, 1, latRight, x0, 1, dx, t, perFlit);
        }
        else if (dx < 0)
        {
            t = walk(left, y0 * width + x0, -1, latLeft, x0, -1, -dx, t, perFlit);
        }
        if (dy > 0)
        {
            t = walk(up, tx * height + y0, 1, latUp, y0, 1, dy, t, perFlit);
        }
        else if (dy < 0)
        {
            t = walk(down, tx * height + y0, -1, latDown, y0, -1, -dy, t, perFlit);
        }
        if (t >= MAX_CYCLE)
        {
            // Every link this packet took was free before t, so checking its arrival covers them all.
            throw new IllegalStateException("a tick longer than 2^38 cycles: the link state cannot hold it");
        }
        count(from, to);
        return t;
    }
}
