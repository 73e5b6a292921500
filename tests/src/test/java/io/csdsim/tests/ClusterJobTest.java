package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.simulator.cluster.ClusterJob;
import io.csdsim.simulator.cluster.ClusterTask;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.SampleResultCodec;
import io.csdsim.simulator.engine.Simulation;
import io.csdsim.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster job without a cluster: the job serialized and read back as a framework ships it, its
 * tasks run in an order of their own, the results decoded with the driver's program — the report is
 * the local run's, byte for byte.
 */
class ClusterJobTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home"));

    private static String report(final ChipProgram program, final List<SampleResult> results) throws Exception
    {
        final SimulationReport r = new SimulationReport(program, results, null);
        final StringWriter w = new StringWriter();
        r.writeJson(w);
        return w + r.ticksCsv();
    }

    @Test
    void aShippedJobsTasksInAnyOrderGiveTheLocalRunsReport() throws Exception
    {
        final Path data = HOME.resolve("data");
        final JsonNode golden = new ObjectMapper().readTree(data.resolve("golden/fashion-mnist-golden.json").toFile());
        final ModelGraph graph = ModelFileReader.read(data.resolve(golden.get("model").asText()));
        final ChipProgram program = Mapper.compile(IntQuantizer.quantize(graph, QuantizationParams.DEFAULT),
            ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192"), MapperOptions.DEFAULT).program();
        final ImageSet images = InputLoader.load(data.resolve(golden.get("images").asText()), graph.input);
        final int[][] pixels = Arrays.copyOf(images.pixels(), 3);
        final ChipEngine engine = new ChipEngine(program);
        engine.recordLinkLoads();
        final List<SampleResult> local = Simulation.run(engine, pixels, 1, null);

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes))
        {
            out.writeObject(new ClusterJob(List.of(program), true, pixels, null));
        }
        final ClusterJob shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())))
        {
            shipped = (ClusterJob)in.readObject();
        }
        assertEquals(3, shipped.samples());
        // Task 1 runs samples 2 then 0; task 2 sample 1: the merge puts them back in sample order.
        final byte[][] first = shipped.run(new ClusterTask(0, new int[] {2, 0}));
        final byte[][] second = shipped.run(new ClusterTask(0, new int[] {1}));
        final List<SampleResult> merged = new ArrayList<>(List.of(SampleResultCodec.decode(first[1], program),
            SampleResultCodec.decode(second[0], program), SampleResultCodec.decode(first[0], program)));
        for (int i = 0; i < 3; i++)
        {
            assertArrayEquals(local.get(i).routerLinkLoads, merged.get(i).routerLinkLoads, "link loads of sample " + i);
            assertTrue(Arrays.stream(local.get(i).routerLinkLoads).sum() > 0);
            for (int p = 0; p < local.get(i).counts.length; p++)
            {
                assertArrayEquals(local.get(i).counts[p], merged.get(i).counts[p], "counts of population " + p + ", sample " + i);
            }
        }
        assertEquals(report(program, local), report(program, merged));
    }

    @Test
    void bytesOfAnotherFormatAreRefusedWithTheReason()
    {
        final byte[] wrong = {0, 0, 0, 9};
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleResultCodec.decode(wrong, null));
        assertTrue(e.getMessage().contains("format 9"), e.getMessage());
    }
}
