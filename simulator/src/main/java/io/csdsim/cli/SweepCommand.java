package io.csdsim.cli;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.library.ChipDefaults;
import io.csdsim.library.Samples;
import io.csdsim.library.study.CompileCache;
import io.csdsim.library.study.ParetoFront;
import io.csdsim.library.study.StudyGrid;
import io.csdsim.library.study.StudyPoint;
import io.csdsim.library.study.StudyRow;
import io.csdsim.library.study.StudyRunner;
import io.csdsim.library.study.StudyTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        // The grid first: its chip files are inputs too, which no output may overwrite.
        final StudyGrid study = points != null ? StudyGrid.read(points) : StudyGrid.of(vary);
        final List<String> keys = study.keys();
        final List<StudyPoint> grid = study.points();
        files.model(model.path()).chip(chip.chip).input(inputs.input).input(inputs.labels).input(points).input(spikeInputs.spikes);
        grid.stream().map(p -> p.settings().get(StudyPoint.CHIP)).distinct().forEach(files::chip);
        final OutputFiles.Output csvFile = files.add("--output", output);
        final OutputFiles.Output jsonFile = files.add("--json", json);
        final OutputFiles.Output htmlFile = files.add("--html", html);
        final OutputFiles.Output csvSidecar = files.sidecar(csvFile);
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
                compiled.add(cache.compile(specOf(p), d, p.mapping(mapping.options()), () -> networkFor(graph, d)));
            }
            catch (final ChipInputException e)
            {
                throw new InvalidInputException("--vary", "", "point " + p.settings() + ": " + e.getMessage());
            }
        }
        // The samples: the same for every point.
        final ChipProgram first = cache.programs().isEmpty() ? null : cache.programs().get(0);
        final Samples run = first == null ? null : RunSamples.load(first, inputs, spikeInputs, null,
            model.isNetworkFile() ? model.network(o -> false).input : graph.input, spec.commandLine().getParseResult()::hasMatchedOption);
        final int samples = run == null ? 0 : run.count();
        final List<StudyRow> table;
        final long steps = (long)grid.size() * Math.max(1, samples);
        if (cluster.given())
        {
            try (Progress progress = new Progress("Sweeping on Spark (points × samples)", steps))
            {
                table = StudyRunner.runOnCluster(cluster.cluster(), grid, compiled, cache.programs(), run, progress::step, spec.commandLine().getErr());
            }
        }
        else
        {
            try (Progress progress = new Progress("Sweeping (points × samples)", steps))
            {
                table = StudyRunner.run(grid, compiled, run, threadCount, progress::step);
            }
        }
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
            try (java.io.Writer w = htmlFile.writer())
            {
                w.write(StudyTables.html(keys, table, front));
            }
        }
        files.publish();
        out.print(StudyTables.summary(table, front, cache.size(), samples));
        OutputFiles.sayWritten(out, output, json, html);
        return 0;
    }

    /** @return the point's chip: its chip (or --chip), --set, then the point's fields, with csdsim's defaults (ChipDefaults). */
    private ChipSpec specOf(final StudyPoint p)
    {
        return p.chip(chip.chip, chip.overrides);
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
