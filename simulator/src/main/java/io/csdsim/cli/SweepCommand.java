package io.csdsim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.simulator.energy.EnergyCategory;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.report.SimulationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code csdsim sweep}: a grid (or list) of chip and model settings, each point compiled and simulated, one row per point. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Simulate a model over a grid of settings and write one row per point: chips, cores, SOPs, spikes, packets,",
        "hops, energy per sample by category (dynamic and static), latency per sample and per tick, throughput, accuracy",
        "where labels exist, and the points on the Pareto front of energy, latency and accuracy. Each distinct chip",
        "configuration is compiled once; points run in parallel (--threads) and the output is in grid order, the same",
        "for any thread count. A point that does not fit its chip is a row with the reason, not an abort.",
        "--vary KEY=VALUES: KEY is chip (presets or files), D (the DIF delay), residual (fan-in, accumulate, auto:",
        "docs/residual-stream.md) or any chip field (csdsim chip show lists them); VALUES are comma-separated, integer",
        "ranges a..b allowed. The first --vary varies slowest."},
    footer = {"", "Examples:",
        "  csdsim sweep --vary timing.synOpCycles=1,35 --vary core.maxNeurons=1024,4096,8192 --limit 20",
        "  csdsim sweep m.json --vary D=0..3 --vary chip=loihi,loihi2 --vary timing.network=mesh,latency-only -o s.csv --json s.json",
        "  csdsim sweep --vary residual=fan-in,accumulate --vary core.gradedSpikes=16,24 --limit 20",
        "  csdsim sweep --points points.csv --limit 100 --threads 2     # points.csv: a header of keys, one row of values per point",
        "  csdsim sweep --vary D=0..3 --limit 20 --spark spark://head:7077  # each point a task of a standalone Spark cluster"})
final class SweepCommand implements Callable<Integer>
{
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    ChipOptions chip = new ChipOptions();

    @Mixin
    InputOptions inputs = new InputOptions();

