package io.csdsim.tests;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.sanafe.SanafeArchitecture;
import io.csdsim.isa.spec.sanafe.SanafeArchitectureReader;
import io.csdsim.mapper.GivenPlacement;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.Schedule;
import io.csdsim.models.reference.SpikeTrains;
import io.csdsim.models.sanafe.SanafeCores;
import io.csdsim.models.sanafe.SanafeNetwork;
import io.csdsim.models.sanafe.SanafeNetworkReader;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickWorkers;
import io.csdsim.simulator.event.CountedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SANA-FE's files (issue 12, item 3): an architecture file becomes a chip spec with its figures, an
 * SNN file a network with SANA-FE's semantics on the cores its mappings name. Oracles: a network
 * worked by hand — every spike, synaptic event, message, hop and update per tick, and the energy
 * they cost at the file's figures — the functional reference on random networks, and the equivalence
 * of SANA-FE's conv2d and dense edges with the same connections written one by one.
 */
class SanafeImportTest
{
    @TempDir
    Path dir;

    /** An architecture of width × height tiles of {@code cores} cores, SANA-FE's Loihi figures but a message-in cost. */
    static String architecture(final int width, final int height, final int cores)
    {
        return """
            architecture:
              name: test_chip
              attributes:
                width: %d
                height: %d
                link_buffer_size: 16
                sync_model: table
                latency_sync: {1: 0.6e-6, 2: 1.0e-6, 4: 1.4e-6}
              tile:
                - name: tile[0..%d]
                  attributes:
                    energy_north_hop: 4.2e-12
                    latency_north_hop: 6.5e-9
                    energy_east_hop: 3.0e-12
                    latency_east_hop: 4.1e-9
                    energy_south_hop: 4.2e-12
                    latency_south_hop: 6.5e-9
                    energy_west_hop: 3.0e-12
                    latency_west_hop: 4.1e-9
                  core:
                    - name: core[0..%d]
                      attributes:
                        buffer_position: soma
                        max_neurons_supported: 64
                      axon_in:
                        - name: in_port
                          attributes: {energy_message_in: 7.0e-12, latency_message_in: 16.0e-9}
                      synapse:
                        - name: dense_synapse
                          attributes: {model: current_based, energy_process_spike: 35.5e-12, latency_process_spike: 3.8e-9}
                      dendrite:
                        - name: dendrites
                          attributes: {model: accumulator, energy_update: 0.0, latency_update: 0.0}
                      soma:
                        - name: lif
                          attributes: {model: leaky_integrate_fire, energy_access_neuron: 51.2e-12, latency_access_neuron: 6.0e-9,
                                       energy_update_neuron: 21.6e-12, latency_update_neuron: 3.7e-9, energy_spike_out: 69.3e-12,
                                       latency_spike_out: 30.0e-9}
                        - name: inputs[0..63]
                          attributes: {model: input, energy_access_neuron: 0.0, latency_access_neuron: 0.0, energy_update_neuron: 0.0,
                                       latency_update_neuron: 0.0, energy_spike_out: 0.0, latency_spike_out: 0.0}
                      axon_out:
                        - name: out_port
                          attributes: {energy_message_out: 111.0e-12, latency_message_out: 5.1e-9}
            """.formatted(width, height, width * height - 1, cores - 1);
    }

    /** Two input units, three LIF neurons on two cores of two tiles, a dense edge and a recurrent connection. */
    static final String HAND = """
        network:
          name: hand
          groups:
            - name: in
              neurons:
                - 0: {spikes: [1, 0, 1, 0]}
                - 1: [spikes: [0, 1, 1, 0]]
            - name: out
              attributes: [threshold: 2, reset: 0, reset_mode: hard, log_spikes: true]
              neurons:
                - 0..2
          edges:
            - in -> out: {type: dense, weight: [1, 2, 3, 2, 1, -1]}
            - out.2 -> out.0: {weight: 5}
        mappings:
          - in.0: {core: '0.0', soma: 'inputs[0]'}
          - in.1: {core: 0.0, soma: 'inputs[1]'}
          - out.0..1: {core: '1.0'}
          - out.2: {core: '5.1'}
        """;

