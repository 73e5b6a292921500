package io.csdsim.mapper;

import java.util.List;

/**
 * What a compilation used, one section per pass of the mapper ({@link Mapper#PASSES}): how the residual
 * streams were mapped, the schedule, the translation, the partition into cores per layer, the routes
 * and each core limit's utilisation over the used cores, and the placement with its spike traffic ×
 * hops before and after refinement. The accessors after the sections are the figures the reports
 * print, read from their sections.
 */
public record CompileReport(String model, String chip, ResidualSection residualStreams, ScheduleSection schedule,
    TranslationSection translation, PartitionSection partition, RoutingSection routing, PlacementSection placement)
{
    /** A population and how it was split. */
    public record Layer(String name, String kind, int units, int cores, int groupSize)
    {
    }

    /** A core limit and its use over the used cores. */
    public record Limit(String name, long capacity, long min, double mean, long max)
    {
    }

    /**
     * The residual streams pass.
     * @param mapping how residual streams were mapped (fan-in or accumulate) and, for auto, why
     * @param streamFound whether the network has a stream of two or more writers to map either way
     */
    public record ResidualSection(String mapping, boolean streamFound)
    {
    }

    /** The schedule pass: the tick the output is ready, the initiation interval, the time window T and the DIF delay D. */
    public record ScheduleSection(int latencyTicks, int initiationInterval, int timeWindow, int delay)
    {
    }

    /** The translation pass: the program's populations, edges and synapse tables (each stored once). */
    public record TranslationSection(int populations, int edges, int tables)
    {
    }

    /** The partition pass: one row per population on the chip — name, cores, group size — and the neuron groups it made. */
    public record PartitionSection(List<Layer> layers, int groups)
    {
    }

    /**
     * The routing pass: routes and their entries, relay groups added where a sender's entries exceed its
     * core's, and each core limit's use once the relays are counted.
     */
    public record RoutingSection(int routes, long routeEntries, int relays, List<Limit> limits, long synapseMemoryBits)
    {
    }

    /**
     * The placement pass.
     * @param start the snake's start order chosen (or the given mapping's source)
     * @param entryHopsBefore routing entries × hops before refinement, {@code entryHopsAfter} after
     */
    public record PlacementSection(int chips, int coresPerChip, int coresUsed, String start, int refinementPasses, long entryHopsBefore,
        long entryHopsAfter, long chipCrossings)
    {
    }

    public int chips()
    {
        return placement.chips();
    }

    public int coresPerChip()
    {
        return placement.coresPerChip();
    }

    public int coresUsed()
    {
        return placement.coresUsed();
    }

    public List<Layer> layers()
    {
        return partition.layers();
    }

    public List<Limit> limits()
    {
        return routing.limits();
    }

    public long synapseMemoryBits()
    {
        return routing.synapseMemoryBits();
    }

    public long routeEntries()
    {
        return routing.routeEntries();
    }

    public long entryHopsBefore()
    {
        return placement.entryHopsBefore();
    }

    public long entryHopsAfter()
    {
        return placement.entryHopsAfter();
    }

    public long chipCrossings()
    {
        return placement.chipCrossings();
    }

    public int latencyTicks()
    {
        return schedule.latencyTicks();
    }

    public int initiationInterval()
    {
        return schedule.initiationInterval();
    }

    public int timeWindow()
    {
        return schedule.timeWindow();
    }

    public int delay()
    {
        return schedule.delay();
    }

    public String placementStart()
    {
        return placement.start();
    }

    public int refinementPasses()
    {
        return placement.refinementPasses();
    }

    public String residual()
    {
        return residualStreams.mapping();
    }
}
