package io.csdsim.spark;

import io.csdsim.cli.CsdsimCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in this JVM, with what it printed. */
record CliRun(int code, String out, String err)
{
    static CliRun of(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = CsdsimCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
