package io.csdsim.bench;

import io.csdsim.isa.program.SynapseTable;
import io.csdsim.simulator.engine.EngineTables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The engine's synaptic-integration kernel in synaptic operations per second (the score: one JMH
 * operation is one SOP), beside the primitive loop {@code acc[i] += w[i]} over as many elements:
 * the most this machine does for this work per thread. The tables are CSDformer-4-384's: a dense
 * 384→384 projection over 64 tokens and a 3×3 conv 384→384 on 8×8. The spikes are one in ten
 * channels of every token, in order, as a tick delivers them, each worth a power of two as a
 * spike's unit is.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SynapticKernelBenchmark
{
    static final int FEATURES = 384;
    static final int SIDE = 8;
    /** Channels 0, 10, ..., 380 of each of the 64 tokens. */
    static final int SPIKES_PER_TOKEN = 39;
    static final int SPIKES = SIDE * SIDE * SPIKES_PER_TOKEN;
    /** Dense: a spike reaches its token's 384 outputs. */
    static final int DENSE_SOPS = SPIKES * FEATURES;
    /** 3×3 conv on 8×8: Σ over pixels of the taps inside the map = 36·9 + 24·6 + 4·4 = 484 rows per channel. */
    static final int CONV_SOPS = 484 * SPIKES_PER_TOKEN * FEATURES;

    private SynapseTable dense;
    private SynapseTable conv;
    private int[] spikes;
    private long[] out;
    private short[] w;
    private long[] acc;

    @Setup
    public void setUp()
    {
        final SplittableRandom r = new SplittableRandom(1);
        dense = new SynapseTable(0, SynapseTable.Kind.DENSE, SIDE * SIDE, 1, FEATURES, FEATURES, random(r, FEATURES * FEATURES));
        conv = new SynapseTable(1, SynapseTable.Kind.CONV3X3, SIDE, SIDE, FEATURES, FEATURES, random(r, 9 * FEATURES * FEATURES));
        spikes = new int[SPIKES];
        int k = 0;
        for (int token = 0; token < SIDE * SIDE; token++)
        {
            for (int c = 0; c < FEATURES; c += 10)
            {
                spikes[k++] = token * FEATURES + c;
            }
        }
        out = new long[SIDE * SIDE * FEATURES];
        w = random(r, out.length);
        acc = new long[out.length];
    }

    private static short[] random(final SplittableRandom r, final int n)
    {
        final short[] m = new short[n];
        for (int i = 0; i < n; i++)
        {
            m[i] = (short)(r.nextInt(255) - 127);
        }
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(DENSE_SOPS)
    public long[] kernelDense()
    {
        for (final int s : spikes)
        {
            EngineTables.scatter(dense, s, 4, out, 0, out.length);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(CONV_SOPS)
    public long[] kernelConv()
    {
        for (final int s : spikes)
        {
            EngineTables.scatter(conv, s, 4, out, 0, out.length);
        }
        return out;
    }

    static final int PASSES = 40;

    /**
     * The machine's limit for this work: one accumulate per element, nothing to index, over arrays
     * the size of the kernel's output (cache-resident, as the kernel's are).
     */
    @Benchmark
    @OperationsPerInvocation(PASSES * SIDE * SIDE * FEATURES)
    public long[] primitiveLoop()
    {
        final long[] a = acc;
        final short[] ww = w;
        for (int p = 0; p < PASSES; p++)
        {
            for (int i = 0; i < a.length; i++)
            {
                a[i] += ww[i];
            }
        }
        return a;
    }
}