    /** What the SNN reader needs of an architecture (the command line builds the same). */
    static SanafeCores cores(final SanafeArchitecture a)
    {
        return new SanafeCores(a.somaModels(), a.tiles(), a.coresPerTile(), a::core, a.spec().getInt(ChipField.CORE_MEMBRANE_BITS));
    }

    private Path write(final String name, final String text) throws Exception
    {
        final Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void anArchitectureFileBecomesAChipWithItsFigures() throws Exception
    {
        final SanafeArchitecture a = SanafeArchitectureReader.read(write("arch.yaml", architecture(4, 2, 2)));
        final ChipSpec s = a.spec();
        assertEquals(4, s.getInt(ChipField.MESH_TILES_X));
        assertEquals(2, s.getInt(ChipField.MESH_TILES_Y));
        assertEquals(2, s.getInt(ChipField.MESH_CORES_PER_TILE));
        assertEquals(64, s.maxNeurons());
        // Joules to pJ, seconds to 1 ps cycles.
        assertEquals(35.5, s.get(ChipField.ENERGY_SYN_OP_PJ));
        assertEquals(51.2, s.get(ChipField.ENERGY_NEURON_ACCESS_PJ));
        assertEquals(21.6, s.get(ChipField.ENERGY_NEURON_ACTIVE_PJ));
        assertEquals(0, s.get(ChipField.ENERGY_NEURON_IDLE_PJ));
        assertEquals(69.3, s.get(ChipField.ENERGY_NEURON_FIRE_PJ));
        assertEquals(111, s.get(ChipField.ENERGY_MESSAGE_OUT_PJ));
        assertEquals(7, s.get(ChipField.ENERGY_MESSAGE_IN_PJ));
        assertEquals(3.0, s.get(ChipField.ENERGY_HOP_X_PJ));
        assertEquals(4.2, s.get(ChipField.ENERGY_HOP_Y_PJ));
        assertEquals(0, s.get(ChipField.ENERGY_STATIC_MW_PER_CORE));
        assertEquals("overlapped", ChipField.TIMING_CORE.choiceName(s.get(ChipField.TIMING_CORE)), "separate synapse and soma units");
        assertEquals(1e6, s.get(ChipField.TIMING_CLOCK_MHZ));
        assertEquals(3800, s.get(ChipField.TIMING_SYN_OP_CYCLES));
        assertEquals(6000, s.get(ChipField.TIMING_NEURON_ACCESS_CYCLES));
        assertEquals(3700, s.get(ChipField.TIMING_NEURON_ACTIVE_CYCLES));
        assertEquals(30000, s.get(ChipField.TIMING_NEURON_FIRE_CYCLES));
        assertEquals(16000, s.get(ChipField.TIMING_MESSAGE_IN_CYCLES));
        assertEquals(5100, s.get(ChipField.TIMING_MESSAGE_OUT_CYCLES));
        assertEquals(4100, s.get(ChipField.TIMING_HOP_X_CYCLES));
        assertEquals(6500, s.get(ChipField.TIMING_HOP_Y_CYCLES));
        // The barrier is the table's entry for the tiles in use: the largest key at most their number.
        assertEquals(1_400_000, s.get(ChipField.TIMING_BARRIER_CYCLES), "every tile in use");
        assertEquals(600_000, a.forTilesInUse(1).get(ChipField.TIMING_BARRIER_CYCLES));
        assertEquals(1_000_000, a.forTilesInUse(3).get(ChipField.TIMING_BARRIER_CYCLES));
        assertEquals(1_400_000, a.forTilesInUse(8).get(ChipField.TIMING_BARRIER_CYCLES));
        // SANA-FE's tile t sits at x = t / height, y = t % height.
        assertEquals((1 * 4 + 2) * 2 + 1, a.core(5, 1));
        assertEquals("lif", a.defaultSoma());
        assertEquals("input", a.somaModels().get("inputs[63]"));
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("link_buffer_size")), a.warnings().toString());
    }

    @Test
    void theLoihiSanafePresetCarriesTheFiguresTheReaderReadsFromSanafesLoihiArchitecture() throws Exception
    {
        // Two paths to the same figures: the preset typed from arch/loihi.yaml, and the reader on a file with them.
        final ChipSpec read = SanafeArchitectureReader.read(write("loihi.yaml", architecture(8, 4, 4).replace("energy_message_in: 7.0e-12",
            "energy_message_in: 0.0"))).spec();
        final ChipSpec preset = io.csdsim.isa.spec.ChipSpecs.preset("loihi-sanafe");
        for (final ChipField f : new ChipField[] {ChipField.ENERGY_SYN_OP_PJ, ChipField.ENERGY_NEURON_ACCESS_PJ,
            ChipField.ENERGY_NEURON_ACTIVE_PJ, ChipField.ENERGY_NEURON_IDLE_PJ, ChipField.ENERGY_NEURON_FIRE_PJ, ChipField.ENERGY_SPIKE_PJ,
            ChipField.ENERGY_MESSAGE_OUT_PJ, ChipField.ENERGY_MESSAGE_IN_PJ, ChipField.ENERGY_HOP_X_PJ, ChipField.ENERGY_HOP_Y_PJ,
            ChipField.MESH_TILES_X, ChipField.MESH_TILES_Y, ChipField.MESH_CORES_PER_TILE})
        {
            assertEquals(read.get(f), preset.get(f), 1e-9, f.key);
        }
        final double readNs = 1000 / read.get(ChipField.TIMING_CLOCK_MHZ);
        final double presetNs = 1000 / preset.get(ChipField.TIMING_CLOCK_MHZ);
        for (final ChipField f : new ChipField[] {ChipField.TIMING_SYN_OP_CYCLES, ChipField.TIMING_NEURON_ACCESS_CYCLES,
            ChipField.TIMING_NEURON_ACTIVE_CYCLES, ChipField.TIMING_NEURON_IDLE_CYCLES, ChipField.TIMING_NEURON_FIRE_CYCLES,
            ChipField.TIMING_MESSAGE_IN_CYCLES, ChipField.TIMING_MESSAGE_OUT_CYCLES, ChipField.TIMING_HOP_X_CYCLES, ChipField.TIMING_HOP_Y_CYCLES})
        {
            assertEquals(read.get(f) * readNs, preset.get(f) * presetNs, 1e-9, f.key + " in ns");
        }
    }

    @Test
    void aHandWorkedNetworkRunsWithSanafesSemanticsCountsAndCosts() throws Exception
    {
        final Path arch = write("arch.yaml", architecture(4, 2, 2));
        final Path net = write("hand.yaml", HAND);
        final Path csv = dir.resolve("t.csv");
        final Cli r = Cli.run("simulate", net.toString(), "--chip", arch.toString(), "--timesteps", "6", "--ticks", csv.toString(),
            "--threads", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("warning: " + arch + ": not modelled by csdsim: link_buffer_size"), r.err());
        final List<Map<String, String>> rows = CsvRows.read(csv);
        assertEquals(7, rows.size(), "6 ticks and one to deliver the last tick's spikes");
        // Worked by hand (docs/sanafe.md: a spike acts in the next tick; LIF fires on v > 2, hard reset to 0;
        // an update counts when v before the tick is not 0, the neuron has input or fires).
        final long[] inputSpikes = {1, 1, 2, 0, 0, 0, 0};
        final long[] spikes = {0, 1, 2, 2, 0, 0, 0};
        final long[] sops = {0, 3, 4, 6, 0, 0, 0};
        final long[] active = {0, 3, 3, 3, 1, 1, 1};
        final long[] packets = {2, 3, 4, 0, 0, 0, 0};
        final long[] hopsX = {2, 4, 4, 0, 0, 0, 0};
        final long[] hopsY = {2, 2, 4, 0, 0, 0, 0};
        for (int t = 0; t < 7; t++)
        {
            final Map<String, String> row = rows.get(t);
            final String at = "tick " + t;
            assertEquals(inputSpikes[t], Long.parseLong(row.get("input_spikes")), at);
            assertEquals(spikes[t], Long.parseLong(row.get("spikes")), at);
            assertEquals(sops[t], Long.parseLong(row.get("sops")), at);
            assertEquals(3, Long.parseLong(row.get("neuron_updates")), at + ": every LIF neuron, no input unit");
            assertEquals(active[t], Long.parseLong(row.get("active_updates")), at);
            assertEquals(packets[t], Long.parseLong(row.get("packets")), at);
            assertEquals(hopsX[t], Long.parseLong(row.get("hops_x")), at);
            assertEquals(hopsY[t], Long.parseLong(row.get("hops_y")), at);
            // The file's figures, in pJ.
            assertEquals(sops[t] * 35.5, Double.parseDouble(row.get("energy_synaptic_ops_pj")), 1e-6, at);
            assertEquals(3 * 51.2, Double.parseDouble(row.get("energy_neuron_accesses_pj")), 1e-6, at);
            assertEquals(active[t] * 21.6, Double.parseDouble(row.get("energy_neuron_updates_pj")), 1e-6, at);
            assertEquals(spikes[t] * 69.3, Double.parseDouble(row.get("energy_neuron_fires_pj")), 1e-6, at);
            assertEquals(packets[t] * 111.0, Double.parseDouble(row.get("energy_messages_sent_pj")), 1e-6, at);
            assertEquals(packets[t] * 7.0, Double.parseDouble(row.get("energy_messages_received_pj")), 1e-6, at);
            assertEquals(hopsX[t] * 3.0 + hopsY[t] * 4.2, Double.parseDouble(row.get("energy_hops_pj")), 1e-6, at);
            assertEquals(0, Double.parseDouble(row.get("energy_static_pj")), at);
        }
        // Tiles 0, 1 and 5 hold neurons: the table's entry for 2 tiles (1.0 us) ends every tick.
        for (final Map<String, String> row : rows)
        {
            assertTrue(Long.parseLong(row.get("cycles")) >= 1_000_000, row.toString());
        }
        assertEquals(1_000_000 + 2 * 6000, Long.parseLong(rows.get(5).get("cycles")),
            "a quiet tick: 1.0 us of synchronisation after the busiest core's work, two accesses (out.2's core: access and update, 9.7 ns)");
    }

    @Test
    void theFilesMappingIsKeptAndRemapIsOurs() throws Exception
    {
        final SanafeArchitecture a = SanafeArchitectureReader.read(write("arch.yaml", architecture(4, 2, 2)));
        final SanafeNetwork n = SanafeNetworkReader.read(write("hand.yaml", HAND), cores(a), 6);
        final ChipProgram given = Mapper.compile(n.network(), a.spec(), MapperOptions.DEFAULT.withGiven(new GivenPlacement("hand.yaml",
            n.coreOfUnit()))).program();
        final Map<String, Integer> cores = new HashMap<>();
        for (final NeuronGroup g : given.groups())
        {
            cores.put(given.populations().get(g.population()).name() + " " + g.start() + ".." + (g.end() - 1), g.core());
        }
        assertEquals(Map.of("in 0..1", a.core(0, 0), "out 0..1", a.core(1, 0), "out 2..2", a.core(5, 1)), cores);
        assertEquals(3, given.tilesInUse());
        // Both mappings run the same spikes: the reference's.
        final ChipProgram ours = Mapper.compile(n.network(), a.spec(), MapperOptions.DEFAULT).program();
        final FunctionalSpiking reference = new FunctionalSpiking(n.network(), Schedule.canonical(n.network()));
        final SpikeTrains[] want = new SpikeTrains[1];
        reference.runSpikes(n.trains().sample(0), want);
        for (final ChipProgram p : List.of(given, ours))
        {
            final SampleResult r;
            try (TickWorkers w = new TickWorkers(2))
            {
                r = new ChipEngine(p).runSpikes(n.trains().sample(0), true, w, null);
            }
            for (int t = 0; t < 6; t++)
            {
                assertArrayEquals(want[0].spikes(1, t).toArray(), r.spikes(1, t).toArray(), "tick " + t);
            }
        }
        assertArrayEquals(new int[] {2}, want[0].spikes(1, 1).toArray());
        assertArrayEquals(new int[] {0, 1}, want[0].spikes(1, 3).toArray());
    }

    /** A random conv net: [2, 6, 5] inputs, a 3x2 conv2d of 3 kernels with stride (1, 2) into LIF, then dense to 4 LIF. */
    private static String convNet(final boolean asConnections)
    {
        final Random rnd = new Random(3);
        final int c = 2;
        final int h = 6;
        final int w = 5;
        final int kh = 3;
        final int kw = 2;
        final int k = 3;
        final int oh = (h - kh) / 1 + 1;
        final int ow = (w - kw) / 2 + 1;
        final int[] filter = new int[kh * kw * c * k];
        for (int i = 0; i < filter.length; i++)
        {
            filter[i] = rnd.nextInt(9) - 3;
        }
        final int hidden = k * oh * ow;
        final int[] dense = new int[hidden * 4];
        for (int i = 0; i < dense.length; i++)
        {
            dense[i] = rnd.nextInt(7) - 2;
        }
        final StringBuilder sb = new StringBuilder("network:\n  name: conv\n  groups:\n    - name: in\n      neurons:\n");
        for (int n = 0; n < c * h * w; n++)
        {
            final StringBuilder train = new StringBuilder();
            for (int t = 0; t < 12; t++)
            {
                train.append(t > 0 ? ", " : "").append(rnd.nextInt(3) == 0 ? 1 : 0);
            }
            sb.append("        - ").append(n).append(": {spikes: [").append(train).append("]}\n");
        }
        sb.append("    - name: hid\n      attributes: {threshold: 3, reset_mode: soft}\n      neurons: [0..").append(hidden - 1).append("]\n");
        sb.append("    - name: out\n      attributes: {threshold: 4, reset: -1, bias: 1}\n      neurons: [0..3]\n  edges:\n");
        if (asConnections)
        {
            // The same connections written one by one, in SANA-FE's layout: inputs (c, y, x), filter [ky][kx][c][k].
            for (int co = 0; co < k; co++)
            {
                for (int y = 0; y < oh; y++)
                {
                    for (int x = 0; x < ow; x++)
                    {
                        for (int ci = 0; ci < c; ci++)
                        {
                            for (int fy = 0; fy < kh; fy++)
                            {
                                for (int fx = 0; fx < kw; fx++)
                                {
                                    final int src = (ci * h + y + fy) * w + x * 2 + fx;
                                    final int dst = (co * oh + y) * ow + x;
                                    sb.append("    - in.").append(src).append(" -> hid.").append(dst).append(": {w: ")
                                        .append(filter[((fy * kw + fx) * c + ci) * k + co]).append("}\n");
                                }
                            }
                        }
                    }
                }
            }
            for (int s = 0; s < hidden; s++)
            {
                for (int d = 0; d < 4; d++)
                {
                    sb.append("    - hid.").append(s).append(" -> out.").append(d).append(": [weight: ").append(dense[s * 4 + d]).append("]\n");
                }
            }
        }
        else
        {
            sb.append("    - in -> hid: {type: conv2d, input_width: ").append(w).append(", input_height: ").append(h)
                .append(", input_channels: ").append(c).append(", kernel_width: ").append(kw).append(", kernel_height: ").append(kh)
                .append(", kernel_count: ").append(k).append(", stride_width: 2, weight: ").append(java.util.Arrays.toString(filter))
                .append(", dendrite: {delay: 0}}\n");
            sb.append("    - hid -> out: {type: dense, synapse: {weight: ").append(java.util.Arrays.toString(dense)).append("}}\n");
        }
        sb.append("mappings:\n  - in: {core: '0.0', soma: 'inputs[0]'}\n  - hid: {core: '3.1'}\n  - out: {core: '6.0'}\n");
        return sb.toString();
    }

    @Test
    void conv2dAndDenseEdgesAreTheirConnectionsOneByOne() throws Exception
    {
        final SanafeArchitecture a = SanafeArchitectureReader.read(write("arch.yaml", architecture(4, 2, 2)));
        final SanafeNetwork grouped = SanafeNetworkReader.read(write("g.yaml", convNet(false)), cores(a), 14);
        final SanafeNetwork single = SanafeNetworkReader.read(write("s.yaml", convNet(true)), cores(a), 14);
        final List<long[]> counts = new ArrayList<>();
        for (final SanafeNetwork n : List.of(grouped, single))
        {
            final FunctionalSpiking reference = new FunctionalSpiking(n.network(), Schedule.canonical(n.network()));
            final SpikeTrains[] want = new SpikeTrains[1];
            reference.runSpikes(n.trains().sample(0), want);
            final ChipProgram p = Mapper.compile(n.network(), a.spec(), MapperOptions.DEFAULT.withGiven(new GivenPlacement("x",
                n.coreOfUnit()))).program();
            final SampleResult r;
            try (TickWorkers w = new TickWorkers(1))
            {
                r = new ChipEngine(p).runSpikes(n.trains().sample(0), true, w, null);
            }
            final long[] c = new long[3 * 14 + 1];
            for (int t = 0; t < 14; t++)
            {
                for (int pop = 1; pop < 3; pop++)
                {
                    assertArrayEquals(want[0].spikes(pop, t).toArray(), r.spikes(pop, t).toArray(), "tick " + t);
                    c[(pop - 1) * 14 + t] = r.spikes(pop, t).size();
                }
                c[28 + t] = r.ticks.get(t, io.csdsim.simulator.event.CountedEvents.SOPS);
            }
            counts.add(c);
        }
        assertArrayEquals(counts.get(0), counts.get(1), "spikes of both layers and synaptic events per tick");
        assertTrue(java.util.Arrays.stream(counts.get(0), 14, 28).sum() > 3, "the output layer fires");
    }

    @Test
    void defectsAreOneLineNamingFileAndField() throws Exception
    {
        final Path arch = write("arch.yaml", architecture(4, 2, 2));
        final String[][] cases = {
            {HAND.replace("weight: [1, 2, 3, 2, 1, -1]", "weight: [1, 2, 3, 2, 1]"), "network.edges[0]", "5 weights"},
            {HAND.replace("weight: 5}", "weight: 5.5}"), "network.edges[1]", "integer weights"},
            {HAND.replace("threshold: 2,", "threshold: 2, leak_decay: 0.9,"), "leak_decay", "a leak"},
            {HAND.replace("core: '5.1'", "core: '9.1'"), "mappings[3].out.2.core", "tiles 0..7"},
            {HAND.replace("  - out.2: {core: '5.1'}\n", ""), "mappings", "out.2 is not mapped"},
            {HAND.replace("reset_mode: hard", "reset_mode: sideways"), "reset_mode", "expected hard, soft, none or saturate"},
            {HAND.replace("soma: 'inputs[1]'", "soma: 'nosuch'"), "mappings[1]", "'nosuch'"},
            {HAND.replace("- in -> out:", "- in -> nowhere:"), "network.edges[0]", "'nowhere'"},
            {HAND.replace("type: dense", "type: ring"), "type", "dense, sparse or conv2d"},
            {HAND.replace("network:", "netwerk:"), "network", "missing"},
            {"network: [unclosed", "", "YAML"},
        };
        for (final String[] c : cases)
        {
            final Path bad = write("bad.yaml", c[0]);
            final Cli r = Cli.run("simulate", bad.toString(), "--chip", arch.toString(), "--timesteps", "6");
            Cli.assertBadInput(r, "bad.yaml", c[1], c[2]);
        }
        // An architecture's defects, and the options a SANA-FE network does not take.
        Cli.assertBadInput(Cli.run("simulate", write("n.yaml", HAND).toString(), "--chip", write("a.yaml",
            architecture(4, 2, 2).replace("width: 4", "width: 0")).toString()), "a.yaml", "architecture.attributes.width", ">= 1");
        Cli.assertBadInput(Cli.run("simulate", write("n.yaml", HAND).toString(), "--chip", write("a.yaml",
            architecture(4, 2, 2).replace("energy_process_spike: 35.5e-12", "energy_process_spike: lots")).toString()), "a.yaml",
            "energy_process_spike", "expected a number");
        Cli.assertBadInput(Cli.run("simulate", write("n.yaml", HAND).toString(), "--chip", "loihi"), "--chip", "ARCH.yaml");
        Cli.assertBadInput(Cli.run("compile", write("n.yaml", HAND).toString(), "--chip", arch.toString(), "-o", dir.resolve("n.csdx").toString()),
            "n.yaml", "csdsim simulate FILE --chip ARCH.yaml");
        Cli.assertBadInput(Cli.run("model", "info", write("n.yaml", HAND).toString()), "n.yaml", "csdsim simulate FILE --chip ARCH.yaml");
        Cli.assertBadInput(Cli.run("simulate", write("n.yaml", HAND).toString(), "--chip", arch.toString(), "--weight-bits", "8"),
            "--weight-bits");
        Cli.assertBadInput(Cli.run("simulate", write("n.yaml", HAND).toString(), "--chip", write("a.yaml",
            architecture(4, 2, 2).replace("max_neurons_supported: 64", "max_neurons_supported: 1")).toString()), "n.yaml", "core 0",
            "2 neurons", "hold 1");
    }
}
