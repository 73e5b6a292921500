package io.csdsim.tests.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.isa.spec.sanafe.SanafeArchitecture;
import io.csdsim.isa.spec.sanafe.SanafeArchitectureReader;
import io.csdsim.mapper.GivenPlacement;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.input.NpyReader;
import io.csdsim.models.nir.NirFileReader;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.safetensors.SafetensorsFile;
import io.csdsim.models.safetensors.TensorInfo;
import io.csdsim.models.sanafe.SanafeCores;
import io.csdsim.models.sanafe.SanafeNetwork;
import io.csdsim.models.sanafe.SanafeNetworkReader;
import io.csdsim.simulator.engine.ChipEngine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Coverage-guided fuzz targets for every parser of user input (issue 13, item 8). The contract each
 * checks: any input gives a result or the one-line bad-input error ({@link InvalidInputException},
 * {@link ChipInputException}) — never another exception, a hang or running out of memory. Jazzer
 * reports any other throwable as a finding.
 *
 * <p>In a plain test run (CI) each target replays its saved inputs under
 * {@code src/test/resources/io/csdsim/tests/fuzz/ParserFuzzTestInputs/<target>/}: the corpus the
 * fuzzer grew and every crash it ever found. {@code bench/fuzz TARGET SECONDS} fuzzes one target.
 */
class ParserFuzzTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home", "."));
    /** A real weights file for the model targets, so that fuzzed graphs reach the tensor checks and quantization. */
    private static final SafetensorsFile WEIGHTS = SafetensorsFile.open(HOME.resolve("data/models/synthetic-2-64.safetensors"));
    private static final ChipSpec LOIHI2 = ChipSpecs.preset("loihi2");
    /** A small SANA-FE architecture for the SNN target: 2 x 2 tiles of 2 cores, an input and a LIF soma unit. */
    private static final SanafeArchitecture SANAFE_ARCH = SanafeArchitectureReader.parse("arch.yaml", String.join("\n",
        "architecture:", "  name: a", "  attributes: {width: 2, height: 2, link_buffer_size: 4}", "  tile:", "    - name: t[0..3]",
        "      attributes: {energy_north_hop: 1e-12, latency_north_hop: 1e-9, energy_east_hop: 1e-12, latency_east_hop: 1e-9,",
        "                   energy_south_hop: 1e-12, latency_south_hop: 1e-9, energy_west_hop: 1e-12, latency_west_hop: 1e-9}",
        "      core:", "        - name: c[0..1]", "          attributes: {max_neurons_supported: 64}",
        "          axon_in: [{name: i, attributes: {energy_message_in: 0, latency_message_in: 1e-9}}]",
        "          synapse: [{name: s, attributes: {model: current_based, energy_process_spike: 1e-12, latency_process_spike: 1e-9}}]",
        "          dendrite: [{name: d, attributes: {model: accumulator}}]",
        "          soma: [{name: lif, attributes: {model: leaky_integrate_fire}}, {name: 'in[0..63]', attributes: {model: input}}]",
        "          axon_out: [{name: o, attributes: {energy_message_out: 1e-12, latency_message_out: 1e-9}}]", "")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final SanafeCores SANAFE_CORES = new SanafeCores(SANAFE_ARCH.somaModels(), SANAFE_ARCH.tiles(), SANAFE_ARCH.coresPerTile(),
        SANAFE_ARCH::core, 62);
    private static final ChipSpec SMALL_CORES = ChipSpecs.override(ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons=16"),
        "core.tdecUnits=64");

    /** Runs a parse; the two one-line error types are expected outcomes, anything else escapes to the fuzzer. */
    private static void expectResultOrOneLineError(final Runnable parse)
    {
        try
        {
            parse.run();
        }
        catch (final InvalidInputException | ChipInputException e)
        {
            if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n"))
            {
                throw new AssertionError("not one line: '" + e.getMessage() + "'", e);
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void modelJson(final byte[] json)
    {
        expectResultOrOneLineError(() -> {
            final ModelGraph g = ModelFileReader.parse("m.json", json, name -> WEIGHTS);
            if (g.hasWeights())
            {
                IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
            }
        });
    }

    /** A network file; a network that reads and is small is compiled onto a small chip and built into an engine. */
    @FuzzTest(maxDuration = "30s")
    void networkJson(final byte[] json)
    {
        expectResultOrOneLineError(() -> {
            final IntNetwork net = NetworkFileReader.parse("n.json", json);
            long units = 0;
            long synapses = 0;
            for (int i = 0; i < net.populationCount(); i++)
            {
                units += net.population(i).size;
            }
            for (int k = 0; k < net.projectionCount(); k++)
            {
                synapses += net.projection(k).synapses();
            }
            if (units <= 4096 && synapses <= 1 << 20)
            {
                new ChipEngine(Mapper.compile(net, SMALL_CORES, MapperOptions.DEFAULT).program()).ticksPerSample();
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void safetensors(final byte[] file)
    {
        expectResultOrOneLineError(() -> {
            final SafetensorsFile st = SafetensorsFile.parse("w.safetensors", ByteBuffer.wrap(file));
            for (final String name : st.tensors().keySet())
            {
                final TensorInfo t = st.info(name);
                if (t.dtype() == io.csdsim.models.safetensors.Dtype.F32)
                {
                    st.floats(name);
                }
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void chipSpecJson(final byte[] json)
    {
        expectResultOrOneLineError(() -> ChipSpecs.read("chip.json", json));
    }

    @FuzzTest(maxDuration = "30s")
    void chipSetOverrides(final FuzzedDataProvider data)
    {
        expectResultOrOneLineError(() -> {
            ChipSpec s = LOIHI2;
            while (data.remainingBytes() > 0)
            {
                s = ChipSpecs.override(s, data.consumeString(64));
            }
        });
    }

    /**
     * A .csdx program. Every section's CRC is made right before reading, so that mutations reach the
     * checks behind the CRC instead of stopping at it; a program that reads is then built into an engine.
     */
    @FuzzTest(maxDuration = "30s")
    void csdxProgram(final byte[] file)
    {
        final byte[] fixed = withRightCrcs(file);
        expectResultOrOneLineError(() -> {
            final ChipProgram p = CsdxFormat.read("p.csdx", fixed);
            if ((long)p.chips * p.coresPerChip() <= 1 << 16)
            {
                new ChipEngine(p).ticksPerSample();
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void npyImages(final byte[] file)
    {
        expectResultOrOneLineError(() -> adapt(NpyReader.parse("x.npy", file)));
    }

    @FuzzTest(maxDuration = "30s")
    void idxImagesAndLabels(final byte[] file)
    {
        expectResultOrOneLineError(() -> adapt(IdxReader.images("x.idx", file)));
        expectResultOrOneLineError(() -> IdxReader.labels("y.idx", file));
    }

    @FuzzTest(maxDuration = "30s")
    void pngAndJpegImages(final byte[] file)
    {
        expectResultOrOneLineError(() -> adapt(InputLoader.image("x.png", file)));
    }

    /** A SANA-FE architecture file, read into a chip spec. */
    @FuzzTest(maxDuration = "30s")
    void sanafeArchitectureYaml(final byte[] yaml)
    {
        expectResultOrOneLineError(() -> SanafeArchitectureReader.parse("arch.yaml", yaml).forTilesInUse(3));
    }

    /** A SANA-FE SNN file against a small architecture; a network that reads is compiled with its mapping and built into an engine. */
    @FuzzTest(maxDuration = "30s")
    void sanafeNetworkYaml(final byte[] yaml)
    {
        expectResultOrOneLineError(() -> {
            final SanafeNetwork n = SanafeNetworkReader.parse("net.yaml", yaml, SANAFE_CORES, 0);
            long units = 0;
            for (int i = 0; i < n.network().populationCount(); i++)
            {
                units += n.network().population(i).size;
            }
            if (units <= 4096)
            {
                new ChipEngine(Mapper.compile(n.network(), SANAFE_ARCH.spec(), MapperOptions.DEFAULT.withGiven(new GivenPlacement("net.yaml",
                    n.coreOfUnit()))).program()).ticksPerSample();
            }
        });
    }

    /** A NIR graph (HDF5), read and imported; one that imports and is small is compiled onto a small chip. */
    @FuzzTest(maxDuration = "30s")
    void nirGraph(final byte[] file)
    {
        expectResultOrOneLineError(() -> {
            final NirImporter.Result nir = NirImporter.importGraph(NirFileReader.parse("g.nir", file), 1e-3, 20, 8, 24);
            long units = 0;
            for (int i = 0; i < nir.network().populationCount(); i++)
            {
                units += nir.network().population(i).size;
            }
            if (units <= 4096)
            {
                new ChipEngine(Mapper.compile(nir.network(), SMALL_CORES, MapperOptions.DEFAULT).program()).ticksPerSample();
            }
        });
    }

    /** The input path goes on to bring images to a model's input: resized to a small RGB model's. */
    private static void adapt(final ImageSet images)
    {
        InputLoader.adapt(images, new InputSpec(8, 8, 3, new double[] {0, 0, 0}, new double[] {1, 1, 1}));
    }

    /** @return the bytes with the CRC of every section that fits in the file set to its payload's. */
    static byte[] withRightCrcs(final byte[] file)
    {
        final byte[] out = file.clone();
        if (out.length < 8)
        {
            return out;
        }
        final ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        long at = 8;
        final int count = b.getShort(6) & 0xFFFF;
        for (int s = 0; s < count && at + 12 <= out.length; s++)
        {
            final long len = b.getInt((int)at + 4) & 0xFFFFFFFFL;
            if (at + 12 + len > out.length)
            {
                break;
            }
            final CRC32 crc = new CRC32();
            crc.update(out, (int)at + 12, (int)len);
            b.putInt((int)at + 8, (int)crc.getValue());
            at += 12 + len;
        }
        return out;
    }
}