    @Mixin
    SpikeInputOptions spikeInputs = new SpikeInputOptions();

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--vary", paramLabel = "KEY=VALUES", description = "A setting and its values (repeatable; the grid is their product).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--points", paramLabel = "FILE.csv", description = "The points as a CSV: a header of keys, one row of values per point.")
    Path points;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", defaultValue = "sweep.csv", description = "The rows (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--json", paramLabel = "FILE.json", description = "The rows as JSON too.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE.html", description = {"One self-contained HTML page: energy against latency with the",
        "Pareto front marked, and each varied setting against energy, latency and accuracy."})
    Path html;

    @Option(names = "--threads", defaultValue = "0", description = "Points simulated at once (default: every processor). Rows do not depend on it.")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Most points a sweep takes (docs/reliability.md). */
    static final int MAX_POINTS = 100_000;

    /** One point: its settings by key, in the order the sweep names them. */
    record Point(Map<String, String> settings)
    {
    }

    /** What a point measured: its figures by column, or why it could not run. */
    record Row(Point point, Map<String, Double> figures, String reason)
    {
    }

    @Override
    public Integer call() throws Exception
    {
        try (OutputFiles files = new OutputFiles())
        {
            return run(files);
        }
    }

    private int run(final OutputFiles files) throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final int threadCount = SimulateCommand.threadsToUse(threads, spec.commandLine().getErr());
        cluster.check();
        files.input(model.path()).input(inputs.input).input(inputs.labels).input(points);
        final OutputFiles.Output csvFile = files.add("--output", output);
        final OutputFiles.Output jsonFile = files.add("--json", json);
        final OutputFiles.Output htmlFile = files.add("--html", html);
        final List<String> keys = new ArrayList<>();
        final List<Point> grid = points != null ? readPoints(points, keys) : grid(keys);
        if (model.isSanafeNetwork() || model.isNir())
        {
            throw new InvalidInputException(model.path().toString(), "", "sweep takes model and network files; run SANA-FE and NIR graphs with "
                + "simulate");
        }
        final ModelGraph graph = model.isNetworkFile() ? null : model.load();
        // Compile each distinct (chip, D) once, in grid order; a chip the model does not fit is a reason, not an abort.
        final Map<String, Object> compiled = new LinkedHashMap<>();
        final List<String> compileKey = new ArrayList<>();
        for (final Point p : grid)
        {
            final String key;
            Object result;
            try
            {
                final ChipSpec s = specOf(p);
                final String d = p.settings().getOrDefault("D", "");
                final MapperOptions options = optionsOf(p);
                key = ChipSpecs.toJson(s) + "|D=" + d + "|residual=" + options.residual().label;
                if (!compiled.containsKey(key))
                {
                    try
                    {
                        final IntNetwork net = networkFor(graph, d);
                        result = Mapper.compile(net, s, options).program();
                    }
                    catch (final ChipInputException e)
                    {
                        result = e.getMessage();
                    }
                    compiled.put(key, result);
                }
            }
            catch (final ChipInputException e)
            {
                throw new InvalidInputException("--vary", "", "point " + p.settings() + ": " + e.getMessage());
            }
            compileKey.add(key);
        }
        // The samples: the same for every point.
        final ChipProgram first = compiled.values().stream().filter(v -> v instanceof ChipProgram).map(v -> (ChipProgram)v).findFirst().orElse(null);
        RunSamples run = null;
        int samples = 0;
        if (first != null)
        {
            run = RunSamples.load(first, inputs, spikeInputs, null, model.isNetworkFile() ? model.network(o -> false).input
                : graph.input, spec.commandLine().getParseResult()::hasMatchedOption);
            samples = run.count();
        }
        final Row[] rows = new Row[grid.size()];
        final RunSamples feed = run;
        if (cluster.given())
        {
            runOnCluster(grid, compiled, compileKey, feed, samples, rows);
        }
        else
        {
            runHere(grid, compiled, compileKey, feed, samples, rows, threadCount);
        }
        final boolean[] front = paretoFront(rows);
        try (java.io.Writer w = csvFile.writer())
        {
            w.write(csv(keys, rows, front));
        }
        if (jsonFile != null)
        {
            try (java.io.Writer w = jsonFile.writer())
            {
                writeJson(w, keys, rows, front);
            }
        }
        if (htmlFile != null)
        {
            final List<Map<String, String>> settings = new ArrayList<>();
            final List<Map<String, Double>> figs = new ArrayList<>();
            final List<String> reasons = new ArrayList<>();
            for (final Row r : rows)
            {
                settings.add(r.point().settings());
                figs.add(r.figures());
                reasons.add(r.reason());
            }
            try (java.io.Writer w = htmlFile.writer())
            {
                w.write(io.csdsim.simulator.report.HtmlReport.sweep(keys, settings, figs, reasons, front));
            }
        }
        files.publish();
        int failed = 0;
        int onFront = 0;
        for (int i = 0; i < rows.length; i++)
        {
            failed += rows[i].reason() != null ? 1 : 0;
            onFront += front[i] ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%d point(s), %d distinct chip configuration(s) compiled, %d sample(s) each; %d on the Pareto front, %d did not fit%n",
            rows.length, compiled.size(), samples, onFront, failed);
        out.println("wrote " + output);
        if (json != null)
        {
            out.println("wrote " + json);
        }
        if (html != null)
        {
            out.println("wrote " + html);
        }
        return 0;
    }

    /** Each point on this JVM's threads, its samples on one thread. */
    private static void runHere(final List<Point> grid, final Map<String, Object> compiled, final List<String> compileKey, final RunSamples feed,
        final int samples, final Row[] rows, final int threadCount) throws Exception
    {
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threadCount, grid.size())));
        try (Progress progress = new Progress("Sweeping (points × samples)", (long)grid.size() * Math.max(1, samples)))
        {
            final List<Future<Row>> futures = new ArrayList<>();
            for (int i = 0; i < grid.size(); i++)
            {
                final Point p = grid.get(i);
                final Object c = compiled.get(compileKey.get(i));
                futures.add(pool.submit(() -> {
                    if (!(c instanceof ChipProgram program))
                    {
                        return new Row(p, Map.of(), (String)c);
                    }
                    final List<SampleResult> results = feed.run(new ChipEngine(program), 1, () -> { });
                    synchronized (progress)
                    {
                        for (int s = 0; s < results.size(); s++)
                        {
                            progress.step();
                        }
                    }
                    return new Row(p, figures(program, new SimulationReport(program, results, feed.labels)), null);
                }));
            }
            for (int i = 0; i < rows.length; i++)
            {
                rows[i] = result(futures.get(i));
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** Each point a Spark task; the distinct programs and the samples shipped once. */
    private void runOnCluster(final List<Point> grid, final Map<String, Object> compiled, final List<String> compileKey, final RunSamples feed,
        final int samples, final Row[] rows)
    {
        final List<ChipProgram> programs = new ArrayList<>();
        final Map<String, Integer> programOf = new java.util.HashMap<>();
        for (final Map.Entry<String, Object> e : compiled.entrySet())
        {
            if (e.getValue() instanceof ChipProgram p)
            {
                programOf.put(e.getKey(), programs.size());
                programs.add(p);
            }
        }
        final int[] all = java.util.stream.IntStream.range(0, samples).toArray();
        final List<io.csdsim.simulator.cluster.ClusterTask> tasks = new ArrayList<>();
        final List<Integer> taskPoints = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++)
        {
            final Object c = compiled.get(compileKey.get(i));
            if (c instanceof ChipProgram)
            {
                tasks.add(new io.csdsim.simulator.cluster.ClusterTask(programOf.get(compileKey.get(i)), all));
                taskPoints.add(i);
            }
            else
            {
                rows[i] = new Row(grid.get(i), Map.of(), (String)c);
            }
        }
        if (tasks.isEmpty())
        {
            return;
        }
        try (Progress progress = new Progress("Sweeping on Spark (points × samples)", (long)tasks.size() * Math.max(1, samples)))
        {
            final List<List<SampleResult>> results = cluster.run("csdsim sweep", programs, false, feed, tasks, progress::step,
                spec.commandLine().getErr());
            for (int t = 0; t < tasks.size(); t++)
            {
                final ChipProgram program = programs.get(tasks.get(t).program());
                final int i = taskPoints.get(t);
                rows[i] = new Row(grid.get(i), figures(program, new SimulationReport(program, results.get(t), feed.labels)), null);
            }
        }
    }

    /** @return a point's row once it is done; what it threw, thrown again (a one-line input error stays one). */
    private static Row result(final Future<Row> f) throws Exception
    {
        try
        {
            return f.get();
        }
        catch (final java.util.concurrent.ExecutionException e)
        {
            if (e.getCause() instanceof RuntimeException r)
            {
                throw r;
            }
            throw e;
        }
    }

    /** @return the points of the --vary grid, the first key varying slowest. */
    private List<Point> grid(final List<String> keys)
    {
        final List<List<String>> values = new ArrayList<>();
        for (final String v : vary)
        {
            final int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1)
            {
                throw new InvalidInputException("--vary", "", "'" + v + "'; expected KEY=V1,V2,... (KEY: chip, D or a chip field)");
            }
            final String key = v.substring(0, eq).trim();
            checkKey("--vary", key);
            if (keys.contains(key))
            {
                throw new InvalidInputException("--vary", "", "'" + key + "' is varied twice");
            }
            keys.add(key);
            values.add(expand(v.substring(eq + 1)));
        }
        long count = 1;
        for (final List<String> l : values)
        {
            count *= l.size();
            if (count > MAX_POINTS)
            {
                throw new InvalidInputException("--vary", "", "more than " + MAX_POINTS + " points; split the sweep");
            }
        }
        final List<Point> out = new ArrayList<>();
        final int[] at = new int[values.size()];
        for (long n = 0; n < count; n++)
        {
            final Map<String, String> s = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++)
            {
                s.put(keys.get(k), values.get(k).get(at[k]));
            }
            out.add(new Point(s));
            for (int k = values.size() - 1; k >= 0; k--)
            {
                if (++at[k] < values.get(k).size())
                {
                    break;
                }
                at[k] = 0;
            }
        }
        return out;
    }

    /** @return values: comma-separated, an integer range a..b standing for each of its values. */
    private static List<String> expand(final String text)
    {
        final List<String> out = new ArrayList<>();
        for (final String part : text.split(","))
        {
            final String v = part.trim();
            final java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)").matcher(v);
            if (m.matches())
            {
                final long a = Long.parseLong(m.group(1));
                final long b = Long.parseLong(m.group(2));
                if (b < a || b - a > MAX_POINTS)
                {
                    throw new InvalidInputException("--vary", "", "'" + v + "'; expected a range a..b with a <= b");
                }
                for (long x = a; x <= b; x++)
                {
                    out.add(Long.toString(x));
                }
            }
            else if (!v.isEmpty())
            {
                out.add(v);
            }
        }
        if (out.isEmpty())
        {
            throw new InvalidInputException("--vary", "", "'" + text + "'; expected at least one value");
        }
        return out;
    }

    private static void checkKey(final String where, final String key)
    {
        if (key.equals("chip") || key.equals("D") || key.equals(RESIDUAL))
        {
            return;
        }
        for (final ChipField f : ChipField.values())
        {
            if (f.key.equals(key))
            {
                return;
            }
        }
        throw new InvalidInputException(where, "", "'" + key + "' is neither chip, D, residual nor a chip field (csdsim chip show lists the fields)");
    }

    /** @return the points of a CSV: a header of keys, a row of values per point. */
    private static List<Point> readPoints(final Path file, final List<String> keys) throws java.io.IOException
    {
        final List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty())
        {
            throw new InvalidInputException(file.toString(), "line 1", "expected a header of keys");
        }
        for (final String k : lines.get(0).split(","))
        {
            checkKey(file + ": line 1", k.trim());
            keys.add(k.trim());
        }
        if (lines.size() - 1 > MAX_POINTS)
        {
            throw new InvalidInputException(file.toString(), "", (lines.size() - 1) + " points; expected at most " + MAX_POINTS);
        }
        final List<Point> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++)
        {
            final String[] cells = lines.get(i).split(",", -1);
            if (cells.length != keys.size())
            {
                throw new InvalidInputException(file.toString(), "line " + (i + 1), cells.length + " values; expected " + keys.size());
            }
            final Map<String, String> s = new LinkedHashMap<>();
            for (int k = 0; k < cells.length; k++)
            {
                s.put(keys.get(k), cells[k].trim());
            }
            out.add(new Point(s));
        }
        return out;
    }

    /** @return the point's chip: its chip (or --chip), --set, then the point's fields; presets get simulate's TDEC units when they have none. */
    private ChipSpec specOf(final Point p)
    {
        final String base = p.settings().getOrDefault("chip", chip.chip);
        ChipSpec s = chip.overridden(ChipSpecs.resolve(base));
        for (final Map.Entry<String, String> e : p.settings().entrySet())
        {
            if (!e.getKey().equals("chip") && !e.getKey().equals("D") && !e.getKey().equals(RESIDUAL))
            {
                s = ChipSpecs.override(s, e.getKey() + "=" + e.getValue());
            }
        }
        final boolean tdecGiven = p.settings().containsKey(ChipField.CORE_TDEC_UNITS.key)
            || chip.overrides.stream().anyMatch(o -> o.startsWith(ChipField.CORE_TDEC_UNITS.key));
        if (!tdecGiven && s.tdecUnits() == 0 && ChipSpecs.PRESETS.contains(base))
        {
            s = s.with(ChipField.CORE_TDEC_UNITS, SimulateCommand.DEFAULT_TDEC, "csdsim default: " + SimulateCommand.DEFAULT_TDEC + " TDEC units per core");
        }
        return s;
    }

    /** The key that varies how the residual stream is mapped. */
    private static final String RESIDUAL = "residual";

    /** @return the mapping options of a point: --residual, or the point's residual. */
    private MapperOptions optionsOf(final Point p)
    {
        final MapperOptions base = mapping.options();
        final String r = p.settings().get(RESIDUAL);
        if (r == null)
        {
            return base;
        }
        final MapperOptions.Residual choice = MapperOptions.Residual.of(r);
        if (choice == null)
        {
            throw new InvalidInputException("--vary", "", "residual=" + r + "; expected fan-in, accumulate or auto");
        }
        return base.withResidual(choice);
    }

    private IntNetwork networkFor(final ModelGraph graph, final String d)
    {
        if (graph == null)
        {
            if (!d.isEmpty())
            {
                throw new InvalidInputException("--vary", "", "D applies to model files; a network file gives its own delays");
            }
            return model.network(o -> false);
        }
        if (d.isEmpty())
        {
            return model.quantize(graph);
        }
        final int delay;
        try
        {
            delay = Integer.parseInt(d);
        }
        catch (final NumberFormatException e)
        {
            throw new InvalidInputException("--vary", "", "D=" + d + "; expected an integer");
        }
        InputLimits.checkDelay("--vary D", "", delay);
        return model.quantize(graph.withDelay(delay));
    }

    /** The figures of a row, per sample where they are counts or energies; by column name. */
    private static Map<String, Double> figures(final ChipProgram program, final SimulationReport r)
    {
        final Map<String, Double> f = new LinkedHashMap<>();
        final double n = Math.max(1, r.samples());
        f.put("chips", (double)program.chips);
        f.put("cores", (double)program.occupiedCores());
        for (final CountedEvent e : r.events().shownIn(CountedEvent.Output.SWEEP))
        {
            f.put(e.csvName, r.total(e) / n);
        }
        for (final EnergyCategory c : EnergyCategory.values())
        {
            f.put(c.csvName, r.energyPj(c) / n);
        }
        final double dynamic = r.dynamicEnergyPj() / n;
        final double staticPj = r.energyPj(EnergyCategory.STATIC) / n;
        f.put("energy_dynamic_pj", dynamic);
        f.put("energy_total_pj", dynamic + staticPj);
        final double sampleNs = r.cycles() * r.clockNs() / n;
        final double meanTickNs = r.ticksPerSample() == 0 ? 0 : sampleNs / r.ticksPerSample();
        f.put("latency_ns", sampleNs);
        f.put("tick_mean_ns", meanTickNs);
        f.put("tick_max_ns", r.longestTickCycles() * r.clockNs());
        f.put("throughput_per_s", meanTickNs == 0 ? 0 : 1e9 / (program.initiationInterval * meanTickNs));
        if (r.correct() >= 0)
        {
            f.put("accuracy", r.correct() / n);
        }
        return f;
    }

    /** @return per row, whether it is on the Pareto front: no other row has no more energy and latency and no less accuracy, and is better in one. */
    static boolean[] paretoFront(final Row[] rows)
    {
        final boolean[] front = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++)
        {
            if (rows[i].reason() != null)
            {
                continue;
            }
            front[i] = true;
            for (int j = 0; j < rows.length && front[i]; j++)
            {
                if (j != i && rows[j].reason() == null && dominates(rows[j].figures(), rows[i].figures()))
                {
                    front[i] = false;
                }
            }
        }
        return front;
    }

    private static boolean dominates(final Map<String, Double> a, final Map<String, Double> b)
    {
        final double ea = a.get("energy_total_pj");
        final double eb = b.get("energy_total_pj");
        final double la = a.get("latency_ns");
        final double lb = b.get("latency_ns");
        final double aa = a.getOrDefault("accuracy", 0.0);
        final double ab = b.getOrDefault("accuracy", 0.0);
        return ea <= eb && la <= lb && aa >= ab && (ea < eb || la < lb || aa > ab);
    }

    /** The figure columns, in order; a row without a figure (no labels: accuracy) leaves it empty. */
    private static List<String> columns(final Row[] rows)
    {
        final List<String> c = new ArrayList<>();
        for (final Row r : rows)
        {
            for (final String k : r.figures().keySet())
            {
                if (!c.contains(k))
                {
                    c.add(k);
                }
            }
        }
        return c;
    }

    static String csv(final List<String> keys, final Row[] rows, final boolean[] front)
    {
        final List<String> cols = columns(rows);
        final StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", keys));
        for (final String c : cols)
        {
            sb.append(sb.isEmpty() ? "" : ",").append(c);
        }
        sb.append(keys.isEmpty() && cols.isEmpty() ? "" : ",").append("pareto,reason\n");
        for (int i = 0; i < rows.length; i++)
        {
            final List<String> cells = new ArrayList<>();
            for (final String k : keys)
            {
                cells.add(rows[i].point().settings().get(k));
            }
            for (final String c : cols)
            {
                final Double v = rows[i].figures().get(c);
                cells.add(v == null ? "" : format(v));
            }
            cells.add(front[i] ? "1" : "0");
            cells.add(rows[i].reason() == null ? "" : '"' + rows[i].reason().replace("\"", "'") + '"');
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String format(final double v)
    {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long)v) : Double.toString(v);
    }

    private static void writeJson(final java.io.Writer w, final List<String> keys, final Row[] rows, final boolean[] front) throws java.io.IOException
    {
        try (JsonGenerator j = new ObjectMapper().getFactory().createGenerator(w).useDefaultPrettyPrinter())
        {
            j.writeStartObject();
            j.writeStringField("format", "csdsim-sweep");
            j.writeNumberField("formatVersion", 1);
            j.writeArrayFieldStart("varied");
            for (final String k : keys)
            {
                j.writeString(k);
            }
            j.writeEndArray();
            j.writeArrayFieldStart("points");
            for (int i = 0; i < rows.length; i++)
            {
                j.writeStartObject();
                j.writeObjectFieldStart("settings");
                for (final Map.Entry<String, String> e : rows[i].point().settings().entrySet())
                {
                    j.writeStringField(e.getKey(), e.getValue());
                }
                j.writeEndObject();
                if (rows[i].reason() != null)
                {
                    j.writeStringField("reason", rows[i].reason());
                }
                else
                {
                    j.writeObjectFieldStart("figures");
                    for (final Map.Entry<String, Double> e : rows[i].figures().entrySet())
                    {
                        j.writeNumberField(e.getKey(), e.getValue());
                    }
                    j.writeEndObject();
                }
                j.writeBooleanField("pareto", front[i]);
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
    }
}
