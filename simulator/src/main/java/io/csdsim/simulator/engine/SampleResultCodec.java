package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.event.CountedEvent;
import io.csdsim.simulator.event.EventRegistry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample's result as bytes, for runs whose samples are simulated in other JVMs (a cluster's
 * executors) and reported by this one. Every quantity is written under its name, so the bytes do
 * not depend on the order of an enum or a class's fields; the energy model is not written but
 * taken again from the program when read, as the engine took it. Spike trains are not carried: a
 * run that keeps them (a raster) runs its sample where it reports.
 */
public final class SampleResultCodec
{
    /** 2: the host's input MACs are a tick column like any counted event. */
    private static final int FORMAT = 2;

    private SampleResultCodec()
    {
    }

    /** @return the result's bytes (without its spike trains). */
    public static byte[] encode(final SampleResult r)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            out.writeInt(FORMAT);
            writeInts(out, r.counts);
            out.writeInt(r.accumulators == null ? -1 : r.accumulators.length);
            if (r.accumulators != null)
            {
                for (final long[] a : r.accumulators)
                {
                    writeLongs(out, a);
                }
            }
            out.writeLong(r.saturations);
            writeLongs(out, r.populationSops);
            out.writeLong(r.inputMacs);
            writeLongs(out, r.routerLinkLoads);
            out.writeInt(GroupSums.columns().size());
            for (final CountedEvent e : GroupSums.columns())
            {
                out.writeUTF(e.key);
                writeLongs(out, r.perGroup.of(e));
            }
            final TickLog log = r.ticks;
            final List<CountedEvent> columns = EventRegistry.storedPerTick();
            out.writeInt(columns.size());
            for (final CountedEvent e : columns)
            {
                out.writeUTF(e.key);
                out.writeInt(log.ticks());
                for (int t = 0; t < log.ticks(); t++)
                {
                    out.writeLong(log.get(t, e));
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @return the result {@link #encode} wrote, its ticks priced by the program's energy model. */
    public static SampleResult decode(final byte[] bytes, final ChipProgram program)
    {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes)))
        {
            final int format = in.readInt();
            if (format != FORMAT)
            {
                throw new IllegalArgumentException("a sample result of format " + format + "; this csdsim reads " + FORMAT
                    + " (run the same csdsim on the driver and the executors)");
            }
            final int[][] counts = readInts(in);
            final int accumulatorRows = in.readInt();
            long[][] accumulators = null;
            if (accumulatorRows >= 0)
            {
                accumulators = new long[accumulatorRows][];
                for (int p = 0; p < accumulatorRows; p++)
                {
                    accumulators[p] = readLongs(in);
                }
            }
            final long saturations = in.readLong();
            final long[] populationSops = readLongs(in);
            final long inputMacs = in.readLong();
            final long[] links = readLongs(in);
            final GroupSums perGroup = new GroupSums(program.groups().size());
            final int groupColumns = in.readInt();
            for (int k = 0; k < groupColumns; k++)
            {
                final String name = in.readUTF();
                final long[] values = readLongs(in);
                final CountedEvent e = EventRegistry.STANDARD.byKey(name);
                final long[] into = e == null || !e.perCore ? null : perGroup.of(e);
                if (into == null || values == null || values.length != into.length)
                {
                    throw new IllegalArgumentException("a sample result's per-core '" + name + "' does not fit this program");
                }
                System.arraycopy(values, 0, into, 0, into.length);
            }
            final TickLog log = new TickLog(EnergyModel.of(program.spec), program.occupiedCores());
            final Map<String, long[]> columns = new LinkedHashMap<>();
            final int columnCount = in.readInt();
            int ticks = 0;
            for (int k = 0; k < columnCount; k++)
            {
                final String name = in.readUTF();
                ticks = in.readInt();
                final long[] v = new long[ticks];
                for (int t = 0; t < ticks; t++)
                {
                    v[t] = in.readLong();
                }
                columns.put(name, v);
            }
            for (int t = 0; t < ticks; t++)
            {
                final int tick = t;
                log.add(e -> column(columns, e, tick));
            }
            return new SampleResult(new SampleResult.Populations(counts, accumulators, populationSops, null), saturations, inputMacs, log, perGroup, links);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static long column(final Map<String, long[]> columns, final CountedEvent e, final int tick)
    {
        final long[] v = columns.get(e.key);
        if (v == null)
        {
            throw new IllegalArgumentException("a sample result without the tick column '" + e.key + "'");
        }
        return v[tick];
    }

    private static void writeInts(final DataOutputStream out, final int[][] v) throws IOException
    {
        out.writeInt(v.length);
        for (final int[] row : v)
        {
            out.writeInt(row == null ? -1 : row.length);
            if (row != null)
            {
                for (final int x : row)
                {
                    out.writeInt(x);
                }
            }
        }
    }

    private static int[][] readInts(final DataInputStream in) throws IOException
    {
        final int[][] v = new int[in.readInt()][];
        for (int i = 0; i < v.length; i++)
        {
            final int n = in.readInt();
            if (n >= 0)
            {
                v[i] = new int[n];
                for (int k = 0; k < n; k++)
                {
                    v[i][k] = in.readInt();
                }
            }
        }
        return v;
    }

    private static void writeLongs(final DataOutputStream out, final long[] v) throws IOException
    {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null)
        {
            for (final long x : v)
            {
                out.writeLong(x);
            }
        }
    }

    private static long[] readLongs(final DataInputStream in) throws IOException
    {
        final int n = in.readInt();
        if (n < 0)
        {
            return null;
        }
        final long[] v = new long[n];
        for (int k = 0; k < n; k++)
        {
            v[k] = in.readLong();
        }
        return v;
    }
}
