package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A program as its sections are read, in file order: each section's reader fills its part and may
 * check it against the parts read before it (an edge's table, a group's core on the board).
 */
final class ProgramParts
{
    /** The file, named in messages. */
    final String src;
    /** The file's format version: older versions lack some sections and code some fields differently. */
    final int version;
    /** The HEAD section, for checks that need a later section first (T against the DIF populations). */
    SectionReader head;
    String name;
    int timeWindow;
    int delay;
    int chips;
    int outputReadyTick;
    int initiationInterval;
    ChipSpec spec;
    final List<SynapseTable> tables = new ArrayList<>();
    final List<ProgramPopulation> populations = new ArrayList<>();
    final List<ProgramEdge> edges = new ArrayList<>();
    final List<NeuronGroup> groups = new ArrayList<>();
    RouteTable routes;

    ProgramParts(final String src, final int version)
    {
        this.src = src;
        this.version = version;
    }

    ChipProgram program()
    {
        return new ChipProgram(name, timeWindow, delay, spec, chips, outputReadyTick, initiationInterval, tables, populations, edges, groups,
            routes);
    }
}
