package io.csdsim.bench;

import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.format.ModelFileWriter;
import io.csdsim.models.graph.ModelGraph;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loading a model file — JSON graph, safetensors weights (36 MB for 4-384), validation — and turning
 * it into the integer network: what every command pays before its work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelLoadBenchmark
{
    private Path dir;
    private Path json;

    @Setup
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("csdsim-bench");
        json = dir.resolve("m4384.json");
        ModelFileWriter.write(ZooModels.create(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 1, null), json);
    }

    @TearDown
    public void tearDown() throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public ModelGraph read4x384()
    {
        return ModelFileReader.read(json);
    }

    @Benchmark
    public IntNetwork readAndQuantize4x384()
    {
        return IntQuantizer.quantize(ModelFileReader.read(json), QuantizationParams.DEFAULT);
    }
}
