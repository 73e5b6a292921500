package io.csdsim.mapper;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.reference.Schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * One compilation as the mapper's passes build it: the network, chip and options it started from,
 * then what each pass leaves for the next (and its section of the compile report).
 */
final class Compilation
{
    final IntNetwork net;
    final ChipSpec spec;
    final MapperOptions options;

    /** Residual streams: the chosen mapping (its translation, schedule and partitioner). */
    ResidualMapping mapping;
    CompileReport.ResidualSection residualSection;
    /** Schedule. */
    Schedule schedule;
    CompileReport.ScheduleSection scheduleSection;
    /** Translation: the program's populations, edges and tables; the given mapping's cores per program population. */
    ProgramTranslation translation;
    int[][] givenCores;
    CompileReport.TranslationSection translationSection;
    /** Partition: groups in topological order (each range's soma, then its dendrites), what each takes of its core. */
    Partitioner partitioner;
    final List<NeuronGroup> groups = new ArrayList<>();
    final List<CoreUse> uses = new ArrayList<>();
    int[][] somaOf;
    int[][][] dendritesOf;
    /** Groups before routing adds relays. */
    int groupsBeforeRelays;
    CompileReport.PartitionSection partitionSection;
    /** Routing. */
    RouteSet routes;
    RouteTable routeTable;
    CompileReport.RoutingSection routingSection;
    /** Placement. */
    ChipProgram program;
    CompileReport.PlacementSection placementSection;

    Compilation(final IntNetwork net, final ChipSpec spec, final MapperOptions options)
    {
        this.net = net;
        this.spec = spec;
        this.options = options;
    }

    CompileReport report()
    {
        return new CompileReport(net.name, spec.name(), residualSection, scheduleSection, translationSection, partitionSection, routingSection,
            placementSection);
    }
}
