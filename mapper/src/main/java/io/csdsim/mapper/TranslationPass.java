package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.models.quant.IntNetwork;

/**
 * Translation: the network's populations and projections as the program's populations, edges and
 * synapse tables (each stored once), as the chosen residual mapping translated them; a mapping the
 * file gives is read against them, core by unit.
 */
final class TranslationPass implements MapperPass
{
    @Override
    public void run(final Compilation c)
    {
        final ProgramTranslation tr = c.mapping.translation;
        c.translation = tr;
        c.givenCores = c.options.given() == null ? null : givenCores(c.options.given(), c.net, tr);
        c.translationSection = new CompileReport.TranslationSection(tr.populations.size(), tr.edges.size(), tr.tables.size());
    }

    /** @return the given cores per program population, each checked to lie on the chips the mapping may use. */
    private static int[][] givenCores(final GivenPlacement given, final IntNetwork net, final ProgramTranslation tr)
    {
        final int[][] out = new int[tr.populations.size()][];
        for (int id = 0; id < net.populationCount(); id++)
        {
            final int[] cores = given.coreOfUnit()[id];
            final ProgramPopulation p = tr.populations.get(tr.programOf[id]);
            if (!Partitioner.onChip(p))
            {
                continue;
            }
            if (cores == null || cores.length != p.size())
            {
                throw new ChipInputException(given.source(), "population '" + p.name() + "'", "the mapping gives " + (cores == null ? 0 : cores.length)
                    + " cores for its " + p.size() + " units");
            }
            for (final int c : cores)
            {
                if (c < 0 || (long)c >= ChipProgram.MAX_BOARD_CORES)
                {
                    throw new ChipInputException(given.source(), "population '" + p.name() + "'", "core " + c + " is not on a board");
                }
            }
            out[tr.programOf[id]] = cores;
        }
        return out;
    }
}
