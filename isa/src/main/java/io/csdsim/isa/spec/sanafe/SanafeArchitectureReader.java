package io.csdsim.isa.spec.sanafe;

import com.fasterxml.jackson.databind.JsonNode;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a SANA-FE architecture file (../shared/peers/sanafe-format.md §3; docs/sanafe.md) into a
 * chip spec: the mesh, the neurons a core holds, and the energy and latency of every unit SANA-FE
 * prices — synapse, soma (access, update, spike out), message in and out, hops — on a 1 ps clock so
 * that every latency is a whole number of cycles. Capacities SANA-FE does not limit are set to
 * csdsim's largest. What csdsim cannot model (link buffers, dendrite costs, units whose costs differ
 * from the first core's) is collected as warnings, never dropped silently.
 */
public final class SanafeArchitectureReader
{
    /** 1 ps per cycle: SANA-FE's latencies, given in seconds to the picosecond, become whole cycles. */
    static final double CLOCK_MHZ = 1e6;
    private static final Set<String> UNIT_SECTIONS = Set.of("axon_in", "synapse", "dendrite", "soma", "axon_out");
    private static final String[] HOPS = {"east", "west", "north", "south"};

    private final SanafeYaml yaml;
    private final String file;
    private final Set<String> warnings = new LinkedHashSet<>();

    private SanafeArchitectureReader(final String file)
    {
        this.file = file;
        this.yaml = new SanafeYaml(file);
    }

