package io.csdsim.cli;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.library.ChipDefaults;
import io.csdsim.library.LoadedNetwork;
import io.csdsim.library.RunProgram;
import io.csdsim.library.Samples;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;
import io.csdsim.simulator.report.SimulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim simulate}: a model or a chip program on images, tick by tick, cycle by cycle. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulate a model on a chip, tick by tick and cycle by cycle, and report what it costs.",
        "Give a model file (compiled on the fly for --chip) or a .csdx program. Prints totals, energy by category",
        "(chip model and the paper-style estimate), latency per tick and per sample, throughput and the predicted",
        "classes and, with labels, the accuracy. With no arguments: the shipped trained model (Fashion-MNIST) on the",
        "first " + SimulateCommand.SHIPPED_IMAGES + " shipped test images, on Loihi 2 with TDEC units."},
    footer = {"", "Examples:", "  csdsim simulate", "  csdsim simulate m.json --chip loihi --set core.tdecUnits=1024 --input x.png",
        "  csdsim simulate m.csdx --synthetic 8 --report r.json --ticks r.csv --threads 2",
        "  csdsim simulate --limit 100 --spark local[2] --report r.json     # the same report, samples as Spark tasks",
        "", "Without an explicit core.tdecUnits, a preset chip gets " + ChipDefaults.TDEC_UNITS
            + " TDEC units per core (real Loihi and TrueNorth have none); the summary says so."})
final class SimulateCommand extends RunCommandOptions implements Callable<Integer>
{
    /** Shipped images simulated when none are named: a few seconds' run. */
    static final int SHIPPED_IMAGES = 100;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the JSON report (docs/report-format.md).")
    Path report;

    @Option(names = "--ticks", paramLabel = "FILE.csv", description = "Write one CSV row per sample and tick.")
    Path ticks;

    @Option(names = "--html", paramLabel = "FILE.html", description = {"Write one self-contained HTML page: the summary, energy per tick",
        "by category, latency per tick, energy and SOPs per population, the mesh by energy, busy cycles and link load."})
    Path html;

    @Option(names = "--raster", paramLabel = "POP,...", split = ",", description = "With --html: spike rasters of these populations (sample 0).")
    List<String> raster = new ArrayList<>();

    /** Most threads a run takes (docs/reliability.md): more would only add scheduling and memory. */
    static final int MAX_THREADS = 256;

    @Option(names = "--threads", defaultValue = "0", description = {"Threads: samples in parallel, or each tick's cores split over threads when",
        "there are fewer samples (default and at most: every processor, up to " + MAX_THREADS + "). Reports do not depend on it."})
    int threads;

    @Override
    public Integer call() throws Exception
    {
        // Every output is checked before any work, and published only when all are written.
        try (OutputFiles files = new OutputFiles())
        {
            return run(files);
        }
    }

    /**
     * @return the threads a run takes: every processor for 0; more than the machine's processors are
     * capped to them, with a word on stderr (threads beyond the cores only contend with each other)
     */
    static int threadsToUse(final int requested, final PrintWriter err)
    {
        if (requested < 0)
        {
            throw new InvalidInputException("--threads", "", requested + "; expected 1 or more (0: every processor; more than the processors are capped to them)");
        }
        final int cores = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        if (requested == 0)
        {
            return cores;
        }
        if (requested > cores)
        {
            err.printf(Locale.ROOT, "note: --threads %d capped at %d, the processors this machine has (docs/reliability.md)%n", requested, cores);
            return cores;
        }
        return requested;
    }

