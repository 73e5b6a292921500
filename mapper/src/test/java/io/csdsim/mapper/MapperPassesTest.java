package io.csdsim.mapper;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mapper's named passes: each pass's report section says what the program it built holds. */
class MapperPassesTest
{
    @Test
    void thePassesRunInTheOrderEachNeedsTheLastOnes()
    {
        assertEquals(java.util.List.of("residual streams", "schedule", "translation", "partition", "routing", "placement"),
            Mapper.PASSES.stream().map(MapperPass.Named::name).toList());
    }

    @Test
    void everySectionAgreesWithTheProgramItDescribes()
    {
        final SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 12; trial++)
        {
            final Mapper.Result result = Mapper.compile(ConnectivityTest.randomNetwork(r), ConnectivityTest.randomChip(r), MapperOptions.DEFAULT);
            final ChipProgram p = result.program();
            final CompileReport c = result.report();
            final String where = "trial " + trial;
            assertEquals(p.populations().size(), c.translation().populations(), where);
            assertEquals(p.edges().size(), c.translation().edges(), where);
            assertEquals(p.tables().size(), c.translation().tables(), where);
            final long relays = p.groups().stream().filter(g -> g.role() == NeuronGroup.Role.RELAY).count();
            assertEquals(relays, c.routing().relays(), where);
            assertEquals(p.groups().size(), c.partition().groups() + c.routing().relays(), where);
            assertEquals(p.groups().size(), c.placement().coresUsed(), where);
            assertEquals(p.chips, c.placement().chips(), where);
            final RouteTable routes = p.routes();
            long entries = 0;
            for (int i = 0; i < routes.size(); i++)
            {
                entries += routes.entries(i);
            }
            assertEquals(routes.size(), c.routing().routes(), where);
            assertEquals(entries, c.routing().routeEntries(), where);
            assertEquals(p.outputReadyTick, c.schedule().latencyTicks(), where);
            assertEquals(p.initiationInterval, c.schedule().initiationInterval(), where);
            long layerCores = 0;
            for (final CompileReport.Layer l : c.partition().layers())
            {
                layerCores += l.cores();
            }
            assertEquals(c.partition().groups(), layerCores, where);
        }
    }
}
