package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.event.CountedEvents;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hand-built programs of two and three cores whose every cycle is worked out by hand — the worked
 * example of docs/timing-model.md — so the engine's timing, hops, contention and energy are checked
 * against arithmetic, not against themselves.
 */
class MicroProgramTest
{
    /** A chip of tilesX × 1 tiles, one core each, with small round figures. */
    static ChipSpec chip(final int tilesX)
    {
        ChipSpec s = ChipSpecs.preset("loihi");
        final Object[][] set = {{ChipField.MESH_TILES_X, tilesX}, {ChipField.MESH_TILES_Y, 1}, {ChipField.MESH_CORES_PER_TILE, 1},
            {ChipField.TIMING_CLOCK_MHZ, 1000}, {ChipField.TIMING_SYN_OP_CYCLES, 2}, {ChipField.TIMING_SYN_OP_LANES, 1},
            {ChipField.TIMING_NEURON_ACTIVE_CYCLES, 3}, {ChipField.TIMING_NEURON_IDLE_CYCLES, 1}, {ChipField.TIMING_HOP_X_CYCLES, 5},
            {ChipField.TIMING_HOP_Y_CYCLES, 7}, {ChipField.TIMING_LINK_CYCLES_PER_FLIT, 4}, {ChipField.TIMING_BARRIER_CYCLES, 10},
            {ChipField.ENERGY_SYN_OP_PJ, 1}, {ChipField.ENERGY_NEURON_ACTIVE_PJ, 10}, {ChipField.ENERGY_NEURON_IDLE_PJ, 2},
            {ChipField.ENERGY_SPIKE_PJ, 0.5}, {ChipField.ENERGY_HOP_X_PJ, 3}, {ChipField.ENERGY_STATIC_MW_PER_CORE, 0}};
        for (final Object[] f : set)
        {
            s = s.with((ChipField)f[0], ((Number)f[1]).doubleValue(), "test");
        }
        return s;
    }

    /**
     * input [1] → (weights 1, 1) → a [2] on core 0 → (weights 1, 1) → b [1] on core {@code bCore};
     * θ = 1, v0 = 0, T = 2, D = 1: windows a [2, 3], b [4, 5], six ticks.
     */
    static ChipProgram twoCores(final int tilesX, final int bCore)
    {
        return twoCores(chip(tilesX), bCore);
    }

    static ChipProgram twoCores(final ChipSpec chip, final int bCore)
    {
        final List<SynapseTable> tables = List.of(new SynapseTable(0, SynapseTable.Kind.DENSE, 1, 1, 1, 2, new short[] {1, 1}),
            new SynapseTable(1, SynapseTable.Kind.DENSE, 1, 1, 2, 1, new short[] {1, 1}));
        final List<ProgramPopulation> pops = List.of(
            new ProgramPopulation(0, "input", ProgramPopulation.Kind.INPUT, new int[] {1, 1, 1}, 0, 0, new long[] {0}, 0),
            new ProgramPopulation(1, "a", ProgramPopulation.Kind.DIF, new int[] {1, 2}, 1, 0, null, 2),
            new ProgramPopulation(2, "b", ProgramPopulation.Kind.DIF, new int[] {1, 1}, 1, 0, null, 4));
        final List<ProgramEdge> edges = List.of(new ProgramEdge(0, 1, ProgramEdge.Kind.TABLE, 0, 0, -1, null, 0, 1),
            new ProgramEdge(1, 2, ProgramEdge.Kind.TABLE, 1, 1, -1, null, 0, 1));
        final List<NeuronGroup> groups = List.of(new NeuronGroup(0, 1, 0, 2, 0), new NeuronGroup(1, 2, 0, 1, bCore));
        final RouteTable routes = new RouteTable(new int[] {0}, new int[] {1}, new int[] {1}, new int[] {2});
        return new ChipProgram("micro", 2, 1, chip, 1, 6, 3, tables, pops, edges, groups, routes);
    }

    private static long[] column(final TickLog log, final io.csdsim.simulator.event.CountedEvent c)
    {
        final long[] v = new long[log.ticks()];
        for (int t = 0; t < v.length; t++)
        {
            v[t] = log.get(t, c);
        }
        return v;
    }

