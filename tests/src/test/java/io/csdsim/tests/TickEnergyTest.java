package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped model on 20 images: every tick's energy per category and latency in the --ticks CSV,
 * and the JSON report's energy per run, core and population, recomputed here from the tick and core
 * counters and the preset's figures read straight from its JSON file — not from ChipSpec or the
 * energy model — so a change to how csdsim prices events must agree with this arithmetic.
 */
class TickEnergyTest
{
    @TempDir
    Path dir;

    /** Per-event figures the presets leave at 0, set so that every category is exercised. */
    private static final Map<String, Double> SET = Map.of("energy.messageInPJ", 0.25, "energy.messageOutPJ", 111.0,
        "energy.neuronFirePJ", 69.3, "energy.neuronAccessPJ", 0.5);

    private static double tolerance(final double expected)
    {
        return 1e-9 * Math.max(1, Math.abs(expected));
    }

    @Test
    void everyTicksEnergyAndLatencyFollowFromItsCountsAndTheChipFile() throws Exception
    {
        final Path csv = dir.resolve("t.csv");
        final Path json = dir.resolve("r.json");
        final List<String> args = new java.util.ArrayList<>(List.of("simulate", "--limit", "20", "--threads", "2",
            "--ticks", csv.toString(), "--report", json.toString()));
        SET.forEach((k, v) -> args.add("--set=" + k + "=" + v));
        final Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());

