package io.csdsim.simulator.cluster;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.SampleResultCodec;
import io.csdsim.simulator.engine.Simulation;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * What every task of a cluster run needs, shipped to each executor once: the compiled programs as
 * .csdx bytes (the format {@code csdsim compile} writes, so an executor runs exactly the program the
 * driver compiled), the samples — images or spike trains — and whether link loads are recorded. An
 * executor decodes each program once, when a task first needs it, and keeps its engine for the job's later tasks.
 */
public final class ClusterJob implements Serializable
{
    private static final long serialVersionUID = 1L;

    /** One job's engines per JVM, each decoded when first needed: the job most recently asked for (a JVM runs one job at a time here). */
    private static String cachedJob;
    private static ChipEngine[] cachedEngines;

    private final String id = UUID.randomUUID().toString();
    private final byte[][] programs;
    private final boolean recordLinkLoads;
    private final int[][] pixels;
    private final int[][][] trains;

    /**
     * @param pixels images as the input population takes them, or null
     * @param trains spike trains per sample and tick, or null (exactly one of the two is given)
     */
    public ClusterJob(final List<ChipProgram> programs, final boolean recordLinkLoads, final int[][] pixels, final int[][][] trains)
    {
        if ((pixels == null) == (trains == null))
        {
            throw new IllegalArgumentException("a job's samples are images or spike trains");
        }
        this.programs = new byte[programs.size()][];
        for (int i = 0; i < this.programs.length; i++)
        {
            this.programs[i] = shippable(programs.get(i));
        }
        this.recordLinkLoads = recordLinkLoads;
        this.pixels = pixels;
        this.trains = trains;
    }

    /** Most bytes one program may take as .csdx to be shipped: one Java array. */
    public static final long MAX_PROGRAM_BYTES = Integer.MAX_VALUE - 16;

    /** A program too large to ship in one piece: the run stays on one machine. */
    public static final class ProgramTooLargeException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        ProgramTooLargeException(final String program)
        {
            super("the program '" + program + "' takes more than " + MAX_PROGRAM_BYTES / (1 << 20) + " MiB as .csdx, more than one shipped "
                + "piece holds; run it on one machine (without --spark)");
        }
    }

    /** The program's .csdx bytes, refused past {@link #MAX_PROGRAM_BYTES} before the array would overflow. */
    private static byte[] shippable(final ChipProgram p)
    {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()
        {
            @Override
            public void write(final byte[] b, final int off, final int len)
            {
                check(len);
                super.write(b, off, len);
            }

            @Override
            public void write(final int b)
            {
                check(1);
                super.write(b);
            }

            private void check(final int more)
            {
                if ((long)count + more > MAX_PROGRAM_BYTES)
                {
                    throw new ProgramTooLargeException(p.name);
                }
            }
        };
        try
        {
            CsdxFormat.write(p, out);
        }
        catch (final java.io.IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the samples the job holds. */
    public int samples()
    {
        return pixels != null ? pixels.length : trains.length;
    }

    /** @return the bytes the programs take when shipped. */
    public long programBytes()
    {
        long n = 0;
        for (final byte[] p : programs)
        {
            n += p.length;
        }
        return n;
    }

    /** @return the task's samples simulated on one thread, each result encoded ({@link SampleResultCodec}), in the task's order. */
    public byte[][] run(final ClusterTask task)
    {
        final ChipEngine engine = engine(task.program());
        final int[] samples = task.samples();
        final List<SampleResult> results;
        if (pixels != null)
        {
            final int[][] in = new int[samples.length][];
            for (int i = 0; i < samples.length; i++)
            {
                in[i] = pixels[samples[i]];
            }
            results = Simulation.run(engine, in, 1, null);
        }
        else
        {
            final int[][][] in = new int[samples.length][][];
            for (int i = 0; i < samples.length; i++)
            {
                in[i] = trains[samples[i]];
            }
            results = Simulation.runSpikes(engine, in, 1, null);
        }
        final byte[][] out = new byte[results.size()][];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = SampleResultCodec.encode(results.get(i));
        }
        return out;
    }

    /** @return program i's engine in this JVM, decoded by the first task that needs it (a sweep's tasks each need one). */
    private ChipEngine engine(final int i)
    {
        final ChipEngine[] engines;
        synchronized (ClusterJob.class)
        {
            if (!id.equals(cachedJob))
            {
                cachedJob = id;
                cachedEngines = new ChipEngine[programs.length];
            }
            engines = cachedEngines;
        }
        synchronized (engines)
        {
            if (engines[i] == null)
            {
                final ChipEngine e = new ChipEngine(CsdxFormat.read("cluster job " + id + " program " + i, programs[i]));
                if (recordLinkLoads)
                {
                    e.recordLinkLoads();
                }
                engines[i] = e;
            }
            return engines[i];
        }
    }
}
