package io.csdsim.simulator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every report writes a binary floating-point number: the shortest decimal that reads back as the
 * same double (Jackson's Schubfach writer), in {@link Double#toString}'s layout. Java 17's own
 * {@code Double.toString} gives a digit or two more for about one double in seven hundred; a report
 * must not depend on the JDK that wrote it.
 */
public final class ShortestNumbers
{
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private ShortestNumbers()
    {
    }

    /** @return v as its shortest round-trip decimal. */
    public static String of(final double v)
    {
        return NumberOutput.toString(v, true);
    }

    /** @return a JSON factory whose generators write doubles shortest. */
    public static JsonFactory json()
    {
        return JSON;
    }

    /** @return an object mapper whose generators write doubles shortest. */
    public static ObjectMapper mapper()
    {
        return new ObjectMapper(JSON.copy());
    }
}
