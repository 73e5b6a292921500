package io.csdsim.models;

import java.util.Locale;

/**
 * The documented bounds of every size csdsim reads from a file or an option (docs/reliability.md).
 * They keep every count and every product of counts inside the integer types that hold them, and
 * refuse what would run for hours or exhaust memory before any of it is allocated.
 */
public final class InputLimits
{
    /** Largest time window T (quantization levels; the paper uses 4). */
    public static final int MAX_TIME_WINDOW = 64;
    /** Largest DIF delay D; from D = T − 1 on a larger D adds latency only. */
    public static final int MAX_DELAY = 64;
    /** Largest image height or width (ImageNet's is 224). */
    public static final int MAX_IMAGE_SIDE = 4096;
    /** Largest image height or width of an input file (resized to the model's with --resize). */
    public static final int MAX_FILE_IMAGE_SIDE = 16384;
    /** Largest number of units (elements) of one graph node or tensor: 2^27. */
    public static final long MAX_NODE_UNITS = 1L << 27;
    /** Largest rank of a node's shape. */
    public static final int MAX_RANK = 4;
    /** Largest number of attention heads. */
    public static final int MAX_HEADS = 1024;
    /**
     * Largest T of a network of named neuron models (a network file): the ticks one sample runs, as
     * long as a program's output tick may be. What a run of that length holds (a spike list per
     * spiking population and tick) is estimated before it starts.
     */
    public static final int MAX_RUN_TICKS = 1 << 16;
    /** Largest number of samples one run takes (ImageNet's validation set is 50,000). */
    public static final int MAX_SAMPLES = 1 << 24;

    private InputLimits()
    {
    }

    /** Checks a time window T as a model file or an option gives it. */
    /** Refuses a network's run length outside 1..{@link #MAX_RUN_TICKS}. */
    public static void checkRunTicks(final String src, final String field, final long t)
    {
        if (t < 1 || t > MAX_RUN_TICKS)
        {
            throw new InvalidInputException(src, field, "T = " + t + "; expected 1.." + MAX_RUN_TICKS + " ticks (docs/reliability.md)");
        }
    }

    public static void checkTimeWindow(final String src, final String field, final long t)
    {
        if (t < 1 || t > MAX_TIME_WINDOW)
        {
            throw new InvalidInputException(src, field, "T = " + t + "; expected 1.." + MAX_TIME_WINDOW + " (docs/reliability.md)");
        }
    }

    /** Checks a DIF delay D. */
    public static void checkDelay(final String src, final String field, final long d)
    {
        if (d < 0 || d > MAX_DELAY)
        {
            throw new InvalidInputException(src, field, "D = " + d + "; expected 0.." + MAX_DELAY + " (D = T − 1 already makes the spiking "
                + "network exact; docs/reliability.md)");
        }
    }

    /** @return a line for the user when D exceeds T − 1, else the empty string. */
    public static String delayNote(final int t, final int d)
    {
        return d > t - 1 ? String.format(Locale.ROOT, "note: D = %d > T − 1 = %d: the spiking network is exact from D = T − 1 on; "
            + "a larger D only adds latency%n", d, t - 1) : "";
    }

    /**
     * @return the product of dims, refused with a message naming src and field when it leaves
     * [0, max] (overflow-safe: no product of two in-range values can wrap a long).
     */
    public static long product(final String src, final String field, final long[] dims, final long max)
    {
        long p = 1;
        for (final long d : dims)
        {
            if (d < 0)
            {
                throw new InvalidInputException(src, field, java.util.Arrays.toString(dims) + "; a size is negative");
            }
            if (d > max)
            {
                throw new InvalidInputException(src, field, java.util.Arrays.toString(dims) + String.format(Locale.ROOT,
                    ": a size of %,d exceeds the limit of %,d (docs/reliability.md)", d, max));
            }
            p *= d;
            if (p > max)
            {
                throw new InvalidInputException(src, field, java.util.Arrays.toString(dims) + String.format(Locale.ROOT,
                    ": more than %,d elements (docs/reliability.md)", max));
            }
        }
        return p;
    }

    /** @return the product of non-negative sizes, or {@link Long#MAX_VALUE} when it would overflow a long. */
    public static long saturatingProduct(final long[] dims)
    {
        long p = 1;
        for (final long d : dims)
        {
            try
            {
                p = Math.multiplyExact(p, d);
            }
            catch (final ArithmeticException e)
            {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }

    /** @return a count for a message: the number, or "more than 2^63" for a saturated product. */
    public static String countText(final long n)
    {
        return n == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(n);
    }

    /**
     * Refuses, before allocating, work whose memory would not fit this JVM's heap: names the figure
     * and the heap that would fit, or says that no heap of this machine would.
     *
     * @param what what needs the memory, e.g. "1,000,000,000 synthetic images of 28×28×1".
     */
    public static void requireHeap(final String src, final String what, final long bytes)
    {
        requireHeap(src, what, bytes, "take fewer images (--limit N)");
    }

    /**
     * As {@link #requireHeap(String, String, long)}, naming the remedy when no heap of this machine would fit.
     *
     * @param smaller what to do instead, e.g. "a smaller --arch".
     */
    public static void requireHeap(final String src, final String what, final long bytes, final String smaller)
    {
        final Runtime rt = Runtime.getRuntime();
        final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes <= free)
        {
            return;
        }
        final long machine = physicalMemory();
        final long needGb = (bytes + (rt.maxMemory() - free)) / (1L << 30) + 2;
        final String fix = machine > 0 && needGb * (1L << 30) > machine * 9 / 10
            ? String.format(Locale.ROOT, "more than this machine's %,d GB: %s", machine >> 30, smaller)
            : String.format(Locale.ROOT, "CSDSIM_JAVA_OPTS=-Xmx%dg would fit", needGb);
        throw new InvalidInputException(src, "", String.format(Locale.ROOT, "%s need %s of memory; this JVM has %s free of a %s heap: %s",
            what, bytesText(bytes), bytesText(free), bytesText(rt.maxMemory()), fix));
    }

    private static long physicalMemory()
    {
        final java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun)
        {
            return sun.getTotalMemorySize();
        }
        return 0;
    }

    /** @return bytes in words: "3.1 GB", "512 MB". */
    public static String bytesText(final long bytes)
    {
        if (bytes >= 1L << 30)
        {
            return String.format(Locale.ROOT, "%,.1f GB", bytes / (double)(1L << 30));
        }
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, bytes >> 20));
    }
}
