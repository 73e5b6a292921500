package io.csdsim.simulator.network;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.Map;
import java.util.function.Function;

/**
 * The network-on-chip of a board as the timing phase sees it: packets sent between router places
 * ({@link #place}) in injection order, each returning the cycle it arrives. Models are
 * chosen by the spec's {@code timing.network}; each is one class and one line of {@link #MODELS}.
 * Every model counts what a report needs per packet — hops along x and y, chip crossings, cycles
 * spent waiting for links — and the dimension-order route's contention-free latency is worked out
 * here once, from the packet's endpoints, for all of them.
 */
public abstract class OnChipNetwork
{
    /** The models by the name {@code timing.network} gives. */
    private static final Map<String, Function<ChipProgram, OnChipNetwork>> MODELS = Map.of(
        "mesh", MeshNetwork::new,
        "latency-only", LatencyOnlyNetwork::new);

    /** Packed router places: x in the high 16 bits, y in the low 16 ({@link #place}). */
    static final int PLACE_MASK = 0xFFFF;

    protected long packets;
    protected long hopsX;
    protected long hopsY;
    protected long crossings;
    protected long waitCycles;

    final long hopX;
    final long hopY;
    final long chipLink;
    /** Per board column and row: the chip's column and row it lies in (a lookup, not a division per packet). */
    private final int[] chipColumn;
    private final int[] chipRow;
    /** A board of one chip: no packet crosses a chip boundary. */
    private final boolean oneChip;

    OnChipNetwork(final ChipProgram program)
    {
        final ChipSpec s = program.spec;
        hopX = Math.round(s.get(ChipField.TIMING_HOP_X_CYCLES));
        hopY = Math.round(s.get(ChipField.TIMING_HOP_Y_CYCLES));
        chipLink = Math.round(s.get(ChipField.TIMING_CHIP_LINK_CYCLES));
        final int width = program.board().width();
        final int height = program.board().height();
        if (width > PLACE_MASK + 1 || height > PLACE_MASK + 1)
        {
            throw new IllegalStateException("a board of " + width + " × " + height + " routers: places hold 65,536 a side");
        }
        final int tilesX = s.getInt(ChipField.MESH_TILES_X);
        final int tilesY = s.getInt(ChipField.MESH_TILES_Y);
        chipColumn = new int[width];
        for (int x = 0; x < width; x++)
        {
            chipColumn[x] = x / tilesX;
        }
        chipRow = new int[height];
        for (int y = 0; y < height; y++)
        {
            chipRow[y] = y / tilesY;
        }
        oneChip = width <= tilesX && height <= tilesY;
    }

    /**
     * Counts one packet between two places — its hops and chip crossings: dimension-order routing
     * crosses each chip boundary between them once — and @return the sum of its hops' latencies, the
     * time it takes when no link is busy.
     */
    final long route(final int from, final int to)
    {
        final int x0 = from >>> 16;
        final int y0 = from & PLACE_MASK;
        final int tx = to >>> 16;
        final int ty = to & PLACE_MASK;
        final int ax = Math.abs(tx - x0);
        final int ay = Math.abs(ty - y0);
        final int crossX = Math.abs(chipColumn[tx] - chipColumn[x0]);
        final int crossY = Math.abs(chipRow[ty] - chipRow[y0]);
        packets++;
        hopsX += ax;
        hopsY += ay;
        crossings += crossX + crossY;
        return (ax - crossX) * hopX + (ay - crossY) * hopY + (crossX + crossY) * chipLink;
    }

    /**
     * Counts one packet between two places as {@link #route} does, for a model that times the hops
     * itself: on a board of one chip no packet crosses a chip boundary, and nothing is looked up.
     */
    final void count(final int from, final int to)
    {
        final int x0 = from >>> 16;
        final int y0 = from & PLACE_MASK;
        final int tx = to >>> 16;
        final int ty = to & PLACE_MASK;
        packets++;
        hopsX += Math.abs(tx - x0);
        hopsY += Math.abs(ty - y0);
        if (!oneChip)
        {
            crossings += Math.abs(chipColumn[tx] - chipColumn[x0]) + Math.abs(chipRow[ty] - chipRow[y0]);
        }
    }

    /** @return where a core's router sits on the board, packed as x · 2^16 + y: what {@link #send} takes. */
    public static int place(final ChipProgram program, final int core)
    {
        return program.meshX(core) << 16 | program.meshY(core);
    }

    /** @return the network model the program's chip names. */
    public static OnChipNetwork of(final ChipProgram program)
    {
        return ChipField.TIMING_NETWORK.chosen(program.spec, MODELS).apply(program);
    }

    /** A new tick: every link is free from cycle 0. */
    public abstract void startTick();

    /** Sends one packet between two router places; @return the cycle it arrives. */
    public abstract long send(int from, int to, long inject);

    /**
     * @return the most packets any link carried this tick (0 where the model keeps no links); called
     * once per tick, when its packets are all sent — where {@link #recordLinkLoads} adds them up.
     */
    public abstract int peakLinkLoad();

    /**
     * From now on, adds up per router the packets carried by the links leaving it, tick after tick
     * (for the HTML report's link-load map); @return false where the model keeps no links.
     */
    public boolean recordLinkLoads()
    {
        return false;
    }

    /** @return per router place (x · height + y), the packets the links leaving it carried so far; null unless recording. */
    public long[] routerLinkLoads()
    {
        return null;
    }

    /** @return packets sent so far. */
    public final long packets()
    {
        return packets;
    }

    /** @return hops along x so far. */
    public final long hopsX()
    {
        return hopsX;
    }

    /** @return hops along y so far. */
    public final long hopsY()
    {
        return hopsY;
    }

    /** @return chip-to-chip link crossings so far. */
    public final long crossings()
    {
        return crossings;
    }

    /** @return cycles packets spent waiting for links so far. */
    public final long waitCycles()
    {
        return waitCycles;
    }
}
