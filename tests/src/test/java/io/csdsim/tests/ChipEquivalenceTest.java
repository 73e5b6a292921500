package io.csdsim.tests;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.RandomNetworks;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.Schedule;
import io.csdsim.models.reference.SpikeTrains;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickLog;
import io.csdsim.simulator.engine.TickWorkers;
import io.csdsim.simulator.event.CountedEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariant 2 of DESIGN §4: the chip's spike trains equal FunctionalSpiking's, every neuron and
 * every tick, whatever the chip, the mapping and D; and so do the logits.
 */
class ChipEquivalenceTest
{
    /** Compares the chip with FunctionalSpiking under the schedule the mapper gave the network. */
    static long compare(final IntNetwork net, final Mapper.Result compiled, final int[][] images, final String where)
    {
        return compare(net, compiled.program(), compiled.schedule(), images, where);
    }

    static long compare(final IntNetwork net, final ChipProgram program, final Schedule schedule, final int[][] images, final String where)
    {
        final FunctionalSpiking fs = new FunctionalSpiking(net, schedule);
        // With D >= T − 1 the counts are the canonical schedule's too, whatever the mapping delayed.
        final FunctionalSpiking canonical = net.delay >= net.timeWindow - 1 ? new FunctionalSpiking(net, Schedule.canonical(net)) : null;
        final ChipEngine engine = new ChipEngine(program);
        final ChipEngine parallel = new ChipEngine(program, 1);
        long spikes = 0;
        for (final int[] px : images)
        {
            final int[] in = net.encode(px);
            final SpikeTrains[] trains = new SpikeTrains[1];
            final ExecutionResult ref = fs.run(in, trains);
            final SampleResult chip = engine.run(in, true);
            assertEquals(ref.saturations(), chip.saturations, where);
            for (int id = 0; id < net.populationCount(); id++)
            {
                final IntPopulation p = net.population(id);
                if (!p.spiking())
                {
                    continue;
                }
                final int pid = program.populations().stream().filter(q -> q.name().equals(p.name)).mapToInt(ProgramPopulation::id).findFirst().orElseThrow();
                for (int t = 0; t < trains[0].ticks(); t++)
                {
                    assertArrayEquals(trains[0].spikes(id, t).toArray(), chip.spikes(pid, t).toArray(), where + ": " + p.name + " tick " + t);
                    spikes += trains[0].spikes(id, t).size();
                }
                for (int t = trains[0].ticks(); t < chip.ticks.ticks(); t++)
                {
                    assertEquals(0, chip.spikes(pid, t).size(), where + ": " + p.name + " fires after the reference ended, tick " + t);
                }
            }
            assertArrayEquals(ref.logits(), io.csdsim.simulator.readout.HostReadout.logits(program, chip), where + ": logits");
            if (canonical != null)
            {
                final ExecutionResult c = canonical.run(in, null);
                assertArrayEquals(c.logits(), ref.logits(), where + ": logits under the canonical schedule");
                for (int id = 0; id < net.populationCount(); id++)
                {
                    assertArrayEquals(c.counts()[id], ref.counts()[id], where + ": counts of " + net.population(id).name + " under the canonical schedule");
                }
            }
            try (TickWorkers three = new TickWorkers(3))
            {
                final SampleResult split = parallel.run(in, true, three);
                assertSameRun(chip, split, program, where + ", 3 threads within the tick");
            }
            // Two threads: ticks timed on the lane and, when it falls behind, by the caller.
            try (TickWorkers two = new TickWorkers(2))
            {
                for (int rep = 0; rep < 3; rep++)
                {
                    assertSameRun(chip, engine.run(in, true, two), program, where + ", 2 threads, run " + rep);
                }
            }
        }
        return spikes;
    }

    /** Within-tick threads change nothing: the same trains, logits, tick log and per-core counters. */
    static void assertSameRun(final SampleResult a, final SampleResult b, final ChipProgram program, final String where)
    {
        for (final ProgramPopulation p : program.populations())
        {
            for (int t = 0; t < a.ticks.ticks(); t++)
            {
                assertArrayEquals(a.spikes(p.id(), t).toArray(), b.spikes(p.id(), t).toArray(), where + ": " + p.name() + " tick " + t);
            }
        }
        assertArrayEquals(io.csdsim.simulator.readout.HostReadout.logits(program, a), io.csdsim.simulator.readout.HostReadout.logits(program, b), where + ": logits");
        assertEquals(a.saturations, b.saturations, where + ": saturations");
        for (int t = 0; t < a.ticks.ticks(); t++)
        {
            for (final io.csdsim.simulator.event.CountedEvent col : io.csdsim.simulator.event.EventRegistry.storedPerTick())
            {
                assertEquals(a.ticks.get(t, col), b.ticks.get(t, col), where + ": " + col + " of tick " + t);
            }
        }
        assertArrayEquals(a.perGroup.of(CountedEvents.SOPS), b.perGroup.of(CountedEvents.SOPS), where + ": SOPs per core");
        assertArrayEquals(a.perGroup.of(CountedEvents.BUSY_CYCLES), b.perGroup.of(CountedEvents.BUSY_CYCLES), where + ": busy cycles per core");
        assertArrayEquals(a.populationSops, b.populationSops, where + ": SOPs per population");
    }

    @Test
    void spikeTrainsEqualFunctionalSpikingOnRandomGraphsChipsAndDelays()
    {
        final SplittableRandom r = new SplittableRandom(2026);
        long spikes = 0;
        int accumulated = 0;
        for (int trial = 0; trial < 10; trial++)
        {
            final int t = 2 + r.nextInt(3);
            final IntNetwork net = RandomNetworks.draw(r, t, r.nextInt(t + 1));
            ChipSpec chip = ChipSpecs.preset(trial % 2 == 0 ? "loihi" : "loihi2");
            for (final String o : new String[] {"core.tdecUnits=" + (8 + r.nextInt(200)), "core.maxNeurons=" + (4 + r.nextInt(300)),
                "core.maxInputAxons=" + (64 + r.nextInt(600)), "core.maxOutputRoutes=" + (24 + r.nextInt(400)), "mesh.tilesX=" + (1 + r.nextInt(4))})
            {
                chip = ChipSpecs.override(chip, o);
            }
            final int[][] images = SyntheticImages.generate(net.input, 2, r.nextLong());
            // Loihi has no graded spikes: fan-in only. Loihi 2 maps the residual stream both ways.
            for (final MapperOptions.Residual residual : chip.gradedSpikeBits() == 0 ? List.of(MapperOptions.Residual.FAN_IN)
                : List.of(MapperOptions.Residual.FAN_IN, MapperOptions.Residual.ACCUMULATE))
            {
                final Mapper.Result compiled = Mapper.compile(net, chip, MapperOptions.DEFAULT.withResidual(residual));
                final ChipProgram program = compiled.program();
                accumulated += compiled.report().residual().startsWith("accumulate (") ? 1 : 0;
                // Every program the mapper makes passes the checks a program file is held to.
                assertEquals(program, io.csdsim.isa.program.CsdxFormat.read("trial-" + trial + ".csdx", io.csdsim.isa.program.CsdxFormat.write(program)));
                spikes += compare(net, compiled, images, "trial " + trial + " D=" + net.delay + " " + compiled.report().residual());
            }
        }
        assertTrue(spikes > 1000, "the models must spike: " + spikes);
        assertTrue(accumulated >= 3, "random networks whose residual streams were accumulated: " + accumulated);
    }
}
