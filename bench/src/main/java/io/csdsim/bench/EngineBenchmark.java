package io.csdsim.bench;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The whole engine — integration, neuron updates, the network-on-chip with contention — on one
 * image of the CSDformer-4-384 CIFAR-10 zoo model compiled for Loihi 2 with 8,192 TDEC units per
 * core, with 1 and 2 threads splitting each tick's cores. The score is samples per second; the
 * {@code sops} counter is synaptic operations per second (the engine's SOP rate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class EngineBenchmark
{
    @Param({"1", "2"})
    public int threads;

    private ChipEngine engine;
    private int[] input;
    private TickWorkers workers;
    private long sopsPerSample;

    /** Synaptic operations done, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters
    {
        public long sops;
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        final ModelGraph g = ZooModels.create(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 2, null);
        final IntNetwork net = IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
        final ChipProgram program = Mapper.compile(net, ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192"),
            MapperOptions.DEFAULT).program();
        engine = new ChipEngine(program);
        final ProgramPopulation in = program.populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.INPUT).findFirst()
            .orElseThrow();
        input = Simulation.encode(in, SyntheticImages.generate(net.input, 1, 11)[0]);
        workers = new TickWorkers(threads);
        sopsPerSample = engine.run(input, false, workers).ticks.total(CountedEvents.SOPS);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        workers.close();
    }

    @Benchmark
    public SampleResult oneSample(final Counters counters)
    {
        final SampleResult r = engine.run(input, false, workers);
        counters.sops += sopsPerSample;
        return r;
    }
}
