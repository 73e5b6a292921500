package io.csdsim.mapper;

import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.reference.Schedule;

import java.util.List;

/**
 * One way of mapping the residual streams, translated: its streams, the schedule their path delays
 * give, the program's populations and edges, and their partitioner — already run when auto
 * partitioned it to compare.
 */
final class ResidualMapping
{
    final Schedule schedule;
    final ProgramTranslation translation;
    final Partitioner partitioner;
    boolean partitioned;

    ResidualMapping(final IntNetwork net, final ChipSpec spec, final ResidualStreams streams)
    {
        schedule = Schedule.withDelays(net, streams.delays);
        translation = new ProgramTranslation(net, schedule, streams, spec.gradedSpikeBits());
        partitioner = new Partitioner(spec, net.timeWindow, translation.populations, translation.edges, translation.tables);
    }

    /** @return the cores the partition takes before routing (relays not counted): what auto compares. */
    long partitionedCores()
    {
        partitioner.run();
        partitioned = true;
        long cores = 0;
        for (final List<ChunkPlan> plans : partitioner.plans)
        {
            for (final ChunkPlan c : plans)
            {
                cores += c.groups();
            }
        }
        return cores;
    }
}
