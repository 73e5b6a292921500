package io.csdsim.tests;

import org.junit.jupiter.api.Test;

/**
 * Issue 30, item 3: a Spark master that cannot serve is one line naming the form, the field and what
 * was expected, before Spark starts (no SparkException, no stack trace, no minute of retries).
 */
class SparkMasterChecksTest
{
    @Test
    void localThreadsOutOfRangeAreOneLine()
    {
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--spark", "local[0]"), "--spark", "0 local threads; expected 1..4096");
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--spark", "local[99999999]"), "--spark", "expected 1..4096");
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--spark", "local[99999999999]"), "--spark", "expected local, local[N]");
    }

    @Test
    void aStandaloneMasterListNeedsHostsAndPortsThatExist()
    {
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--spark", "spark://a:1,,b:2"), "--spark", "expected local, local[N]");
        Cli.assertBadInput(Cli.run("simulate", "--limit", "1", "--spark", "spark://127.0.0.1:99999"), "--spark",
            "port 99999 of 127.0.0.1; expected 1..65535");
    }

    @Test
    void aMasterThatAcceptsNoConnectionIsRefusedWithItsReason() throws Exception
    {
        // A port just released: nothing listens there.
        final int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            port = s.getLocalPort();
        }
        Cli.assertBadInput(Cli.run("sweep", "--vary", "D=3", "--limit", "1", "--spark", "spark://127.0.0.1:" + port), "--spark",
            "no master accepts a connection: 127.0.0.1:" + port);
    }
}
