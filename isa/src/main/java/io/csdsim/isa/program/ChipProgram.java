package io.csdsim.isa.program;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.List;

/**
 * A compiled model for one chip design: the chip spec it was compiled for and how many chips it
 * spans, the populations and edges of the integer network, synapse tables stored once, neuron groups
 * with the core each sits on, the routes between groups, and the schedule (DESIGN §3.6).
 *
 * <p>Cores are numbered chip by chip; within a chip tile by tile (x fastest) and slot by slot.
 * Chips of a board sit in a row along x, joined by chip-to-chip links.
 */
public final class ChipProgram
{
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

    /** @return the mesh x of a core on the board (chips in a row along x). */
    public int meshX(final int core)
    {
        final int tx = spec.getInt(ChipField.MESH_TILES_X);
        final int chip = core / coresPerChip();
        final int tile = core % coresPerChip() / spec.getInt(ChipField.MESH_CORES_PER_TILE);
        return chip * tx + tile % tx;
    }

    public int meshY(final int core)
    {
        final int tx = spec.getInt(ChipField.MESH_TILES_X);
        final int tile = core % coresPerChip() / spec.getInt(ChipField.MESH_CORES_PER_TILE);
        return tile / tx;
    }

    /** @return mesh hops of route i under dimension-order routing. */
    public int routeHops(final int i)
    {
        return hops(groups.get(routes.source(i)).core(), groups.get(routes.target(i)).core());
    }

    /** @return chip-to-chip links route i crosses. */
    public int routeCrossings(final int i)
    {
        return Math.abs(chipOf(groups.get(routes.source(i)).core()) - chipOf(groups.get(routes.target(i)).core()));
    }

    public int chipOf(final int core)
    {
        return core / coresPerChip();
    }

    /** @return mesh hops between two cores under dimension-order routing. */
    public int hops(final int a, final int b)
    {
        return Math.abs(meshX(a) - meshX(b)) + Math.abs(meshY(a) - meshY(b));
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