        final JsonNode chip;
        try (InputStream in = getClass().getResourceAsStream("/io/csdsim/isa/spec/loihi2.json"))
        {
            chip = new ObjectMapper().readTree(in);
        }
        final Map<String, Double> pj = new HashMap<>();
        chip.get("energy").fields().forEachRemaining(e -> pj.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : 0));
        SET.forEach((k, v) -> pj.put(k.substring("energy.".length()), v));
        final double mhz = chip.get("timing").get("clockMHz").asDouble();
        final JsonNode report = new ObjectMapper().readTree(json.toFile());
        final Set<Integer> coreIds = new HashSet<>();
        report.get("cores").forEach(c -> coreIds.add(c.get("core").asInt()));
        final int cores = coreIds.size();

        final List<String> lines = Files.readAllLines(csv);
        final String[] head = lines.get(0).split(",");
        final Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < head.length; i++)
        {
            col.put(head[i], i);
        }
        final Map<String, Double> sums = new HashMap<>();
        long cycles = 0;
        int inputTicks = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] f = line.split(",");
            final java.util.function.ToDoubleFunction<String> v = name -> Double.parseDouble(f[col.get(name)]);
            final double updates = v.applyAsDouble("neuron_updates");
            final double active = v.applyAsDouble("active_updates");
            final double spikes = v.applyAsDouble("spikes");
            final double packets = v.applyAsDouble("packets");
            final Map<String, Double> expected = new java.util.LinkedHashMap<>();
            expected.put("energy_synaptic_ops_pj", v.applyAsDouble("sops") * pj.get("synOpPJ"));
            expected.put("energy_dynamic_ops_pj", v.applyAsDouble("dynamic_ops") * pj.get("dynamicOpPJ"));
            expected.put("energy_neuron_updates_pj", active * pj.get("neuronActivePJ") + (updates - active) * pj.get("neuronIdlePJ"));
            expected.put("energy_neuron_accesses_pj", updates * pj.get("neuronAccessPJ"));
            expected.put("energy_neuron_fires_pj", spikes * pj.get("neuronFirePJ"));
            expected.put("energy_accumulator_updates_pj", v.applyAsDouble("accumulator_updates") * pj.get("accumulatorUpdatePJ"));
            expected.put("energy_graded_payloads_pj", v.applyAsDouble("graded_spikes") * pj.get("gradedPayloadPJ"));
            expected.put("energy_spikes_pj", spikes * pj.get("spikePJ"));
            expected.put("energy_messages_sent_pj", packets * pj.get("messageOutPJ"));
            expected.put("energy_messages_received_pj", packets * pj.get("messageInPJ"));
            expected.put("energy_hops_pj", v.applyAsDouble("hops_x") * pj.get("hopXPJ") + v.applyAsDouble("hops_y") * pj.get("hopYPJ"));
            expected.put("energy_chip_crossings_pj", v.applyAsDouble("chip_crossings") * pj.get("chipCrossingPJ"));
            // mW × ns = pJ.
            expected.put("energy_static_pj", pj.get("staticMWPerCore") * cores * v.applyAsDouble("cycles") * 1000 / mhz);
            final double input = v.applyAsDouble("energy_input_macs_host_pj");
            inputTicks += input > 0 ? 1 : 0;
            double total = input;
            for (final Map.Entry<String, Double> e : expected.entrySet())
            {
                assertEquals(e.getValue(), v.applyAsDouble(e.getKey()), tolerance(e.getValue()), e.getKey() + " in row " + line);
                total += e.getValue();
                sums.merge(e.getKey(), e.getValue(), Double::sum);
            }
            sums.merge("energy_input_macs_host_pj", input, Double::sum);
            assertEquals(total, v.applyAsDouble("energy_total_pj"), tolerance(total), "total in row " + line);
            assertEquals(total - expected.get("energy_static_pj"), v.applyAsDouble("energy_dynamic_pj"), tolerance(total));
            assertEquals(v.applyAsDouble("cycles") * 1000 / mhz, v.applyAsDouble("latency_ns"), 1e-9, "latency in row " + line);
            assertTrue(v.applyAsDouble("cycles") >= chip.get("timing").get("barrierCycles").asDouble(), "a tick lasts at least its barrier");
            cycles += (long)v.applyAsDouble("cycles");
        }
        assertEquals(20, inputTicks, "the input stage is priced once per sample");
        assertEquals(report.get("totals").get("inputMacs").asDouble() * pj.get("inputMacPJ"), sums.get("energy_input_macs_host_pj"),
            tolerance(sums.get("energy_input_macs_host_pj")));
        assertEquals(report.get("latency").get("cycles").asLong(), cycles);

        // The run's energy per category is the sum of its ticks'; and of its cores' (the host's input stage aside) and populations'.
        final String[][] keys = {{"synapticOps", "energy_synaptic_ops_pj"}, {"dynamicTdecOps", "energy_dynamic_ops_pj"},
            {"neuronUpdates", "energy_neuron_updates_pj"}, {"neuronAccesses", "energy_neuron_accesses_pj"}, {"neuronFires", "energy_neuron_fires_pj"},
            {"spikes", "energy_spikes_pj"}, {"messagesSent", "energy_messages_sent_pj"}, {"messagesReceived", "energy_messages_received_pj"},
            {"hops", "energy_hops_pj"}, {"chipCrossings", "energy_chip_crossings_pj"}, {"inputMacsHost", "energy_input_macs_host_pj"},
            {"static", "energy_static_pj"}};
        for (final String[] k : keys)
        {
            final double run = report.get("energyPJ").get(k[0]).asDouble();
            assertEquals(sums.get(k[1]), run, 1e-6 * Math.max(1, run), k[0] + ": ticks against the run");
            double perCore = 0;
            for (final JsonNode c : report.get("cores"))
            {
                perCore += c.get("energyPJ").get(k[0]).asDouble();
            }
            assertEquals(k[0].equals("inputMacsHost") ? 0 : run, perCore, 1e-6 * Math.max(1, run), k[0] + ": cores against the run");
            double perPopulation = 0;
            for (final JsonNode p : report.get("populationEnergy"))
            {
                perPopulation += p.get("energyPJ").get(k[0]).asDouble();
            }
            assertEquals(run, perPopulation, 1e-6 * Math.max(1, run), k[0] + ": populations against the run");
        }
        // Every core's energy from its own counters: its hops and packets sent, its receipts, its updates.
        for (final JsonNode c : report.get("cores"))
        {
            final JsonNode e = c.get("energyPJ");
            final String where = "core " + c.get("core") + " " + c.get("population");
            assertEquals(c.get("packetsSent").asDouble() * pj.get("messageOutPJ"), e.get("messagesSent").asDouble(), 1e-6, where);
            assertEquals(c.get("packetsReceived").asDouble() * pj.get("messageInPJ"), e.get("messagesReceived").asDouble(), 1e-6, where);
            assertEquals(c.get("hopsX").asDouble() * pj.get("hopXPJ") + c.get("hopsY").asDouble() * pj.get("hopYPJ"), e.get("hops").asDouble(),
                1e-6, where);
            assertEquals(c.get("spikes").asDouble() * pj.get("neuronFirePJ"), e.get("neuronFires").asDouble(), 1e-6, where);
            assertEquals(c.get("neuronUpdates").asDouble() * pj.get("neuronAccessPJ"), e.get("neuronAccesses").asDouble(), 1e-6, where);
        }
        // Packets: every one sent is received by one core.
        long sent = 0;
        long received = 0;
        for (final JsonNode c : report.get("cores"))
        {
            sent += c.get("packetsSent").asLong();
            received += c.get("packetsReceived").asLong();
        }
        assertEquals(report.get("totals").get("packets").asLong(), sent);
        assertEquals(sent, received);
        assertTrue(r.out().contains("of which dynamic") && r.out().contains("of which static"), r.out());
    }
}
