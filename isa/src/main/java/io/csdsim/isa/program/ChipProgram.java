package io.csdsim.isa.program;

import io.csdsim.isa.spec.ChipSpec;

import java.util.List;

/**
 * A compiled model for one chip design: the chip spec it was compiled for and how many chips it
 * spans, the populations and edges of the integer network, synapse tables stored once, neuron groups
 * with the core each sits on, the routes between groups, and the schedule (DESIGN §3.6).
 *
 * <p>Cores are numbered chip by chip; within a chip tile by tile (x fastest) and slot by slot; the
 * chips sit on a near-square grid ({@link Board}), joined by chip-to-chip links.
 */
public final class ChipProgram
{
    /** Largest time window T a program of DIF neurons may have (as a model may: docs/reliability.md). */
    public static final int MAX_TIME_WINDOW = 64;
    /** Largest T of a program of other neuron models, where T is the ticks a sample runs (a network file's T). */
    public static final int MAX_RUN_TICKS = 1 << 16;
    /** Largest DIF delay D a program may have. */
    public static final int MAX_DELAY = 64;
    /** Largest tick at which a program's output may be ready: bounds the ticks of one sample. */
    public static final int MAX_READY_TICK = 1 << 16;
    /** Most cores of a whole board: per-core tables stay within their arrays. */
    public static final long MAX_BOARD_CORES = 1L << 27;

    public final String name;
    public final int timeWindow;
    public final int delay;
    public final ChipSpec spec;
    public final int chips;
    public final int outputReadyTick;
    public final int initiationInterval;
    private final List<SynapseTable> tables;
    private final List<ProgramPopulation> populations;
    private final List<ProgramEdge> edges;
    private final List<NeuronGroup> groups;
    private final RouteTable routes;
    private final Board board;

    public ChipProgram(final String name, final int timeWindow, final int delay, final ChipSpec spec, final int chips,
        final int outputReadyTick, final int initiationInterval, final List<SynapseTable> tables,
        final List<ProgramPopulation> populations, final List<ProgramEdge> edges, final List<NeuronGroup> groups,
        final RouteTable routes)
    {
        this.name = name;
        this.timeWindow = timeWindow;
        this.delay = delay;
        this.spec = spec;
        this.chips = chips;
        this.outputReadyTick = outputReadyTick;
        this.initiationInterval = initiationInterval;
        this.tables = List.copyOf(tables);
        this.populations = List.copyOf(populations);
        this.edges = List.copyOf(edges);
        this.groups = List.copyOf(groups);
        this.routes = routes;
        this.board = new Board(spec, chips);
    }

    /** @return the same program on a chip that differs only in figures that do not change the mapping (costs, latencies). */
    public ChipProgram withSpec(final ChipSpec other)
    {
        return new ChipProgram(name, timeWindow, delay, other, chips, outputReadyTick, initiationInterval, tables, populations, edges, groups,
            routes);
    }

    /** @return the tiles (of any chip) whose cores hold at least one group. */
    public int tilesInUse()
    {
        return (int)groups.stream().mapToLong(g -> (long)board.chipOf(g.core()) << 40 | (long)board.x(g.core()) << 20 | board.y(g.core()))
            .distinct().count();
    }

    public List<SynapseTable> tables()
    {
        return tables;
    }

    public List<ProgramPopulation> populations()
    {
        return populations;
    }

    public List<ProgramEdge> edges()
    {
        return edges;
    }

    public List<NeuronGroup> groups()
    {
        return groups;
    }

    public RouteTable routes()
    {
        return routes;
    }

    public int coresPerChip()
    {
        return spec.coresPerChip();
    }

    /** @return the cores the program's groups occupy (a core may hold more than one group): all draw static power. */
    public int occupiedCores()
    {
        return (int)groups.stream().mapToInt(NeuronGroup::core).distinct().count();
    }

    /** @return where the cores are. */
    public Board board()
    {
        return board;
    }

    public int meshX(final int core)
    {
        return board.x(core);
    }

    public int meshY(final int core)
    {
        return board.y(core);
    }

    /** @return mesh hops between two cores under dimension-order routing. */
    public int hops(final int a, final int b)
    {
        return board.hops(a, b);
    }

    /** @return mesh hops of route i under dimension-order routing. */
    public int routeHops(final int i)
    {
        return hops(groups.get(routes.source(i)).core(), groups.get(routes.target(i)).core());
    }

    /** @return chip-to-chip links route i crosses. */
    public int routeCrossings(final int i)
    {
        return board.crossings(groups.get(routes.source(i)).core(), groups.get(routes.target(i)).core());
    }

    public int chipOf(final int core)
    {
        return board.chipOf(core);
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ChipProgram p && name.equals(p.name) && timeWindow == p.timeWindow && delay == p.delay
            && spec.equals(p.spec) && chips == p.chips && outputReadyTick == p.outputReadyTick
            && initiationInterval == p.initiationInterval && tables.equals(p.tables) && populations.equals(p.populations)
            && edges.equals(p.edges) && groups.equals(p.groups) && routes.equals(p.routes);
    }

    @Override
    public int hashCode()
    {
        return name.hashCode() * 31 + groups.size();
    }
}