    @Test
    void theWorkedExampleCycleByCycle()
    {
        final SampleResult r = new ChipEngine(twoCores(2, 1)).run(new int[] {5}, true);
        // Spikes: a fires both units in ticks 2 and 3 (v = 5 → 4 → 3); b gets 2 in tick 3 and 2 in tick 4
        // (v = 2, then 4), fires in ticks 4 and 5.
        assertArrayEquals(new int[] {0, 1}, r.spikes(1, 2).toArray());
        assertArrayEquals(new int[] {0, 1}, r.spikes(1, 3).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 4).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 5).toArray());
        // Cycles per tick (docs/timing-model.md):
        //  t0: a 2 idle updates (2), b 1 idle (1): 2 + barrier 10 = 12
        //  t1: a integrates the host's current: 2 active (6), b idle (1): 6 + 10 = 16
        //  t2: a fires 2: 2 active (6); packets leave core 0 at 6 and 7; the first holds the east link
        //      6..10 and arrives at 11, the second waits 3 cycles, holds it 10..14, arrives at 15: 15 + 10 = 25
        //  t3: as t2 for a; b integrates 2 SOPs (4) and updates actively (3) = 7 < 15: 25
        //  t4: b integrates 2 SOPs (4) and fires (3) = 7; a idle (2): 7 + 10 = 17
        //  t5: b fires (3); a idle (2): 3 + 10 = 13
        assertArrayEquals(new long[] {12, 16, 25, 25, 17, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 0, 2, 2, 0}, column(r.ticks, CountedEvents.SOPS));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.PACKETS));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.HOPS_X));
        assertArrayEquals(new long[] {0, 0, 3, 3, 0, 0}, column(r.ticks, CountedEvents.WAIT_CYCLES));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.PEAK_LINK_LOAD));
        assertArrayEquals(new long[] {0, 2, 2, 3, 1, 1}, column(r.ticks, CountedEvents.ACTIVE_UPDATES));
        assertEquals(18, r.ticks.total(CountedEvents.NEURON_UPDATES));
        assertEquals(6, r.ticks.total(CountedEvents.SPIKES));
    }

    @Test
    void theLatencyOnlyNetworkTakesHopLatenciesAndNeverWaits()
    {
        final ChipSpec latencyOnly = ChipSpecs.override(chip(2), "timing.network=latency-only");
        final SampleResult r = new ChipEngine(twoCores(latencyOnly, 1)).run(new int[] {5}, true);
        // As the worked example, but no packet waits for a link:
        //  t2: packets leave core 0 at 6 and 7 and arrive one hop (5 cycles) later, at 11 and 12: 12 + barrier 10 = 22
        //  t3: the same for a; b's 2 SOPs (4) and active update (3) end at 7 < 12: 22
        //  t0, t1, t4, t5 send nothing: 12, 16, 17, 13 as with the mesh.
        assertArrayEquals(new long[] {12, 16, 22, 22, 17, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.PACKETS));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.HOPS_X));
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0}, column(r.ticks, CountedEvents.WAIT_CYCLES));
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0}, column(r.ticks, CountedEvents.PEAK_LINK_LOAD));
        // The same spikes: the network model changes when, never what.
        assertArrayEquals(new int[] {0}, r.spikes(2, 4).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 5).toArray());
    }

    @Test
    void aLatencyOnlyChipCrossingTakesTheChipLinksLatency()
    {
        // Two chips of one tile each (tilesX = 1), b on the second: one x hop that crosses chips, 1,000 cycles (loihi's chipLinkCycles).
        final ChipSpec s = ChipSpecs.override(chip(1), "timing.network=latency-only");
        final ChipProgram p = twoCores(s, 1);
        final ChipProgram twoChips = new ChipProgram(p.name, p.timeWindow, p.delay, s, 2, p.outputReadyTick, p.initiationInterval, p.tables(),
            p.populations(), p.edges(), p.groups(), p.routes());
        final SampleResult r = new ChipEngine(twoChips).run(new int[] {5}, true);
        // t2: packets leave at 6 and 7, arrive at 1,006 and 1,007: 1,007 + 10 = 1,017; t3 the same.
        assertArrayEquals(new long[] {12, 16, 1017, 1017, 17, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.CHIP_CROSSINGS));
    }

    @Test
    void energyFollowsTheSpecFromTheCounts()
    {
        final SampleResult r = new ChipEngine(twoCores(2, 1)).run(new int[] {5}, false);
        final io.csdsim.simulator.report.SimulationReport rep = new io.csdsim.simulator.report.SimulationReport(twoCores(2, 1), List.of(r), null);
        assertEquals(4 * 1.0, rep.energyPj(EnergyCategory.SYNAPTIC_OPS), 1e-9, "4 SOPs × 1 pJ");
        assertEquals(9 * 10.0 + 9 * 2.0, rep.energyPj(EnergyCategory.NEURON_UPDATES), 1e-9, "9 active × 10 pJ + 9 idle × 2 pJ");
        assertEquals(6 * 0.5, rep.energyPj(EnergyCategory.SPIKES), 1e-9, "6 spikes × 0.5 pJ");
        assertEquals(4 * 3.0, rep.energyPj(EnergyCategory.HOPS), 1e-9, "4 x-hops × 3 pJ");
        // The host's input stage: 1 input unit × 2 targets = 2 MACs.
        assertEquals(2, r.inputMacs);
        assertEquals(0.9 * 4 + 4.6 * 2, rep.paperStylePj(), 1e-9, "paper style: 0.9 pJ × 4 SOPs + 4.6 pJ × 2 input MACs");
    }

    @Test
    void fartherCoresTakeMoreHopsAndContentionGrowsWithThem()
    {
        // b three tiles east: each packet takes three hops; the second waits 3 cycles at the first link
        // only (it then follows the first packet 4 cycles behind on every link): arrivals 6+15 = 21 and
        // 10+15 = 25.
        final SampleResult r = new ChipEngine(twoCores(4, 3)).run(new int[] {5}, false);
        assertArrayEquals(new long[] {12, 16, 35, 35, 17, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertEquals(12, r.ticks.total(CountedEvents.HOPS_X));
        assertEquals(6, r.ticks.total(CountedEvents.WAIT_CYCLES));
    }

    /** As {@link #twoCores}, on three tiles, with a's spikes to b forwarded by a relay on core 1. */
    static ChipProgram throughARelay()
    {
        final ChipProgram direct = twoCores(3, 2);
        final List<NeuronGroup> groups = List.of(new NeuronGroup(0, 1, 0, 2, 0), new NeuronGroup(1, 2, 0, 1, 2),
            new NeuronGroup(2, 1, 0, 2, 1, NeuronGroup.Role.RELAY, 0, new int[0]));
        final RouteTable routes = new RouteTable(new int[] {0, 2}, new int[] {2, 1}, new int[] {RouteTable.RELAY, 1}, new int[] {2, 2});
        return new ChipProgram("relay", 2, 1, chip(3), 1, 6, 3, direct.tables(), direct.populations(), direct.edges(), groups, routes);
    }

    @Test
    void aRelayForwardsEachSpikeOneCycleAfterItArrives()
    {
        final SampleResult r = new ChipEngine(throughARelay()).run(new int[] {5}, true);
        // Function is the direct program's: b fires in ticks 4 and 5.
        assertArrayEquals(new int[] {0}, r.spikes(2, 4).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 5).toArray());
        // t2 (and t3): a ready at 6. Spike 0 leaves at 6, holds the link east of core 0 6..10, reaches the
        // relay at 11, leaves it at 12, holds the next link 12..16, reaches b at 17. Spike 1 leaves at 7,
        // waits 3 for the first link (10..14), reaches the relay at 15, leaves at 16 — the second link is
        // free again at 16 — and reaches b at 21: 21 + barrier 10 = 31. Four packets, four x hops.
        assertArrayEquals(new long[] {12, 16, 31, 31, 17, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 4, 4, 0, 0}, column(r.ticks, CountedEvents.PACKETS));
        assertArrayEquals(new long[] {0, 0, 4, 4, 0, 0}, column(r.ticks, CountedEvents.HOPS_X));
        assertArrayEquals(new long[] {0, 0, 3, 3, 0, 0}, column(r.ticks, CountedEvents.WAIT_CYCLES));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.PEAK_LINK_LOAD));
        // Per core (groups a, b, relay): a sends 4 packets to the relay (one hop each), the relay 4 to b
        // (one hop each); the relay and b receive 4 each.
        assertArrayEquals(new long[] {4, 0, 4}, r.perGroup.of(CountedEvents.PACKETS));
        assertArrayEquals(new long[] {0, 4, 4}, r.perGroup.of(CountedEvents.PACKETS_RECEIVED));
        assertArrayEquals(new long[] {4, 0, 4}, r.perGroup.of(CountedEvents.HOPS_X));
    }

    /** As {@link #twoCores}, on three tiles, with b's fan-in on a dendrite on core 1 and its soma on core 2. */
    static ChipProgram throughADendrite()
    {
        final ChipProgram direct = twoCores(3, 2);
        final List<NeuronGroup> groups = List.of(new NeuronGroup(0, 1, 0, 2, 0), new NeuronGroup(1, 2, 0, 1, 2),
            new NeuronGroup(2, 2, 0, 1, 1, NeuronGroup.Role.DENDRITE, 1, new int[] {1, 0, 2}));
        final RouteTable routes = new RouteTable(new int[] {0, 2}, new int[] {2, 1}, new int[] {1, RouteTable.PARTIAL_SUMS},
            new int[] {2, 1});
        return new ChipProgram("dendrite", 2, 1, chip(3), 1, 6, 3, direct.tables(), direct.populations(), direct.edges(), groups, routes);
    }

    @Test
    void aDendriteSendsItsPartialSumBeforeTheSomaUpdates()
    {
        final SampleResult r = new ChipEngine(throughADendrite()).run(new int[] {5}, true);
        assertArrayEquals(new int[] {0}, r.spikes(2, 4).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 5).toArray());
        // t2: a's two spikes reach the dendrite (one hop) at 11 and 15 (the second waits 3): 25.
        // t3: the same for a; the dendrite does 2 SOPs (ready 4) and sends its one compartment's sum
        //     east at 4, arriving at 9; the soma adds it (2 cycles: 11) and updates actively (14): 15 + 10 = 25.
        // t4: dendrite 4, partial sum arrives 9, soma 11, fires 14; a idle (2): 14 + 10 = 24.
        // t5: the soma fires (3), no partial sum: 13.
        assertArrayEquals(new long[] {12, 16, 25, 25, 24, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 2, 3, 1, 0}, column(r.ticks, CountedEvents.PACKETS));
        assertArrayEquals(new long[] {0, 0, 0, 2, 2, 0}, column(r.ticks, CountedEvents.SOPS));
        assertArrayEquals(new long[] {0, 0, 3, 3, 0, 0}, column(r.ticks, CountedEvents.WAIT_CYCLES));
    }

    @Test
    void yHopsTakeTheYLatencyAndEnergy()
    {
        // b one tile north (tilesX = 1, tilesY = 2, core 1): packets leave core 0 at 6 and 7; the first
        // holds the north link 6..10 and arrives 7 later, at 13; the second waits 3, holds it 10..14,
        // arrives at 17: 17 + barrier 10 = 27.
        final ChipSpec s = ChipSpecs.override(ChipSpecs.override(chip(1), "mesh.tilesY=2"), "energy.hopYPJ=5");
        final ChipProgram p = twoCores(s, 1);
        final SampleResult r = new ChipEngine(p).run(new int[] {5}, false);
        assertArrayEquals(new long[] {12, 16, 27, 27, 17, 13}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 2, 2, 0, 0}, column(r.ticks, CountedEvents.HOPS_Y));
        assertEquals(0, r.ticks.total(CountedEvents.HOPS_X));
        assertEquals(2 * 5.0, r.ticks.energyPj(2, EnergyCategory.HOPS), 1e-12, "tick 2: 2 y hops × 5 pJ");
        assertEquals(4 * 5.0, new io.csdsim.simulator.report.SimulationReport(p, List.of(r), null).energyPj(EnergyCategory.HOPS), 1e-12);
        assertEquals(4, r.perGroup.of(CountedEvents.HOPS_Y)[0], "the hops belong to the core that sent the packets");
        assertEquals(0, r.perGroup.of(CountedEvents.HOPS_Y)[1]);
    }

    /** The worked example's chip with the per-message and per-neuron costs calibrated Loihi models add. */
    private static ChipSpec withPerEventCosts()
    {
        ChipSpec s = chip(2);
        for (final String set : new String[] {"timing.messageInCycles=2", "timing.neuronFireCycles=1", "timing.neuronAccessCycles=1",
            "energy.messageInPJ=0.25", "energy.messageOutPJ=0.75", "energy.neuronFirePJ=2", "energy.neuronAccessPJ=0.5",
            "energy.staticMWPerCore=1"})
        {
            s = ChipSpecs.override(s, set);
        }
        return s;
    }

    @Test
    void messagesReceivedFiringAndAccessCostTimeCycleByCycle()
    {
        final SampleResult r = new ChipEngine(twoCores(withPerEventCosts(), 1)).run(new int[] {5}, true);
        // The worked example, every neuron also accessed (1 cycle), each firing neuron 1 cycle more,
        // each packet received in 2 cycles, one at a time:
        //  t0: a 2 idle (2) + 2 accesses (2) = 4; b 1 + 1 = 2: 4 + 10 = 14
        //  t1: a 2 active (6) + 2 accesses = 8: 8 + 10 = 18
        //  t2: a 8, fires 2 (2): ready 10. Packets leave at 10 and 11: the first holds the link 10..14,
        //      arrives at 15, is received by 17; the second waits until 14, arrives at 19, is received
        //      by max(19, 17) + 2 = 21: 21 + 10 = 31
        //  t3: as t2 for a; b 2 SOPs (4) + active (3) + access (1) = 8 < 21: 31
        //  t4: b 2 SOPs (4) + active (3) + access (1) + fires 1 (1) = 9 (b sends nothing); a 4: 9 + 10 = 19
        //  t5: b active (3) + access (1) + fire (1) = 5; a 4: 5 + 10 = 15
        assertArrayEquals(new long[] {14, 18, 31, 31, 19, 15}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new int[] {0}, r.spikes(2, 5).toArray(), "costs change when, never what");
        assertArrayEquals(new long[] {4 + 8 + 10 + 10 + 4 + 4, 2 + 2 + 2 + 8 + 9 + 5}, r.perGroup.of(CountedEvents.BUSY_CYCLES),
            "busy until updated and fired, per tick: a 4, 8, 10, 10, 4, 4; b 2, 2, 2, 8, 9, 5");
        assertArrayEquals(new long[] {4, 0}, r.perGroup.of(CountedEvents.PACKETS));
        assertArrayEquals(new long[] {0, 4}, r.perGroup.of(CountedEvents.PACKETS_RECEIVED));
        assertArrayEquals(new long[] {4, 2}, r.perGroup.of(CountedEvents.SPIKES));
        assertArrayEquals(new long[] {12, 6}, r.perGroup.of(CountedEvents.NEURON_UPDATES));
    }

    @Test
    void perMessageAndPerNeuronEnergyPerTickCoreAndRun()
    {
        final ChipProgram p = twoCores(withPerEventCosts(), 1);
        final SampleResult r = new ChipEngine(p).run(new int[] {5}, false);
        // Tick 2: 3 neurons accessed × 0.5, 2 fire × 2, 2 packets sent × 0.75 and received × 0.25,
        // 2 active × 10 + 1 idle × 2, 2 spikes × 0.5, 2 x hops × 3; static 1 mW × 2 cores × 31 ns = 62 pJ.
        final double[] tick2 = {1.5, 4, 1.5, 0.5, 22, 1, 6, 62};
        final EnergyCategory[] cats = {EnergyCategory.NEURON_ACCESSES, EnergyCategory.NEURON_FIRES, EnergyCategory.MESSAGES_SENT,
            EnergyCategory.MESSAGES_RECEIVED, EnergyCategory.NEURON_UPDATES, EnergyCategory.SPIKES, EnergyCategory.HOPS, EnergyCategory.STATIC};
        for (int k = 0; k < cats.length; k++)
        {
            assertEquals(tick2[k], r.ticks.energyPj(2, cats[k]), 1e-9, cats[k].label);
        }
        // Tick 1 takes the host's input stage: 2 MACs × 4.6 pJ (loihi's inputMacPJ); no other tick does.
        assertEquals(2 * 4.6, r.ticks.energyPj(1, EnergyCategory.INPUT_MACS), 1e-9);
        assertEquals(0, r.ticks.energyPj(2, EnergyCategory.INPUT_MACS));
        // The run: 18 accesses × 0.5 = 9, 6 fires × 2 = 12, 4 packets × 0.75 = 3 and × 0.25 = 1;
        // static 1 mW × 2 cores × 128 ns = 256 pJ.
        final io.csdsim.simulator.report.SimulationReport rep = new io.csdsim.simulator.report.SimulationReport(p, List.of(r), null);
        assertEquals(9, rep.energyPj(EnergyCategory.NEURON_ACCESSES), 1e-9);
        assertEquals(12, rep.energyPj(EnergyCategory.NEURON_FIRES), 1e-9);
        assertEquals(3, rep.energyPj(EnergyCategory.MESSAGES_SENT), 1e-9);
        assertEquals(1, rep.energyPj(EnergyCategory.MESSAGES_RECEIVED), 1e-9);
        assertEquals(256, rep.energyPj(EnergyCategory.STATIC), 1e-9);
        double dynamic = 0;
        for (final EnergyCategory c : EnergyCategory.values())
        {
            dynamic += c == EnergyCategory.STATIC ? 0 : rep.energyPj(c);
        }
        assertEquals(dynamic, rep.dynamicEnergyPj(), 1e-9);
    }

    @Test
    void aLifLeaksOverIdleTicksAndFiresWithoutNewInput()
    {
        // As the worked example, with a made of CUBA-LIF units: du = 0 (the current holds), dv = 2048
        // (the voltage halves, toward zero, every tick), θ = 8, no bias. Input 5 reaches a in tick 1:
        //  t1: u = 5, v = 0 + 5 = 5;  t2: v = 2 + 5 = 7;  t3: v = 3 + 5 = 8, not > 8;  t4: v = 4 + 5 = 9 > 8: fires, v = 0.
        // Only if idle units are stepped does a fire at all. b (DIF, window [4, 5]) takes the 2 spikes in tick 5 and fires.
        final ChipProgram direct = twoCores(2, 1);
        final List<ProgramPopulation> pops = List.of(direct.populations().get(0),
            new ProgramPopulation(1, "a", ProgramPopulation.Kind.NEURONS, new int[] {1, 2}, 0, 0, null, 0,
                io.csdsim.isa.program.NeuronSpec.of("cuba-lif", "du", 0, "dv", 2048, "theta", 8)),
            direct.populations().get(2));
        final ChipProgram p = new ChipProgram("lif", 2, 1, direct.spec, 1, 6, 3, direct.tables(), pops, direct.edges(), direct.groups(),
            direct.routes());
        final SampleResult r = new ChipEngine(p).run(new int[] {5}, true);
        for (int t = 0; t < 6; t++)
        {
            assertArrayEquals(t == 4 ? new int[] {0, 1} : new int[0], r.spikes(1, t).toArray(), "a, tick " + t);
        }
        assertArrayEquals(new int[] {0}, r.spikes(2, 5).toArray());
        // Cycles: t0 a 2 idle (2) + 10; t1 a 2 active (6) + 10; t2, t3 a idle again (2) + 10 — its state
        // changes, but it neither received input nor fired; t4 a fires both (6), the packets arrive at
        // 11 and 15 (the second waits for the link): 15 + 10; t5 b 2 SOPs (4) + active (3) + 10.
        assertArrayEquals(new long[] {12, 16, 12, 12, 25, 17}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 2, 0, 0, 2, 1}, column(r.ticks, CountedEvents.ACTIVE_UPDATES));
        // Energy: 5 active updates × 10 pJ + 13 idle × 2 pJ.
        assertEquals(5 * 10.0 + 13 * 2.0, new io.csdsim.simulator.report.SimulationReport(p, List.of(r), null)
            .energyPj(EnergyCategory.NEURON_UPDATES), 1e-9);
    }

    @Test
    void aTdecMaxPoolUnitCountsItsDynamicOpsAndFiresInItsSourcesTicks()
    {
        // input [2, 2, 1] → conv 3×3 of ones → a [2, 2, 1] DIF on core 0 (θ 2, window [2, 3]) → TDEC max-pool
        // 3×3/2 → m [1, 1, 1] on core 1 (a TDEC unit). Input 1 everywhere: every a unit takes 4 in tick 1 and
        // fires in ticks 2 and 3; the pool's running maximum grows in both, so m fires in both.
        final ChipSpec s = ChipSpecs.override(chip(2), "core.tdecUnits=8");
        final short[] ones = new short[9];
        java.util.Arrays.fill(ones, (short)1);
        final List<SynapseTable> tables = List.of(new SynapseTable(0, SynapseTable.Kind.CONV3X3, 2, 2, 1, 1, ones));
        final List<ProgramPopulation> pops = List.of(
            new ProgramPopulation(0, "input", ProgramPopulation.Kind.INPUT, new int[] {2, 2, 1}, 0, 0, new long[] {0}, 0),
            new ProgramPopulation(1, "a", ProgramPopulation.Kind.DIF, new int[] {2, 2, 1}, 2, 0, null, 2),
            new ProgramPopulation(2, "m", ProgramPopulation.Kind.TDEC_MAXPOOL, new int[] {1, 1, 1}, 0, 0, null, 2));
        final List<ProgramEdge> edges = List.of(new ProgramEdge(0, 1, ProgramEdge.Kind.TABLE, 0, 0, -1, null, 0, 1),
            new ProgramEdge(1, 2, ProgramEdge.Kind.POOL, -1, 1, -1, null, 0, 0));
        final List<NeuronGroup> groups = List.of(new NeuronGroup(0, 1, 0, 4, 0), new NeuronGroup(1, 2, 0, 1, 1));
        final RouteTable routes = new RouteTable(new int[] {0}, new int[] {1}, new int[] {1}, new int[] {4});
        final ChipProgram p = new ChipProgram("pool", 2, 1, s, 1, 4, 3, tables, pops, edges, groups, routes);
        io.csdsim.isa.program.ProgramConsistency.check("pool", p);
        final SampleResult r = new ChipEngine(p).run(new int[] {1, 1, 1, 1}, true);
        assertArrayEquals(new int[] {0, 1, 2, 3}, r.spikes(1, 2).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 2).toArray());
        assertArrayEquals(new int[] {0}, r.spikes(2, 3).toArray());
        // Cycles: t0 a 4 idle (4) + 10; t1 a 4 active (12) + 10; t2 a 4 active (12), its 4 spikes leave at
        // 12..15 for the pool's core, one hop: the link holds each 4 cycles, so they arrive at 17, 21, 25, 29;
        // the TDEC unit's 4 dynamic ops take 8 cycles (the pool has no neuron update): 29 + 10; t3 the same.
        assertArrayEquals(new long[] {14, 22, 39, 39}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 0, 4, 4}, column(r.ticks, CountedEvents.DYNAMIC_OPS));
        assertArrayEquals(new long[] {0, 0, 5, 5}, column(r.ticks, CountedEvents.SPIKES));
        assertArrayEquals(new long[] {0, 0, 4, 4}, column(r.ticks, CountedEvents.PACKETS));
        assertArrayEquals(new long[] {4, 4, 4, 4}, column(r.ticks, CountedEvents.NEURON_UPDATES));
        assertArrayEquals(new long[] {0, 8}, r.perGroup.of(CountedEvents.DYNAMIC_OPS), "the dynamic ops are the TDEC unit's");
        // Energy: 8 dynamic ops × 23.6 pJ (loihi's dynamicOpPJ); tick 2 alone: 4 × 23.6.
        assertEquals(8 * 23.6, new io.csdsim.simulator.report.SimulationReport(p, List.of(r), null).energyPj(EnergyCategory.DYNAMIC_OPS), 1e-9);
        assertEquals(4 * 23.6, r.ticks.energyPj(2, EnergyCategory.DYNAMIC_OPS), 1e-9);
    }

    @Test
    void anAccumulatorForwardsItsSumsAsGradedSpikesWhoseSynapsesMultiplyByThePayload()
    {
        // input [2] → dense [[1, 2], [3, -1]] → acc [2] accumulators (4-bit payloads: at most 7) on core 0 → identity, shift 1
        // → b [2] DIF on core 1 (θ 4, window [2, 3]). Input (5, 1): acc takes 5·1 + 1·3 = 8 and 5·2 − 1 = 9 in tick 1, both
        // clamped to 7 (2 saturations), and sends two graded spikes of 7. b takes 7 << 1 = 14 each in tick 2: v 14 → 10 → 6,
        // firing in ticks 2 and 3.
        ChipSpec chip = chip(2);
        chip = chip.with(ChipField.CORE_GRADED_SPIKES, 4, "test").with(ChipField.TIMING_ACCUMULATOR_UPDATE_CYCLES, 5, "test")
            .with(ChipField.TIMING_GRADED_SPIKE_CYCLES, 1, "test").with(ChipField.ENERGY_ACCUMULATOR_UPDATE_PJ, 4, "test")
            .with(ChipField.ENERGY_GRADED_PAYLOAD_PJ, 0.25, "test");
        final List<SynapseTable> tables = List.of(new SynapseTable(0, SynapseTable.Kind.DENSE, 1, 1, 2, 2, new short[] {1, 2, 3, -1}),
            SynapseTable.sparse(1, 2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new short[] {1, 1}));
        final List<ProgramPopulation> pops = List.of(
            new ProgramPopulation(0, "input", ProgramPopulation.Kind.INPUT, new int[] {1, 1, 2}, 0, 0, new long[] {0, 0}, 0),
            new ProgramPopulation(1, "acc", ProgramPopulation.Kind.NEURONS, new int[] {1, 2}, 0, 0, null, 1,
                io.csdsim.isa.program.NeuronSpec.of("accumulator", "payloadBits", 4)),
            new ProgramPopulation(2, "b", ProgramPopulation.Kind.DIF, new int[] {1, 2}, 4, 0, null, 2));
        final List<ProgramEdge> edges = List.of(new ProgramEdge(0, 1, ProgramEdge.Kind.TABLE, 0, 0, -1, null, 0, 1),
            new ProgramEdge(1, 2, ProgramEdge.Kind.TABLE, 1, 1, -1, null, 1, 1));
        final List<NeuronGroup> groups = List.of(new NeuronGroup(0, 1, 0, 2, 0), new NeuronGroup(1, 2, 0, 2, 1));
        final RouteTable routes = new RouteTable(new int[] {0}, new int[] {1}, new int[] {1}, new int[] {2});
        final ChipProgram p = new ChipProgram("graded", 2, 1, chip, 1, 4, 3, tables, pops, edges, groups, routes);
        io.csdsim.isa.program.ProgramConsistency.check("graded", p);
        final SampleResult r = new ChipEngine(p).run(new int[] {5, 1}, true);
        assertArrayEquals(new int[] {0, 1}, r.spikes(1, 1).toArray());
        assertArrayEquals(new int[] {0, 1}, r.spikes(2, 2).toArray());
        assertArrayEquals(new int[] {0, 1}, r.spikes(2, 3).toArray());
        assertEquals(2, r.saturations, "8 and 9 do not fit a 4-bit payload");
        // Cycles: t0 b 2 idle (2) + 10; t1 acc sums 2 units (2 × 5 = 10, no idle updates), sends 2 graded spikes (+2 × 1): its
        // packets leave at 12 and 13 for core 1, one hop: the link holds each 4 cycles, arrivals 17 and 21; b idle (2): 21 + 10;
        // t2 b 2 SOPs (4) and 2 active updates (6) = 10 + 10; t3 b fires again: 2 active (6) + 10.
        assertArrayEquals(new long[] {12, 31, 20, 16}, column(r.ticks, CountedEvents.CYCLES));
        assertArrayEquals(new long[] {0, 2, 0, 0}, column(r.ticks, CountedEvents.ACCUMULATOR_UPDATES));
        assertArrayEquals(new long[] {0, 2, 0, 0}, column(r.ticks, CountedEvents.GRADED_SPIKES));
        assertArrayEquals(new long[] {0, 2, 2, 2}, column(r.ticks, CountedEvents.SPIKES));
        assertArrayEquals(new long[] {0, 0, 2, 0}, column(r.ticks, CountedEvents.SOPS));
        assertArrayEquals(new long[] {2, 2, 2, 2}, column(r.ticks, CountedEvents.NEURON_UPDATES), "the accumulators take no neuron update");
        assertEquals(2 * 4.0, r.ticks.energyPj(1, EnergyCategory.ACCUMULATOR_UPDATES), 1e-12);
        assertEquals(2 * 0.25, r.ticks.energyPj(1, EnergyCategory.GRADED_PAYLOADS), 1e-12);
        assertEquals(2 * 0.5, r.ticks.energyPj(1, EnergyCategory.SPIKES), 1e-12);
    }
}
