package io.csdsim.cli;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.sanafe.SanafeArchitecture;
import io.csdsim.library.NetworkSource;
import io.csdsim.library.NetworkSources;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.nir.NirFileReader;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.sanafe.SanafeCores;
import io.csdsim.models.sanafe.SanafeNetwork;
import io.csdsim.models.sanafe.SanafeNetworkReader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/** The model a command works on, and the widths of the integer network made from it. */
final class ModelOptions
{
    /** Where the shipped default model lives, under the installation root. */
    static final String DEFAULT_MODEL = "data/models/fashion-mnist.json";

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.json",
        description = "Model file (its weights beside it), or a network file of any SNN (docs/network-file.md). Default: the shipped "
            + DEFAULT_MODEL + ".")
    Path model;

    @Option(names = "--weight-bits", defaultValue = "8", description = "Signed weight mantissa bits of the integer network (default: ${DEFAULT-VALUE}).")
    int weightBits;

    @Option(names = "--membrane-bits", defaultValue = "24", description = "Saturating membrane bits (default: ${DEFAULT-VALUE}).")
    int membraneBits;

    @Option(names = "-D", paramLabel = "D", description = "Run with this DIF delay instead of the model's.")
    Integer delay;

    @Option(names = "--timesteps", paramLabel = "N", description = {"Ticks to run a SANA-FE network (its command line's N_TICKS; default:",
        "its longest input train) or a NIR graph (default: " + ModelOptions.NIR_TICKS + ")."})
    Integer timesteps;

    /** Ticks a NIR graph runs when --timesteps does not say. */
    static final int NIR_TICKS = 100;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "1e-3", description = {"Time step with which a NIR graph's continuous-time",
        "neurons are discretised (docs/nir.md; default: ${DEFAULT-VALUE} s)."})
    double dt;

    private NetworkSource source;

    /** @return the model file's format, judged by its content once (NetworkSources). */
    NetworkSource source()
    {
        if (source == null)
        {
            source = NetworkSources.of(path());
        }
        return source;
    }

    /** @return whether the model is a NIR graph (an HDF5 file, whatever its name). */
    boolean isNir()
    {
        return source() == NetworkSources.NIR;
    }

    /** @return the NIR graph as csdsim's integer network, with the widths of --weight-bits and --membrane-bits. */
    NirImporter.Result nir(final java.util.function.Predicate<String> given)
    {
        if (given.test("-D"))
        {
            throw new InvalidInputException("-D", "", "a NIR graph has no DIF delay; -D applies to model files");
        }
        final int ticks = timesteps == null ? NIR_TICKS : timesteps;
        if (ticks < 1 || ticks > InputLimits.MAX_RUN_TICKS)
        {
            throw new InvalidInputException("--timesteps", "", ticks + "; expected 1.." + InputLimits.MAX_RUN_TICKS);
        }
        final QuantizationParams q = params();
        return NirImporter.importGraph(nirGraph(), dt, ticks, q.weightBits(), q.membraneBits());
    }

    private io.csdsim.models.nir.NirGraph nirGraph;

    /** @return the NIR graph, read once. */
    io.csdsim.models.nir.NirGraph nirGraph()
    {
        if (nirGraph == null)
        {
            nirGraph = NirFileReader.read(path());
        }
        return nirGraph;
    }

    /** @return whether the model is a SANA-FE SNN file (docs/sanafe.md): YAML, whatever its name. */
    boolean isSanafeNetwork()
    {
        return source() == NetworkSources.SANAFE_SNN;
    }

    /** @return the SANA-FE network read against its architecture, refusing the options that do not apply to it. */
    SanafeNetwork sanafe(final SanafeArchitecture arch, final java.util.function.Predicate<String> given)
    {
        if (arch == null)
        {
            throw new InvalidInputException("--chip", "", "a SANA-FE SNN file names its architecture's units and cores: give --chip ARCH.yaml "
                + "(SANA-FE's architecture file)");
        }
        for (final String o : new String[] {"-D", "--weight-bits", "--membrane-bits"})
        {
            if (given.test(o))
            {
                throw new InvalidInputException(o, "", "a SANA-FE network gives its own widths and delays; " + o + " applies to model files");
            }
        }
        if (timesteps != null && (timesteps < 1 || timesteps > InputLimits.MAX_RUN_TICKS))
        {
            throw new InvalidInputException("--timesteps", "", timesteps + "; expected 1.." + InputLimits.MAX_RUN_TICKS);
        }
        return SanafeNetworkReader.read(path(), cores(arch), timesteps == null ? 0 : timesteps);
    }

    /** @return what an SNN file needs of its architecture. */
    static SanafeCores cores(final SanafeArchitecture arch)
    {
        return new SanafeCores(arch.somaModels(), arch.tiles(), arch.coresPerTile(), arch::core, arch.spec().getInt(ChipField.CORE_MEMBRANE_BITS));
    }

    Path path()
    {
        if (model != null)
        {
            return model;
        }
        final Path p = CsdsimCommand.home().resolve(DEFAULT_MODEL);
        if (!Files.exists(p))
        {
            throw new InvalidInputException(p.toString(), "", "the shipped default model is missing; run scripts/train-fashion-mnist.sh or name a model file");
        }
        return p;
    }

    ModelGraph load()
    {
        if (delay != null)
        {
            InputLimits.checkDelay("-D", "", delay);
        }
        final ModelGraph g = ModelFileReader.read(path());
        return delay != null ? g.withDelay(delay) : g;
    }

    QuantizationParams params()
    {
        if (weightBits < 2 || weightBits > 16)
        {
            throw new InvalidInputException("--weight-bits", "", weightBits + "; expected 2..16");
        }
        if (membraneBits < 8 || membraneBits > 62)
        {
            throw new InvalidInputException("--membrane-bits", "", membraneBits + "; expected 8..62");
        }
        return new QuantizationParams(weightBits, membraneBits, QuantizationParams.DEFAULT.minThresholdBits());
    }

    IntNetwork quantize(final ModelGraph g)
    {
        return IntQuantizer.quantize(g, params());
    }

    /** @return whether the file is a network file: an integer network as it is, with no quantization or DIF delay to choose. */
    boolean isNetworkFile()
    {
        return source() == NetworkSources.NETWORK_FILE;
    }

    /**
     * @param given the command line's matched options, to refuse those a network file fixes itself
     * @return the integer network: read from a network file, or quantized from a model file
     */
    IntNetwork network(final java.util.function.Predicate<String> given)
    {
        if (isSanafeNetwork())
        {
            throw new InvalidInputException(path().toString(), "", "a SANA-FE SNN file runs with its architecture and mapping: csdsim simulate "
                + "FILE --chip ARCH.yaml (docs/sanafe.md)");
        }
        if (isNir())
        {
            return nir(given).network();
        }
        if (!isNetworkFile())
        {
            return quantize(load());
        }
        for (final String o : new String[] {"-D", "--weight-bits", "--membrane-bits"})
        {
            if (given.test(o))
            {
                throw new InvalidInputException(o, "", "a network file gives its own widths and delays (docs/network-file.md); " + o
                    + " applies to model files");
            }
        }
        return NetworkFileReader.read(path());
    }
}
