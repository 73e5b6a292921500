package io.csdsim.simulator.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which csdsim wrote a report: the release version and the commit its classes were built from (with
 * "+changes" when the tree had uncommitted changes), as the build recorded them; "unknown" where the
 * build had no git history.
 */
public final class ToolVersion
{
    /** The release version of the build (the Maven project version). */
    public static final String VERSION = version();
    /** The commit the build came from, or "unknown". */
    public static final String COMMIT = commit();

    private ToolVersion()
    {
    }

    /** @return one line: version and commit. */
    public static String describe()
    {
        return VERSION + " (commit " + COMMIT + ")";
    }

    private static String version()
    {
        final String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : properties("build-version.properties").getProperty("version", "unknown");
    }

    private static String commit()
    {
        final Properties p = properties("build-commit.properties");
        final String id = p.getProperty("git.commit.id", "");
        if (id.isEmpty() || id.startsWith("${"))
        {
            return "unknown";
        }
        return id + ("true".equals(p.getProperty("git.dirty")) ? "+changes" : "");
    }

    private static Properties properties(final String name)
    {
        final Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream(name))
        {
            if (in != null)
            {
                p.load(in);
            }
        }
        catch (final IOException e)
        {
            // A build without the file reports "unknown": the report is still written.
        }
        return p;
    }
}
