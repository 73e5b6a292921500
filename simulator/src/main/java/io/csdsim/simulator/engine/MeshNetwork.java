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
    private final int[] touchedLinks;
    private int touched;
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
        touchedLinks = new int[link.length];
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

    /** A new tick: links are free from cycle 0; per-tick loads are cleared. */
    void startTick()
    {
        for (int i = 0; i < touched; i++)
        {
            link[touchedLinks[i]] = 0;
        }
        touched = 0;
    }

    /** @return the most packets any link carried this tick. */
    int peakLinkLoad()
    {
        int max = 0;
        for (int i = 0; i < touched; i++)
        {
            max = (int)Math.max(max, link[touchedLinks[i]] & LOAD_MASK);
        }
        return max;
    }

    private long hop(final int l, final long t, final long latency)
    {
        final long state = link[l];
        if (state == 0)
        {
            touchedLinks[touched++] = l;
        }
        final long start = Math.max(t, state >>> LOAD_BITS);
        if (start >= MAX_CYCLE)
        {
            throw new IllegalStateException("a tick longer than 2^38 cycles: the link state cannot hold it");
        }
        waitCycles += start - t;
        link[l] = (start + perFlit) << LOAD_BITS | (state & LOAD_MASK) + 1;
        return start + latency;
    }

    /**
     * Sends one packet; @return the cycle it arrives. A hop's latency table marks a chip-to-chip
     * link with the {@link #CROSS} bit, so one lookup tells both the latency and the crossing.
     */
    long send(final int fromCore, final int toCore, final long inject)
    {
        packets++;
        int x = coreX[fromCore];
        int y = coreY[fromCore];
        final int tx = coreX[toCore];
        final int ty = coreY[toCore];
        long t = inject;
        long cross = 0;
        hopsX += Math.abs(tx - x);
        hopsY += Math.abs(ty - y);
        for (; x < tx; x++)
        {
            final long lat = latRight[x];
            cross += lat >>> 40;
            t = hop((y * width + x) * 4, t, lat & (CROSS - 1));
        }
        for (; x > tx; x--)
        {
            final long lat = latLeft[x];
            cross += lat >>> 40;
            t = hop((y * width + x) * 4 + 1, t, lat & (CROSS - 1));
        }
        for (; y < ty; y++)
        {
            final long lat = latUp[y];
            cross += lat >>> 40;
            t = hop((y * width + x) * 4 + 2, t, lat & (CROSS - 1));
        }
        for (; y > ty; y--)
        {
            final long lat = latDown[y];
            cross += lat >>> 40;
            t = hop((y * width + x) * 4 + 3, t, lat & (CROSS - 1));
        }
        crossings += cross;
        return t;
    }
}
