package io.csdsim.cli;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.library.ChipDefaults;
import io.csdsim.library.study.CompileCache;
import io.csdsim.library.study.ParetoFront;
import io.csdsim.library.study.StudyFigures;
import io.csdsim.library.study.StudyGrid;
import io.csdsim.library.study.StudyPoint;
import io.csdsim.library.study.StudyRow;
import io.csdsim.library.study.StudyRunner;
import io.csdsim.library.study.StudyTables;
import io.csdsim.simulator.report.SimulationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

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
final class SweepCommand extends RunCommandOptions implements Callable<Integer>
{
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
        final OutputFiles.Output csvSidecar = files.sidecar(csvFile);
        final StudyGrid study = points != null ? StudyGrid.read(points) : StudyGrid.of(vary);
        final List<String> keys = study.keys();
        final List<StudyPoint> grid = study.points();
        if (model.isSanafeNetwork() || model.isNir())
        {
            throw new InvalidInputException(model.path().toString(), "", "sweep takes model and network files; run SANA-FE and NIR graphs with "
                + "simulate");
        }
        final ModelGraph graph = model.isNetworkFile() ? null : model.load();
        // Compile each distinct (chip, D, residual) once, in grid order; a chip the model does not fit is a reason, not an abort.
        final CompileCache cache = new CompileCache();
        final List<CompileCache.Compiled> compiled = new ArrayList<>();
        for (final StudyPoint p : grid)
        {
            try
            {
                final String d = p.settings().getOrDefault(StudyPoint.DELAY, "");
                compiled.add(cache.compile(specOf(p), d, optionsOf(p), () -> networkFor(graph, d)));
            }
            catch (final ChipInputException e)
            {
                throw new InvalidInputException("--vary", "", "point " + p.settings() + ": " + e.getMessage());
            }
        }
        // The samples: the same for every point.
        final ChipProgram first = cache.programs().isEmpty() ? null : cache.programs().get(0);
        RunSamples run = null;
        int samples = 0;
        if (first != null)
        {
            run = RunSamples.load(first, inputs, spikeInputs, null, model.isNetworkFile() ? model.network(o -> false).input
                : graph.input, spec.commandLine().getParseResult()::hasMatchedOption);
            samples = run.count();
        }
        final StudyRow[] rows = new StudyRow[grid.size()];
        if (cluster.given())
        {
            runOnCluster(grid, compiled, cache.programs(), run, samples, rows);
        }
        else
        {
            runHere(grid, compiled, run, samples, rows, threadCount);
        }
        final List<StudyRow> table = List.of(rows);
        final boolean[] front = ParetoFront.of(table);
        // The chip every point starts from, with csdsim's defaults; each point's settings are its row's.
        final io.csdsim.simulator.report.Provenance provenance = new io.csdsim.simulator.report.Provenance(
            ResultArguments.of(spec.root().commandLine().getParseResult().originalArgs()), specOf(new StudyPoint(Map.of())),
            mapping.provenance(null, false), Map.of("seed", inputs.seed));
        try (java.io.Writer w = csvFile.writer())
        {
            w.write(StudyTables.csv(keys, table, front));
        }
        if (csvSidecar != null)
        {
            try (java.io.Writer w = csvSidecar.writer())
            {
                provenance.writeSidecar(w, output.getFileName().toString());
            }
        }
        if (jsonFile != null)
        {
            try (java.io.Writer w = jsonFile.writer())
            {
                StudyTables.writeJson(w, keys, table, front, provenance);
            }
        }
        if (htmlFile != null)
        {
            final List<Map<String, String>> settings = new ArrayList<>();
            final List<Map<String, Double>> figs = new ArrayList<>();
            final List<String> reasons = new ArrayList<>();
            for (final StudyRow r : rows)
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
            rows.length, cache.size(), samples, onFront, failed);
        OutputFiles.sayWritten(out, output, json, html);
        return 0;
    }

    /** Each point on this JVM's threads, its samples on one thread (StudyRunner). */
    private static void runHere(final List<StudyPoint> grid, final List<CompileCache.Compiled> compiled, final RunSamples feed,
        final int samples, final StudyRow[] rows, final int threadCount) throws Exception
    {
        try (Progress progress = new Progress("Sweeping (points × samples)", (long)grid.size() * Math.max(1, samples)))
        {
            StudyRunner.run(grid, compiled, engine -> feed.run(engine, 1, () -> { }), feed == null ? null : feed.labels, threadCount,
                progress::step).toArray(rows);
        }
    }

    /** Each point a Spark task; the distinct programs and the samples shipped once. */
    private void runOnCluster(final List<StudyPoint> grid, final List<CompileCache.Compiled> compiled, final List<ChipProgram> programs,
        final RunSamples feed, final int samples, final StudyRow[] rows)
    {
        final int[] all = java.util.stream.IntStream.range(0, samples).toArray();
        final List<io.csdsim.simulator.cluster.ClusterTask> tasks = new ArrayList<>();
        final List<Integer> taskPoints = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++)
        {
            final CompileCache.Compiled c = compiled.get(i);
            if (c.program() != null)
            {
                tasks.add(new io.csdsim.simulator.cluster.ClusterTask(indexOf(programs, c.program()), all));
                taskPoints.add(i);
            }
            else
            {
                rows[i] = StudyRow.failed(grid.get(i), c.reason());
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
                rows[i] = new StudyRow(grid.get(i), StudyFigures.of(program, new SimulationReport(program, results.get(t), feed.labels)), null);
            }
        }
    }

    /** @return the index of a program in the list, by identity (the cache hands out each program once). */
    private static int indexOf(final List<ChipProgram> programs, final ChipProgram program)
    {
        for (int k = 0; k < programs.size(); k++)
        {
            if (programs.get(k) == program)
            {
                return k;
            }
        }
        throw new IllegalStateException("a program that is not in the cache");
    }

    /** @return the point's chip: its chip (or --chip), --set, then the point's fields, with csdsim's defaults (ChipDefaults). */
    private ChipSpec specOf(final StudyPoint p)
    {
        final String base = p.settings().getOrDefault(StudyPoint.CHIP, chip.chip);
        ChipSpec s = chip.overridden(ChipSpecs.resolve(base));
        for (final Map.Entry<String, String> e : p.settings().entrySet())
        {
            if (StudyPoint.isChipField(e.getKey()))
            {
                s = ChipSpecs.override(s, e.getKey() + "=" + e.getValue());
            }
        }
        final boolean tdecGiven = p.settings().containsKey(ChipField.CORE_TDEC_UNITS.key)
            || chip.overrides.stream().anyMatch(o -> o.startsWith(ChipField.CORE_TDEC_UNITS.key));
        return ChipDefaults.apply(s, ChipSpecs.PRESETS.contains(base), tdecGiven);
    }

    /** @return the mapping options of a point: --residual, or the point's residual. */
    private MapperOptions optionsOf(final StudyPoint p)
    {
        final MapperOptions base = mapping.options();
        final String r = p.settings().get(StudyPoint.RESIDUAL);
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
}
