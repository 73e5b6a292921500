package io.csdsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The arguments of a command line that decide what its reports say: as given, less the outputs
 * (where a report goes is not part of it) and the options that cannot change a figure (threads,
 * the cluster, verbosity) — so that a report stays byte-identical whatever the thread count or the
 * file it is written to, and still names everything needed to run it again.
 */
final class ResultArguments
{
    /** Options whose value is an output or cannot change a figure: left out with their value. */
    private static final Set<String> WITH_VALUE = Set.of("--report", "--ticks", "--html", "-o", "--output", "--json", "--threads", "--spark",
        "--raster");
    /** Flags that cannot change a figure. */
    private static final Set<String> FLAGS = Set.of("--verbose");

    private ResultArguments()
    {
    }

    static List<String> of(final List<String> args)
    {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++)
        {
            final String a = args.get(i);
            final int eq = a.indexOf('=');
            final String name = eq > 0 ? a.substring(0, eq) : a;
            if (WITH_VALUE.contains(name))
            {
                // "--report x" takes the next argument too; "--report=x" is one.
                i += eq > 0 ? 0 : 1;
                continue;
            }
            if (!FLAGS.contains(a))
            {
                out.add(a);
            }
        }
        return out;
    }
}
