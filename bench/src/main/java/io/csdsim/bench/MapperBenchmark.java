package io.csdsim.bench;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The mapper on CSDformer-8-512 (ImageNet) for Loihi 2 with 8,192 TDEC units per core: partition,
 * placement with refinement, routes. One compile is tens of seconds, so each measurement is one shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class MapperBenchmark
{
    private IntNetwork net;

    @Setup
    public void setUp()
    {
        net = IntQuantizer.quantize(ZooModels.create(CsdformerConfig.of("8-512", "imagenet", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 1,
            null), QuantizationParams.DEFAULT);
    }

    @Benchmark
    public ChipProgram compile8x512()
    {
        return Mapper.compile(net, ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192"), MapperOptions.DEFAULT).program();
    }
}
