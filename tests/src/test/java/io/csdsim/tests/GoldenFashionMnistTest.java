package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.QuantizedReference;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariant 3 of DESIGN §4 on the shipped trained model: the golden files that the PyTorch exporter
 * wrote with its own implementation of the integer rule (scripts/train/int_rule.py) — every
 * population's spike total and the integer logits of the 1,000 shipped images, every neuron's count
 * of the first few — equal what QuantizedReference and the chip simulation compute here.
 */
class GoldenFashionMnistTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home"));
    private static JsonNode golden;
    private static ModelGraph graph;
    private static IntNetwork net;
    private static ImageSet images;
    private static byte[] fullCounts;

    @BeforeAll
    static void load() throws IOException
    {
        final Path data = HOME.resolve("data");
        golden = new ObjectMapper().readTree(data.resolve("golden/fashion-mnist-golden.json").toFile());
        graph = ModelFileReader.read(data.resolve(golden.get("model").asText()));
        net = IntQuantizer.quantize(graph, QuantizationParams.DEFAULT);
        images = InputLoader.load(data.resolve(golden.get("images").asText()), graph.input)
            .withLabels(IdxReader.readLabels(data.resolve(golden.get("images").asText().replace("images-idx3", "labels-idx1"))));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve(golden.get("fullCounts").asText()))))
        {
            fullCounts = in.readAllBytes();
        }
    }

    /** The shipped model on Loihi 2 with the TDEC units it needs, its residual stream mapped as asked. */
    private static ChipProgram program(final MapperOptions.Residual residual)
    {
        final Mapper.Result r = Mapper.compile(net, ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192"),
            MapperOptions.DEFAULT.withResidual(residual));
        assertTrue(r.report().residual().startsWith(residual.label), r.report().residual());
        return r.program();
    }

    private static long[] longs(final JsonNode array)
    {
        final long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = array.get(i).asLong();
        }
        return v;
    }

    private static int population(final String name)
    {
        for (int id = 0; id < net.populationCount(); id++)
        {
            if (net.population(id).name.equals(name))
            {
                return id;
            }
        }
        throw new AssertionError("no population " + name);
    }

    /** The golden count of neuron n of the golden population at index k, for full-count image i. */
    private static int goldenCount(final int image, final int k, final int n)
    {
        final JsonNode sizes = golden.get("sizes");
        long offset = 0;
        long perImage = 0;
        for (int j = 0; j < sizes.size(); j++)
        {
            perImage += sizes.get(j).asLong();
            offset += j < k ? sizes.get(j).asLong() : 0;
        }
        return fullCounts[(int)(image * perImage + offset + n)];
    }

    @Test
    void quantizedReferenceMatchesTheExportersTotalsLogitsAndAccuracyOnEveryShippedImage()
    {
        final QuantizedReference qr = new QuantizedReference(net);
        final JsonNode pops = golden.get("populations");
        assertEquals(images.count(), golden.get("logits").size());
        int correct = 0;
        for (int i = 0; i < images.count(); i++)
        {
            final ExecutionResult r = qr.run(net.encode(images.pixels()[i]));
            assertArrayEquals(longs(golden.get("logits").get(i)), r.logits(), "logits of image " + i);
            final long[] totals = longs(golden.get("totals").get(i));
            for (int k = 0; k < pops.size(); k++)
            {
                assertEquals(totals[k], r.totalSpikes(population(pops.get(k).asText())), "image " + i + " " + pops.get(k).asText());
            }
            assertEquals(golden.get("predicted").get(i).asInt(), r.predictedClass(), "class of image " + i);
            correct += r.predictedClass() == images.labels()[i] ? 1 : 0;
        }
        assertEquals(golden.get("accuracy").get("integer").asDouble(), (double)correct / images.count(), 1e-12);
        assertTrue(correct > 0.8 * images.count(), "a trained model: " + correct + " of " + images.count());
    }

    @Test
    void quantizedReferenceMatchesEveryNeuronsGoldenCount()
    {
        final QuantizedReference qr = new QuantizedReference(net);
        final JsonNode pops = golden.get("populations");
        for (int i = 0; i < golden.get("fullCountImages").asInt(); i++)
        {
            final ExecutionResult r = qr.run(net.encode(images.pixels()[i]));
            for (int k = 0; k < pops.size(); k++)
            {
                final int[] counts = r.counts()[population(pops.get(k).asText())];
                for (int n = 0; n < counts.length; n++)
                {
                    assertEquals(goldenCount(i, k, n), counts[n], "image " + i + " " + pops.get(k).asText() + "[" + n + "]");
                }
            }
        }
    }

    @Test
    void theChipSimulationMatchesTheGoldenCountsAndLogitsOnEveryShippedImage()
    {
        matchesTheGoldenCountsAndLogits(program(MapperOptions.Residual.FAN_IN));
    }

    /** Summing the residual stream in accumulators forwarded by graded spikes changes no count and no logit. */
    @Test
    void withTheResidualStreamAccumulatedTheChipStillMatchesEveryGoldenCountAndLogit()
    {
        final ChipProgram program = program(MapperOptions.Residual.ACCUMULATE);
        assertTrue(program.populations().stream().filter(p -> p.neuron() != null && p.neuron().model().equals("accumulator")).count() >= 3,
            "the two blocks' residual readers read accumulators");
        matchesTheGoldenCountsAndLogits(program);
    }

    private static void matchesTheGoldenCountsAndLogits(final ChipProgram program)
    {
        final ChipEngine engine = new ChipEngine(program);
        final JsonNode pops = golden.get("populations");
        final int[] pid = new int[pops.size()];
        for (int k = 0; k < pid.length; k++)
        {
            final String name = pops.get(k).asText();
            pid[k] = program.populations().stream().filter(p -> p.name().equals(name)).mapToInt(ProgramPopulation::id).findFirst()
                .orElseThrow();
        }
        final List<SampleResult> results = Simulation.run(engine, images.pixels(), 2, null);
        for (int i = 0; i < images.count(); i++)
        {
            final SampleResult r = results.get(i);
            assertArrayEquals(longs(golden.get("logits").get(i)), io.csdsim.simulator.readout.HostReadout.logits(program, r), "chip logits of image " + i);
            final long[] totals = longs(golden.get("totals").get(i));
            for (int k = 0; k < pid.length; k++)
            {
                final int[] counts = r.counts[pid[k]];
                long total = 0;
                for (int n = 0; n < counts.length; n++)
                {
                    total += counts[n];
                    if (i < golden.get("fullCountImages").asInt())
                    {
                        assertEquals(goldenCount(i, k, n), counts[n], "chip, image " + i + " " + pops.get(k).asText() + "[" + n + "]");
                    }
                }
                assertEquals(totals[k], total, "chip, image " + i + " " + pops.get(k).asText());
            }
        }
    }

    /**
     * SOPs are counted, not estimated: on the full-count images, each population's SOPs on the chip
     * equal, over its table projections, every source neuron's golden spike count times its synapses —
     * counted here from the kernel's shape (3×3, stride 1, pad 1: the in-bounds neighbours times the
     * output features; token-wise linear: the output features).
     */
    @Test
    void theChipCountsOneSynapticOperationPerGoldenSpikeAndSynapse()
    {
        // Fan-in: every reader holds its writers' tables, so its SOPs follow from their sources' golden spikes.
        final ChipProgram program = program(MapperOptions.Residual.FAN_IN);
        final ChipEngine engine = new ChipEngine(program);
        final JsonNode pops = golden.get("populations");
        int checked = 0;
        for (int i = 0; i < golden.get("fullCountImages").asInt(); i++)
        {
            final SampleResult r = engine.run(net.encode(images.pixels()[i]), false);
            for (int id = 0; id < net.populationCount(); id++)
            {
                final IntPopulation target = net.population(id);
                long expected = 0;
                boolean fromSpikes = false;
                for (final int pj : target.inputs)
                {
                    final Projection pr = net.projection(pj);
                    final int k = indexOf(pops, net.population(pr.sourceA).name);
                    if (k < 0 || (pr.kind != Projection.Kind.CONV3X3 && pr.kind != Projection.Kind.LINEAR))
                    {
                        continue;
                    }
                    fromSpikes = true;
                    final int size = net.population(pr.sourceA).size;
                    for (int s = 0; s < size; s++)
                    {
                        expected += (long)goldenCount(i, k, s) * synapsesOf(pr, s);
                    }
                }
                if (!fromSpikes)
                {
                    continue;
                }
                // The readout's input currents accumulate on the chip in its ".acc" population.
                final String onChip = target.kind == IntPopulation.Kind.READOUT ? target.name + ".acc" : target.name;
                final int pid = program.populations().stream().filter(p -> p.name().equals(onChip)).mapToInt(ProgramPopulation::id)
                    .findFirst().orElseThrow();
                assertEquals(expected, r.populationSops[pid], "SOPs of " + target.name + ", image " + i);
                checked++;
            }
        }
        assertTrue(checked >= 8 * 10, "populations checked: " + checked);
    }

    private static int indexOf(final JsonNode names, final String name)
    {
        for (int k = 0; k < names.size(); k++)
        {
            if (names.get(k).asText().equals(name))
            {
                return k;
            }
        }
        return -1;
    }

    /** Synapses of source unit s of a table projection, counted from the kernel's shape. */
    private static long synapsesOf(final Projection pr, final int s)
    {
        if (pr.kind == Projection.Kind.LINEAR)
        {
            return pr.outFeatures;
        }
        final int pix = s / pr.inFeatures;
        final int y = pix / pr.width;
        final int x = pix % pr.width;
        long n = 0;
        for (int yo = y - 1; yo <= y + 1; yo++)
        {
            for (int xo = x - 1; xo <= x + 1; xo++)
            {
                n += yo >= 0 && yo < pr.height && xo >= 0 && xo < pr.width ? 1 : 0;
            }
        }
        return n * pr.outFeatures;
    }
}
