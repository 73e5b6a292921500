package io.csdsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.mapper.CompileReport;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InputLimits;
import io.csdsim.models.quant.IntNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim compile}: a model for a chip, as a .csdx program and a compile report. */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = {"Compile a model for a chip: partition, place, route and schedule.",
        "Prints the compile report: chips and cores, cores per layer, each core limit's utilisation, synapse",
        "memory, spike traffic × hops before and after placement refinement, latency and initiation interval."},
    footer = {"", "Examples:", "  csdsim compile m.json --chip loihi2 --set core.tdecUnits=8192 -o m.csdx",
        "  csdsim compile --chip loihi --set core.tdecUnits=1024 --json",
        "", "Real Loihi and TrueNorth have no TDEC units: a preset without them gets " + io.csdsim.library.ChipDefaults.TDEC_UNITS
            + " per core, as in simulate, unless core.tdecUnits is set."})
final class CompileCommand extends CompileOptions implements Callable<Integer>
{
    @Option(names = {"-o", "--output"}, paramLabel = "PROGRAM.csdx", description = "Write the chip program here.")
    Path output;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final MapperOptions options = mapping.options();
        // The same chip simulate runs on: a preset without TDEC units gets csdsim's default (ChipDefaults).
        final ChipSpec s = chip.withDefaults();
        try (OutputFiles files = new OutputFiles())
        {
            final OutputFiles.Output program = files.model(model.path()).chip(chip.chip).add("-o", output);
            final IntNetwork net = model.network(spec.commandLine().getParseResult()::hasMatchedOption);
            out.print(json || model.isNetworkFile() ? "" : InputLimits.delayNote(net.timeWindow, net.delay));
            final long t0 = System.nanoTime();
            final Mapper.Result r = Mapper.compile(net, s, options);
            // Said once the compile succeeded: a refused input or chip stays one line.
            if (chip.addsDefaults())
            {
                spec.commandLine().getErr().println("note: " + s.name() + " has no TDEC units; compiled with "
                    + io.csdsim.library.ChipDefaults.TDEC_UNITS + " per core (set core.tdecUnits to change)");
            }
            final double seconds = (System.nanoTime() - t0) / 1e9;
            if (program != null)
            {
                try (java.io.OutputStream os = program.open())
                {
                    CsdxFormat.write(r.program(), os);
                }
                files.publish();
            }
            return report(out, r, seconds);
        }
    }

    private int report(final PrintWriter out, final Mapper.Result r, final double seconds) throws Exception
    {
        if (json)
        {
            out.println(io.csdsim.simulator.report.ShortestNumbers.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r.report()));
            return 0;
        }
        print(out, r.report(), seconds);
        if (output != null)
        {
            out.printf(Locale.ROOT, "%nwrote %s%n", output);
        }
        return 0;
    }

    static void print(final PrintWriter out, final CompileReport r, final double seconds)
    {
        out.printf(Locale.ROOT, "%s on %s: %d chip(s), %d of %d cores used, T=%d, D=%d (compiled in %.1f s)%n%n", r.model(), r.chip(), r.chips(),
            r.coresUsed(), r.chips() * r.coresPerChip(), r.timeWindow(), r.delay(), seconds);
        final TextTable layers = new TextTable("layer", "kind", "units", "cores", "units/core").right(2, 3, 4);
        for (final CompileReport.Layer l : r.layers())
        {
            layers.row(l.name(), l.kind(), TextTable.count(l.units()), TextTable.count(l.cores()), TextTable.count(l.groupSize()));
        }
        layers.print(out);
        out.println();
        final TextTable limits = new TextTable("core limit", "capacity", "min", "mean", "max", "max use").right(1, 2, 3, 4, 5);
        for (final CompileReport.Limit l : r.limits())
        {
            limits.row(l.name(), TextTable.count(l.capacity()), TextTable.count(l.min()), String.format(Locale.ROOT, "%,.0f", l.mean()),
                TextTable.count(l.max()), l.capacity() == 0 ? "-" : TextTable.percent((double)l.max() / l.capacity()));
        }
        limits.print(out);
        out.println();
        out.printf(Locale.ROOT, "synapse memory      %s bits (%.2f MB) over all cores%n", TextTable.count(r.synapseMemoryBits()), r.synapseMemoryBits() / 8e6);
        out.printf(Locale.ROOT, "routing entries     %s%n", TextTable.count(r.routeEntries()));
        out.printf(Locale.ROOT, "residual stream     %s%n", r.residual());
        out.printf(Locale.ROOT, "placement           %s start, %d refinement pass(es)%n", r.placementStart(), r.refinementPasses());
        out.printf(Locale.ROOT, "entries × hops      %s before refinement, %s after (%s)%n", TextTable.count(r.entryHopsBefore()),
            TextTable.count(r.entryHopsAfter()), r.entryHopsBefore() == 0 ? "-" : String.format(Locale.ROOT, "%+.1f %%",
                100.0 * (r.entryHopsAfter() - r.entryHopsBefore()) / r.entryHopsBefore()));
        out.printf(Locale.ROOT, "chip crossings      %s entries cross a chip-to-chip link%n", TextTable.count(r.chipCrossings()));
        out.printf(Locale.ROOT, "latency             %d ticks per sample; initiation interval %d ticks (T + D)%n", r.latencyTicks(), r.initiationInterval());
    }
}
