package io.csdsim.bench;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;
import io.csdsim.models.quant.SparseSynapses;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickLog;
import io.csdsim.simulator.engine.TickWorkers;
import io.csdsim.simulator.event.CountedEvents;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The whole engine, warm, on a small recurrent network of the shape bench/peer/make_networks.py gives
 * SANA-FE (the side-by-side's cheapest net per tick): 200 spike sources at 10 % → 12 sparse synapses
 * each → 300 integrate-and-fire neurons with a bias and 8 recurrent synapses each → 20 dense outputs,
 * SANA-FE's LIF semantics (v &gt; θ, hard reset), compiled by csdsim's mapper for {@code loihi-sanafe}
 * and run one thread, {@value #TICKS} ticks a sample. The score is samples per second; the
 * {@code ticks} counter is ticks per second, the figure to set beside SANA-FE's time per tick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class RecurrentNetBenchmark
{
    static final int TICKS = 10_000;
    private static final int SOURCES = 200;
    private static final int RECURRENT = 300;
    private static final int OUTPUTS = 20;

    private ChipEngine engine;
    private int[][] trains;
    private TickWorkers workers;

    /** Ticks simulated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters
    {
        public long ticks;
    }

    /** The network, seeded: its connectivity and weights drawn as make_networks.py draws the recurrent net's. */
    static IntNetwork network(final long seed)
    {
        final Random rnd = new Random(seed);
        final IntPopulation in = new IntPopulation(0, "in", IntPopulation.Kind.NEURONS, new int[] {1, SOURCES});
        in.neuronModel = "spike-source";
        final IntPopulation rec = new IntPopulation(1, "rec", IntPopulation.Kind.NEURONS, new int[] {1, RECURRENT});
        rec.neuronModel = "if";
        rec.neuronParameters.putAll(Map.of("theta", "18", "compare", "gt", "reset", "hard", "bias", "1", "active", "nonzero"));
        final IntPopulation out = new IntPopulation(2, "out", IntPopulation.Kind.NEURONS, new int[] {1, OUTPUTS});
        out.neuronModel = "if";
        out.neuronParameters.putAll(Map.of("theta", "50", "compare", "gt", "reset", "hard", "active", "nonzero"));
        final List<Projection> projections = new ArrayList<>();
        final SparseSynapses feed = new SparseSynapses(SOURCES, RECURRENT);
        for (int s = 0; s < SOURCES; s++)
        {
            for (int k = 0; k < 12; k++)
            {
                feed.add(s, rnd.nextInt(RECURRENT), 1 + rnd.nextInt(6), 1);
            }
        }
        final List<Projection> fed = feed.projections(0, "in-rec", 0);
        projections.addAll(fed);
        final SparseSynapses loop = new SparseSynapses(RECURRENT, RECURRENT);
        for (int s = 0; s < RECURRENT; s++)
        {
            for (int k = 0; k < 8; k++)
            {
                loop.add(s, rnd.nextInt(RECURRENT), rnd.nextInt(11) - 6, 1);
            }
        }
        final List<Projection> looped = loop.projections(projections.size(), "rec-rec", 1);
        projections.addAll(looped);
        final short[] w = new short[RECURRENT * OUTPUTS];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (short)(rnd.nextInt(7) - 2);
        }
        final int dense = projections.size();
        projections.add(new Projection(dense, "rec-out", Projection.Kind.LINEAR, 1, -1, 1, 1, RECURRENT, OUTPUTS, w, OUTPUTS, 1.0));
        rec.inputs = java.util.stream.IntStream.range(0, dense).toArray();
        rec.inputShifts = new int[rec.inputs.length];
        out.inputs = new int[] {dense};
        out.inputShifts = new int[] {0};
        return new IntNetwork("recurrent", TICKS, 1, 8, 24, null, List.of(in, rec, out), projections);
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        final ChipProgram program = Mapper.compile(network(1), ChipSpecs.preset("loihi-sanafe"), MapperOptions.DEFAULT).program();
        engine = new ChipEngine(program);
        trains = SpikeTrainSet.bernoulli(1, TICKS, SOURCES, 0.1, 1).sample(0);
        workers = new TickWorkers(1);
        // The comparison means something only if the recurrent layer is busy: about a quarter of it fires a tick.
        final SampleResult r = engine.runSpikes(trains, false, workers, null);
        final long spikes = r.ticks.total(CountedEvents.SPIKES);
        if (spikes < (long)TICKS * RECURRENT / 10)
        {
            throw new IllegalStateException("the recurrent net is too quiet to measure: " + spikes + " spikes in " + TICKS + " ticks");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        workers.close();
    }

    @Benchmark
    public SampleResult oneSample(final Counters counters)
    {
        final SampleResult r = engine.runSpikes(trains, false, workers, null);
        counters.ticks += r.ticks.ticks();
        return r;
    }
}
