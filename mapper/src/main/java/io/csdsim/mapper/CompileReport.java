package io.csdsim.mapper;

import java.util.List;

/**
 * What a compilation used: chips and cores, cores per layer, each core limit's utilisation over the
 * used cores, synapse memory, the estimated spike traffic × hops before and after placement
 * refinement, and the schedule's latency and initiation interval.
 *
 * @param limits one row per core limit: name, capacity, and min / mean / max use over used cores.
 * @param layers one row per population on the chip: name, cores, group size.
 * @param residual how residual streams were mapped (fan-in or accumulate) and, for auto, why.
 */
public record CompileReport(String model, String chip, int chips, int coresPerChip, int coresUsed, List<Layer> layers, List<Limit> limits,
    long synapseMemoryBits, long routeEntries, long entryHopsBefore, long entryHopsAfter, long chipCrossings, int latencyTicks,
    int initiationInterval, int timeWindow, int delay, String placement, int refinementPasses, String residual)
{
    /** A population and how it was split. */
    public record Layer(String name, String kind, int units, int cores, int groupSize)
    {
    }

    /** A core limit and its use over the used cores. */
    public record Limit(String name, long capacity, long min, double mean, long max)
    {
    }
}