    /** @return whether a {@code --chip} value names a SANA-FE architecture file. */
    public static boolean isArchitectureFile(final String chip)
    {
        final String lower = chip.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    public static SanafeArchitecture read(final Path path)
    {
        final SanafeArchitectureReader r = new SanafeArchitectureReader(path.toString());
        return r.parse(r.yaml.read(path));
    }

    /** @return the architecture a file's bytes hold; {@code src} names the file in error lines. */
    public static SanafeArchitecture parse(final String src, final byte[] yaml)
    {
        final SanafeArchitectureReader r = new SanafeArchitectureReader(src);
        return r.parse(r.yaml.parse(yaml));
    }

    private SanafeArchitecture parse(final JsonNode root)
    {
        final JsonNode arch = yaml.required(root, "architecture", "");
        final String name = arch.has("name") ? arch.get("name").asText() : "sanafe";
        final Map<String, JsonNode> a = yaml.attributes(yaml.required(arch, "attributes", "architecture"), "architecture.attributes");
        final int width = positive(a.get("width"), "architecture.attributes.width");
        final int height = positive(a.get("height"), "architecture.attributes.height");
        if (!a.containsKey("link_buffer_size"))
        {
            throw yaml.fail("architecture.attributes.link_buffer_size", "missing");
        }
        warnings.add("link_buffer_size (csdsim's links queue without a bound)");
        final TreeMap<Integer, Double> sync = syncTable(a);

        // Tiles, each with its cores' units; the first core's figures are the chip's.
        final List<JsonNode> tileEntries = yaml.list(yaml.required(arch, "tile", "architecture"), "architecture.tile");
        int tiles = 0;
        int coresPerTile = -1;
        String firstCore = null;
        String firstHops = null;
        Map<String, Map<String, Double>> figures = null;
        Map<String, String> somaModels = null;
        for (int i = 0; i < tileEntries.size(); i++)
        {
            final String where = "architecture.tile[" + i + "]";
            final JsonNode t = tileEntries.get(i);
            final int copies = yaml.expand(yaml.required(t, "name", where).asText(), where + ".name").size();
            final Map<String, JsonNode> ta = yaml.attributes(yaml.required(t, "attributes", where), where + ".attributes");
            final StringBuilder hops = new StringBuilder();
            for (final String d : HOPS)
            {
                hops.append(number(ta, "energy_" + d + "_hop", where)).append(',').append(number(ta, "latency_" + d + "_hop", where)).append(';');
            }
            if (firstHops == null)
            {
                firstHops = hops.toString();
                figures = new LinkedHashMap<>();
                final Map<String, Double> h = new LinkedHashMap<>();
                for (final String d : HOPS)
                {
                    h.put("energy_" + d + "_hop", number(ta, "energy_" + d + "_hop", where));
                    h.put("latency_" + d + "_hop", number(ta, "latency_" + d + "_hop", where));
                }
                figures.put("hops", h);
            }
            else if (!firstHops.equals(hops.toString()))
            {
                warnings.add(where + " hop costs differ from the first tile's (csdsim uses the first tile's everywhere)");
            }
            final List<JsonNode> cores = yaml.list(yaml.required(t, "core", where), where + ".core");
            int n = 0;
            for (int c = 0; c < cores.size(); c++)
            {
                final String cw = where + ".core[" + c + "]";
                final JsonNode core = cores.get(c);
                final int copiesOfCore = yaml.expand(yaml.required(core, "name", cw).asText(), cw + ".name").size();
                n += copiesOfCore;
                for (final String k : unknownSections(core))
                {
                    throw yaml.fail(cw + "." + k, "unknown; a core holds name, attributes, axon_in, synapse, dendrite, soma and axon_out");
                }
                final Map<String, JsonNode> ca = yaml.attributes(yaml.required(core, "attributes", cw), cw + ".attributes");
                final String signature = coreSignature(core, ca, cw);
                if (firstCore == null)
                {
                    firstCore = signature;
                    somaModels = new LinkedHashMap<>();
                    readUnits(core, cw, figures, somaModels);
                    figures.get("core").put("max_neurons_supported", (double)positive(ca.get("max_neurons_supported"),
                        cw + ".attributes.max_neurons_supported"));
                }
                else if (!firstCore.equals(signature))
                {
                    warnings.add(cw + " differs from the first core (csdsim gives every core the first core's units and costs)");
                }
            }
            if (coresPerTile >= 0 && n != coresPerTile)
            {
                throw yaml.fail(where + ".core", n + " cores; every tile must hold the same number (the first holds " + coresPerTile + ")");
            }
            coresPerTile = n;
            tiles += copies;
        }
        if (tiles != width * height)
        {
            throw yaml.fail("architecture.tile", tiles + " tiles; expected width × height = " + width * height);
        }
        return new SanafeArchitecture(file, spec(name, width, height, coresPerTile, figures, sync), sync, somaModels, height, coresPerTile,
            List.copyOf(warnings));
    }

    private TreeMap<Integer, Double> syncTable(final Map<String, JsonNode> a)
    {
        final TreeMap<Integer, Double> sync = new TreeMap<>();
        final JsonNode s = a.get("latency_sync");
        final String model = a.containsKey("sync_model") ? a.get("sync_model").asText() : "fixed";
        final String where = "architecture.attributes.latency_sync";
        if (s == null)
        {
            sync.put(1, 0.0);
        }
        else if (s.isObject())
        {
            for (final var it = s.fields(); it.hasNext(); )
            {
                final var e = it.next();
                final int tiles;
                try
                {
                    tiles = Integer.parseInt(e.getKey().trim());
                }
                catch (final NumberFormatException ex)
                {
                    throw yaml.fail(where + "." + e.getKey(), "expected a number of tiles as the key");
                }
                sync.put(tiles, nonNegative(e.getValue(), where + "." + e.getKey()));
            }
        }
        else if (s.isArray())
        {
            // A list gives the time for 1, 2, … tiles in use.
            for (int i = 0; i < s.size(); i++)
            {
                sync.put(i + 1, nonNegative(s.get(i), where + "[" + i + "]"));
            }
        }
        else
        {
            sync.put(1, nonNegative(s, where));
        }
        if (!model.equals("fixed") && !model.equals("table"))
        {
            throw yaml.fail("architecture.attributes.sync_model", "'" + model + "'; expected fixed or table");
        }
        if (sync.isEmpty())
        {
            throw yaml.fail(where, "an empty table");
        }
        return sync;
    }

    /** The figures of the first core's units, by unit section; soma units' models by name. */
    private void readUnits(final JsonNode core, final String cw, final Map<String, Map<String, Double>> figures,
        final Map<String, String> somaModels)
    {
        final Map<String, JsonNode> ca = yaml.attributes(core.get("attributes"), cw + ".attributes");
        final String buffer = ca.containsKey("buffer_position") ? ca.get("buffer_position").asText() : "soma";
        if (!buffer.equals("soma"))
        {
            warnings.add("buffer_position " + buffer + " (csdsim buffers at the soma: a spike is integrated in the tick after it fires)");
        }
        figures.put("core", new LinkedHashMap<>());
        final Map<String, Double> inputUnit = new LinkedHashMap<>();
        for (final String section : new String[] {"axon_in", "synapse", "dendrite", "soma", "axon_out"})
        {
            final List<JsonNode> units = yaml.list(yaml.required(core, section, cw), cw + "." + section);
            if (units.isEmpty())
            {
                throw yaml.fail(cw + "." + section, "an empty list; expected at least one unit");
            }
            Map<String, Double> first = null;
            for (int u = 0; u < units.size(); u++)
            {
                final String uw = cw + "." + section + "[" + u + "]";
                final JsonNode unit = units.get(u);
                final List<String> names = yaml.expand(yaml.required(unit, "name", uw).asText(), uw + ".name");
                final Map<String, JsonNode> ua = yaml.attributes(unit.get("attributes"), uw + ".attributes");
                if (ua.containsKey("plugin"))
                {
                    throw yaml.fail(uw + ".attributes.plugin", "a plugin model; csdsim runs SANA-FE's built-in models only");
                }
                final String model = ua.containsKey("model") ? ua.get("model").asText() : "";
                if (ua.containsKey("noise"))
                {
                    warnings.add(uw + " noise (csdsim's neurons are deterministic)");
                }
                final Map<String, Double> f = unitFigures(section, ua, uw);
                if (section.equals("soma"))
                {
                    for (final String n : names)
                    {
                        somaModels.put(n, model);
                    }
                    if (model.equals(SanafeArchitecture.INPUT_MODEL))
                    {
                        if (inputUnit.isEmpty())
                        {
                            inputUnit.putAll(f);
                        }
                        if (f.values().stream().anyMatch(v -> v != 0))
                        {
                            warnings.add(uw + " input unit costs (csdsim's spike sources cost no neuron energy or time)");
                        }
                        continue;
                    }
                }
                if (first == null)
                {
                    first = f;
                }
                else if (!first.equals(f))
                {
                    warnings.add(uw + " (" + names.get(0) + (names.size() > 1 ? ", …" : "") + ") costs differ from the first " + section
                        + " unit's (csdsim prices every " + section + " event at the first unit's)");
                }
            }
            if (first == null)
            {
                throw yaml.fail(cw + "." + section, "no unit but inputs; expected a neuron soma unit too");
            }
            if (section.equals("dendrite") && first.values().stream().anyMatch(v -> v != 0))
            {
                warnings.add("dendrite update costs (csdsim has no dendrite-unit cost beside its synaptic operations)");
            }
            figures.put(section, first);
        }
    }

    private Map<String, Double> unitFigures(final String section, final Map<String, JsonNode> ua, final String uw)
    {
        final String[] keys = switch (section)
        {
            case "axon_in" -> new String[] {"energy_message_in", "latency_message_in"};
            case "synapse" -> new String[] {"energy_process_spike", "latency_process_spike"};
            case "dendrite" -> new String[] {"energy_update", "latency_update"};
            case "soma" -> new String[] {"energy_access_neuron", "latency_access_neuron", "energy_update_neuron", "latency_update_neuron",
                "energy_spike_out", "latency_spike_out"};
            default -> new String[] {"energy_message_out", "latency_message_out"};
        };
        final Map<String, Double> f = new LinkedHashMap<>();
        for (final String k : keys)
        {
            // SANA-FE treats a missing figure as 0 (the soma's three of a kind are all-or-none there).
            f.put(k, ua.containsKey(k) ? nonNegative(ua.get(k), uw + ".attributes." + k) : 0.0);
        }
        return f;
    }

    /** What makes two cores the same for csdsim: their unit names, models and figures. */
    private String coreSignature(final JsonNode core, final Map<String, JsonNode> ca, final String cw)
    {
        final StringBuilder sb = new StringBuilder(String.valueOf(ca.get("max_neurons_supported")));
        for (final var it = core.fields(); it.hasNext(); )
        {
            final var e = it.next();
            if (UNIT_SECTIONS.contains(e.getKey()))
            {
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }

    private ChipSpec spec(final String name, final int width, final int height, final int coresPerTile,
        final Map<String, Map<String, Double>> fig, final TreeMap<Integer, Double> sync)
    {
        final Map<String, Double> hops = fig.get("hops");
        final Map<String, Double> soma = fig.get("soma");
        final Map<String, Double> syn = fig.get("synapse");
        if (!hops.get("energy_east_hop").equals(hops.get("energy_west_hop")) || !hops.get("latency_east_hop").equals(hops.get("latency_west_hop")))
        {
            warnings.add("west hops priced apart from east ones (csdsim prices every x hop as an east hop)");
        }
        if (!hops.get("energy_north_hop").equals(hops.get("energy_south_hop"))
            || !hops.get("latency_north_hop").equals(hops.get("latency_south_hop")))
        {
            warnings.add("south hops priced apart from north ones (csdsim prices every y hop as a north hop)");
        }
        final String src = file + ": ";
        final ChipSpec base = ChipSpecs.preset("loihi");
        final double[] v = new double[ChipField.values().length];
        final String[] s = new String[v.length];
        for (final ChipField f : ChipField.values())
        {
            v[f.ordinal()] = base.get(f);
            s[f.ordinal()] = "csdsim's loihi preset: the SANA-FE file has no such figure (" + base.source(f) + ")";
        }
        final Map<ChipField, Figure> set = new LinkedHashMap<>();
        set.put(ChipField.MESH_TILES_X, new Figure((double)width, "architecture.attributes.width"));
        set.put(ChipField.MESH_TILES_Y, new Figure((double)height, "architecture.attributes.height"));
        set.put(ChipField.MESH_CORES_PER_TILE, new Figure((double)coresPerTile, "cores listed per tile"));
        set.put(ChipField.CORE_MAX_NEURONS, new Figure(fig.get("core").get("max_neurons_supported"), "core max_neurons_supported"));
        final String unlimited = "SANA-FE sets no such limit: csdsim's largest";
        for (final ChipField f : new ChipField[] {ChipField.CORE_MAX_INPUT_AXONS, ChipField.CORE_MAX_OUTPUT_ROUTES,
            ChipField.CORE_SYNAPSE_MEMORY_BITS, ChipField.CORE_WEIGHT_BITS, ChipField.CORE_MEMBRANE_BITS})
        {
            set.put(f, new Figure(f.max, unlimited));
        }
        set.put(ChipField.CORE_MAX_ROUTES_PER_NEURON, new Figure(0.0, unlimited + " (0: none)"));
        set.put(ChipField.TIMING_CLOCK_MHZ, new Figure(CLOCK_MHZ, "csdsim: a 1 ps cycle, so that every SANA-FE latency is whole cycles"));
        set.put(ChipField.TIMING_SYN_OP_CYCLES, new Figure(cycles(syn.get("latency_process_spike")), "synapse latency_process_spike"));
        set.put(ChipField.TIMING_SYN_OP_LANES, new Figure(1.0, "SANA-FE's synapse unit processes one synapse at a time"));
        set.put(ChipField.TIMING_CORE, new Figure((double)ChipField.TIMING_CORE.choiceCode("overlapped"),
            "SANA-FE's synapse and soma units are separate pipeline stages: updates overlap integration"));
        set.put(ChipField.TIMING_NEURON_ACTIVE_CYCLES, new Figure(cycles(soma.get("latency_update_neuron")), "soma latency_update_neuron"));
        set.put(ChipField.TIMING_NEURON_IDLE_CYCLES, new Figure(0.0, "SANA-FE charges an idle neuron its access only"));
        set.put(ChipField.TIMING_NEURON_ACCESS_CYCLES, new Figure(cycles(soma.get("latency_access_neuron")), "soma latency_access_neuron"));
        set.put(ChipField.TIMING_NEURON_FIRE_CYCLES, new Figure(cycles(soma.get("latency_spike_out")), "soma latency_spike_out"));
        set.put(ChipField.TIMING_MESSAGE_IN_CYCLES, new Figure(cycles(fig.get("axon_in").get("latency_message_in")),
            "axon_in latency_message_in"));
        set.put(ChipField.TIMING_MESSAGE_OUT_CYCLES, new Figure(cycles(fig.get("axon_out").get("latency_message_out")),
            "axon_out latency_message_out"));
        set.put(ChipField.TIMING_HOP_X_CYCLES, new Figure(cycles(hops.get("latency_east_hop")), "tile latency_east_hop"));
        set.put(ChipField.TIMING_HOP_Y_CYCLES, new Figure(cycles(hops.get("latency_north_hop")), "tile latency_north_hop"));
        set.put(ChipField.TIMING_LINK_CYCLES_PER_FLIT, new Figure(cycles(hops.get("latency_east_hop")),
            "assumption: a link carries one message per east hop time (SANA-FE bounds link buffers instead)"));
        set.put(ChipField.TIMING_BARRIER_CYCLES, new Figure((double)Math.round(sync.lastEntry().getValue() * CLOCK_MHZ * 1e6),
            "latency_sync with every tile in use (set per run from the tiles in use)"));
        set.put(ChipField.ENERGY_SYN_OP_PJ, new Figure(pj(syn.get("energy_process_spike")), "synapse energy_process_spike"));
        set.put(ChipField.ENERGY_DYNAMIC_OP_PJ, new Figure(pj(syn.get("energy_process_spike")),
            "assumption: a TDEC operation costs a synaptic event (SANA-FE has none)"));
        set.put(ChipField.ENERGY_NEURON_ACTIVE_PJ, new Figure(pj(soma.get("energy_update_neuron")), "soma energy_update_neuron"));
        set.put(ChipField.ENERGY_NEURON_IDLE_PJ, new Figure(0.0, "SANA-FE charges an idle neuron its access only"));
        set.put(ChipField.ENERGY_NEURON_ACCESS_PJ, new Figure(pj(soma.get("energy_access_neuron")), "soma energy_access_neuron"));
        set.put(ChipField.ENERGY_NEURON_FIRE_PJ, new Figure(pj(soma.get("energy_spike_out")), "soma energy_spike_out"));
        set.put(ChipField.ENERGY_SPIKE_PJ, new Figure(0.0, "SANA-FE prices a spike as its neuron's spike out and its messages"));
        set.put(ChipField.ENERGY_MESSAGE_IN_PJ, new Figure(pj(fig.get("axon_in").get("energy_message_in")), "axon_in energy_message_in"));
        set.put(ChipField.ENERGY_MESSAGE_OUT_PJ, new Figure(pj(fig.get("axon_out").get("energy_message_out")), "axon_out energy_message_out"));
        set.put(ChipField.ENERGY_HOP_X_PJ, new Figure(pj(hops.get("energy_east_hop")), "tile energy_east_hop"));
        set.put(ChipField.ENERGY_HOP_Y_PJ, new Figure(pj(hops.get("energy_north_hop")), "tile energy_north_hop"));
        set.put(ChipField.ENERGY_STATIC_MW_PER_CORE, new Figure(0.0, "SANA-FE models no static power"));
        set.put(ChipField.ENERGY_INPUT_MAC_PJ, new Figure(0.0, "SANA-FE has no host input stage"));
        for (final Map.Entry<ChipField, Figure> e : set.entrySet())
        {
            final ChipField f = e.getKey();
            double value = e.getValue().value();
            final String why = e.getValue().source();
            if (f.kind == ChipField.Kind.POSITIVE && value <= 0)
            {
                // csdsim's phases need a positive time per operation: the smallest, one cycle.
                warnings.add(why + " of 0 s (csdsim takes 1 ps)");
                value = 1;
            }
            v[f.ordinal()] = value;
            s[f.ordinal()] = why.startsWith("csdsim") || why.startsWith("SANA-FE") || why.startsWith("assumption") ? why : src + why;
        }
        try
        {
            return ChipSpec.of(name, "SANA-FE architecture " + name + " read from " + Path.of(file).getFileName(), v, s);
        }
        catch (final IllegalArgumentException e)
        {
            throw yaml.fail("architecture", e.getMessage());
        }
    }

    private static double cycles(final double seconds)
    {
        return Math.round(seconds * CLOCK_MHZ * 1e6);
    }

    private static double pj(final double joules)
    {
        // Rounded to 1e-6 pJ: a joule figure like 35.5e-12 reads back as 35.5 exactly.
        return Math.round(joules * 1e18) / 1e6;
    }

    private double number(final Map<String, JsonNode> attrs, final String key, final String where)
    {
        if (!attrs.containsKey(key))
        {
            throw yaml.fail(where + ".attributes." + key, "missing");
        }
        return nonNegative(attrs.get(key), where + ".attributes." + key);
    }

    private double nonNegative(final JsonNode v, final String where)
    {
        final double d = yaml.number(v, where);
        if (d < 0)
        {
            throw yaml.fail(where, d + "; expected a number >= 0");
        }
        return d;
    }

    private int positive(final JsonNode v, final String where)
    {
        final int n = yaml.integer(v, where);
        if (n < 1)
        {
            throw yaml.fail(where, n + "; expected an integer >= 1");
        }
        return n;
    }

    /** @return a core's keys that are neither its name, attributes nor a unit section: typos are never ignored. */
    static List<String> unknownSections(final JsonNode core)
    {
        final List<String> out = new ArrayList<>();
        core.fieldNames().forEachRemaining(k -> {
            if (!UNIT_SECTIONS.contains(k) && !k.equals("name") && !k.equals("attributes"))
            {
                out.add(k);
            }
        });
        return out;
    }

    /** A spec figure as read from the architecture: its value and where it comes from. */
    private record Figure(double value, String source)
    {
    }
}
