package io.csdsim.mapper;

import io.csdsim.isa.program.Board;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * Where groups sit. Starts locality-preserving — groups in topological order along a snake through
 * each chip's tiles (x forward on even rows, backward on odd ones), chip after chip along a snake
 * over the board's grid of chips — then refines
 * deterministically by swaps that lower the cost Σ entries × (hops + chip-link weight × crossings).
 */
final class Placement
{
    private final ChipSpec spec;
    private final int chips;
    private final Board board;
    private final int[] snake;
    private final int[] coreOf;
    private final int[] groupAt;
    private final double crossingWeight;

    /** @param order group ids in the order they take cores along the snake. */
    Placement(final ChipSpec spec, final int chips, final int[] order)
    {
        this(spec, chips, order, null);
    }

    /**
     * @param pinned the core of every group as given from outside (several groups may share one), or
     * null to place them in {@code order} along the snake
     */
    Placement(final ChipSpec spec, final int chips, final int[] order, final int[] pinned)
    {
        final int groups = order.length;
        this.spec = spec;
        this.chips = chips;
        this.board = new Board(spec, chips);
        final int tx = spec.getInt(ChipField.MESH_TILES_X);
        final int ty = spec.getInt(ChipField.MESH_TILES_Y);
        final int cpt = spec.getInt(ChipField.MESH_CORES_PER_TILE);
        snake = new int[chips * spec.coresPerChip()];
        int k = 0;
        // Chips in a snake over the board's grid, tiles in a snake within each chip.
        for (int cy = 0; cy < board.chipsY(); cy++)
        {
            for (int i = 0; i < board.chipsX(); i++)
            {
                final int cx = cy % 2 == 0 ? i : board.chipsX() - 1 - i;
                final int c = cy * board.chipsX() + cx;
                if (c >= chips)
                {
                    continue;
                }
                for (int y = 0; y < ty; y++)
                {
                    for (int j = 0; j < tx; j++)
                    {
                        final int x = y % 2 == 0 ? j : tx - 1 - j;
                        for (int s = 0; s < cpt; s++)
                        {
                            snake[k++] = board.core(c, x, y, s);
                        }
                    }
                }
            }
        }
        coreOf = new int[groups];
        groupAt = new int[snake.length];
        java.util.Arrays.fill(groupAt, -1);
        for (int i = 0; i < groups; i++)
        {
            if (pinned != null)
            {
                coreOf[i] = pinned[i];
                groupAt[pinned[i]] = i;
                continue;
            }
            coreOf[order[i]] = snake[i];
            groupAt[snake[i]] = order[i];
        }
        crossingWeight = spec.get(ChipField.TIMING_CHIP_LINK_CYCLES) / spec.get(ChipField.TIMING_HOP_X_CYCLES);
    }

    int core(final int group)
    {
        return coreOf[group];
    }

    int hops(final int a, final int b)
    {
        return board.hops(a, b);
    }

    int crossings(final int a, final int b)
    {
        return board.crossings(a, b);
    }

    private double distance(final int a, final int b)
    {
        return hops(a, b) + crossingWeight * crossings(a, b);
    }

    /** Route evaluations refinement may spend: bounds its time on huge models, deterministically. */
    static final long EVALUATION_BUDGET = 200_000_000L;

    private long evaluations;

    /** Swap refinement: each group tries nearby cores and the cores around its heaviest partner. */
    void refine(final io.csdsim.isa.program.RouteTable routes, final int passes)
    {
        final int[] src = routes.sourceColumn();
        final int[] dst = routes.targetColumn();
        final int[] entries = routes.entriesColumn();
        final int groups = coreOf.length;
        final int[][] incident = incidence(src, dst, routes.size(), groups);
        final int[] position = new int[snake.length];
        for (int i = 0; i < snake.length; i++)
        {
            position[snake[i]] = i;
        }
        for (int pass = 0; pass < passes; pass++)
        {
            boolean improved = false;
            for (int g = 0; g < groups && evaluations < EVALUATION_BUDGET; g++)
            {
                int heaviest = -1;
                int best = 0;
                for (final int r : incident[g])
                {
                    final int other = src[r] == g ? dst[r] : src[r];
                    if (other != g && entries[r] > best)
                    {
                        best = entries[r];
                        heaviest = other;
                    }
                }
                final int[] candidates = new int[12];
                int nc = 0;
                final int here = position[coreOf[g]];
                for (int d = -3; d <= 3; d++)
                {
                    if (d != 0 && here + d >= 0 && here + d < snake.length)
                    {
                        candidates[nc++] = snake[here + d];
                    }
                }
                if (heaviest >= 0)
                {
                    final int there = position[coreOf[heaviest]];
                    for (int d = -2; d <= 2; d++)
                    {
                        if (d != 0 && there + d >= 0 && there + d < snake.length && nc < candidates.length)
                        {
                            candidates[nc++] = snake[there + d];
                        }
                    }
                }
                double bestDelta = -1e-9;
                int bestCore = -1;
                for (int i = 0; i < nc; i++)
                {
                    final double delta = swapDelta(g, candidates[i], incident, src, dst, entries);
                    if (delta < bestDelta)
                    {
                        bestDelta = delta;
                        bestCore = candidates[i];
                    }
                }
                if (bestCore >= 0)
                {
                    swap(g, bestCore);
                    improved = true;
                }
            }
            if (!improved)
            {
                break;
            }
        }
    }

    private static int[][] incidence(final int[] src, final int[] dst, final int n, final int groups)
    {
        final int[] deg = new int[groups];
        for (int r = 0; r < n; r++)
        {
            deg[src[r]]++;
            if (dst[r] != src[r])
            {
                deg[dst[r]]++;
            }
        }
        final int[][] inc = new int[groups][];
        for (int g = 0; g < groups; g++)
        {
            inc[g] = new int[deg[g]];
        }
        final int[] fill = new int[groups];
        for (int r = 0; r < n; r++)
        {
            inc[src[r]][fill[src[r]]++] = r;
            if (dst[r] != src[r])
            {
                inc[dst[r]][fill[dst[r]]++] = r;
            }
        }
        return inc;
    }

    private double swapDelta(final int g, final int core, final int[][] incident, final int[] src, final int[] dst, final int[] entries)
    {
        final int h = groupAt[core];
        final int cg = coreOf[g];
        evaluations += incident[g].length + (h >= 0 ? incident[h].length : 0);
        double before = 0;
        double after = 0;
        for (final int r : incident[g])
        {
            before += entries[r] * distance(coreOf[src[r]], coreOf[dst[r]]);
            after += entries[r] * distance(moved(src[r], g, h, cg, core), moved(dst[r], g, h, cg, core));
        }
        if (h >= 0)
        {
            for (final int r : incident[h])
            {
                if (src[r] == g || dst[r] == g)
                {
                    continue;
                }
                before += entries[r] * distance(coreOf[src[r]], coreOf[dst[r]]);
                after += entries[r] * distance(moved(src[r], g, h, cg, core), moved(dst[r], g, h, cg, core));
            }
        }
        return after - before;
    }

    private int moved(final int group, final int g, final int h, final int cg, final int core)
    {
        if (group == g)
        {
            return core;
        }
        if (group == h)
        {
            return cg;
        }
        return coreOf[group];
    }

    private void swap(final int g, final int core)
    {
        final int h = groupAt[core];
        final int cg = coreOf[g];
        coreOf[g] = core;
        groupAt[core] = g;
        groupAt[cg] = h;
        if (h >= 0)
        {
            coreOf[h] = cg;
        }
    }

    int chips()
    {
        return chips;
    }
}
