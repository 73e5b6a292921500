package io.csdsim.tests;

import io.csdsim.cli.CsdsimCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int code, String out, String err)
{
    static Cli run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = CsdsimCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Asserts bad input refused before any work: exit 2 and one line on stderr, with every fragment in it. */
    static void assertBadInput(final Cli r, final String... fragments)
    {
        assertEquals(2, r.code(), r.out() + r.err());
        final String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.startsWith("csdsim: ") && !line.contains("Exception"), line);
        for (final String f : fragments)
        {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
    }
}