    private int run(final OutputFiles files) throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        threads = threadsToUse(threads, spec.commandLine().getErr());
        cluster.check();
        files.model(model.path()).chip(chip.chip).input(inputs.input).input(inputs.labels).input(spikeInputs.spikes);
        final OutputFiles.Output reportFile = files.add("--report", report);
        final OutputFiles.Output ticksFile = files.add("--ticks", ticks);
        final OutputFiles.Output htmlFile = files.add("--html", html);
        final OutputFiles.Output ticksSidecar = files.sidecar(ticksFile);
        final RunProgram setup;
        final Path path = model.path();
        if (io.csdsim.library.NetworkSources.isProgram(path))
        {
            // A program is compiled for its chip, with its model's widths and delay: options that would change them cannot apply.
            for (final String o : new String[] {"--chip", "--set", "--chips", "--placement", "--refine", "-D", "--weight-bits", "--membrane-bits"})
            {
                if (spec.commandLine().getParseResult().hasMatchedOption(o))
                {
                    throw new InvalidInputException(o, "", "a .csdx program is already placed and compiled for its chip; give the model file "
                        + "to compile it with " + o);
                }
            }
            setup = RunProgram.read(path);
        }
        else
        {
            // Checked first, as before any file is read: a bad --chips or --refine is one line whatever the model.
            final MapperOptions options = mapping.options();
            if (mapping.remap && !model.isSanafeNetwork())
            {
                throw new InvalidInputException("--remap", "", "applies to SANA-FE networks, which come with their own mapping");
            }
            final LoadedNetwork loaded = model.loaded(model.isSanafeNetwork() ? chip.architecture() : null,
                spec.commandLine().getParseResult()::hasMatchedOption);
            setup = RunProgram.compile(loaded, chip.withDefaults(), chip.addsDefaults(), options, mapping.remap, chip::forTilesInUse);
            // Said once the files are known good: a refused input stays one line.
            chip.warn(spec.commandLine().getErr());
            if (!loaded.warnings().isEmpty())
            {
                spec.commandLine().getErr().println("warning: " + path + ": not modelled by csdsim: " + String.join("; ", loaded.warnings()));
            }
        }
        final ChipProgram program = setup.program();
        String note = setup.notes();
        // A run on a cluster builds its engines there: the driver needs one only for a raster's sample.
        final ChipEngine engine = cluster.given() ? null : new ChipEngine(program);
        if (html != null && engine != null)
        {
            engine.recordLinkLoads();
        }
        else if (html == null && !raster.isEmpty())
        {
            throw new InvalidInputException("--raster", "", "a raster is part of the HTML page: give --html FILE.html too");
        }
        for (final String name : raster)
        {
            if (program.populations().stream().noneMatch(p -> p.name().equals(name)))
            {
                throw new InvalidInputException("--raster", "", "'" + name + "' is not a population of '" + program.name + "' (csdsim model info lists them)");
            }
        }
        final Samples run = RunSamples.load(program, inputs, spikeInputs, setup.fileTrains(), setup.inputSpec(),
            spec.commandLine().getParseResult()::hasMatchedOption);
        note += run.note;
        final int samples = run.count();
        run.requireHeap(program, Math.min(samples, Math.max(1, threads)));
        final List<SampleResult> results;
        final long started = System.nanoTime();
        if (cluster.given())
        {
            try (Progress p = new Progress("Simulating on Spark (samples)", samples))
            {
                results = cluster.cluster().simulate("csdsim simulate " + program.name, program, html != null, run, p::step,
                    spec.commandLine().getErr());
            }
        }
        else
        {
            // In ticks, so that one long sample (8-768 takes many minutes) shows its progress too.
            try (Progress p = new Progress("Simulating (ticks)", (long)samples * ChipEngine.ticksPerSample(program)))
            {
                results = run.run(engine, threads, p::step);
            }
            final double seconds = (System.nanoTime() - started) / 1e9;
            // On stderr: the wall time is this machine's, not the chip's, and must not make two reports differ.
            spec.commandLine().getErr().printf(Locale.ROOT, "simulated %d sample(s) in %.3f s on %d thread(s): %.3f s per sample%n",
                samples, seconds, Simulation.threadsUsed(threads, samples), seconds / samples);
        }
        final io.csdsim.simulator.report.Provenance provenance = new io.csdsim.simulator.report.Provenance(
            ResultArguments.of(spec.root().commandLine().getParseResult().originalArgs()), program.spec, setup.mapping(), java.util.Map.of("seed", inputs.seed));
        final SimulationReport r = new SimulationReport(program, results, run.labels, io.csdsim.simulator.event.EventRegistry.STANDARD, provenance);
        out.print(note);
        out.print(r.summary());
        if (setup.network() != null && setup.network().nir() != null)
        {
            out.print(NirComparison.text(program, setup.network().nir(), setup.network().nirGraph(), model.dt,
                ChipEngine.ticksPerSample(program), run.trains, results));
        }
        if (reportFile != null)
        {
            try (java.io.Writer w = reportFile.writer())
            {
                r.writeJson(w);
            }
        }
        if (ticksFile != null)
        {
            try (java.io.Writer w = ticksFile.writer())
            {
                w.write(r.ticksCsv());
            }
        }
        if (ticksSidecar != null)
        {
            try (java.io.Writer w = ticksSidecar.writer())
            {
                provenance.writeSidecar(w, ticks.getFileName().toString());
            }
        }
        if (htmlFile != null)
        {
            try (java.io.Writer w = htmlFile.writer())
            {
                w.write(io.csdsim.simulator.report.HtmlReport.simulation(r, program, results, raster,
                    raster.isEmpty() ? null : run.firstWithTrains(engine != null ? engine : new ChipEngine(program))));
            }
        }
        files.publish();
        OutputFiles.sayWritten(out, html, report, ticks);
        return 0;
    }
}
