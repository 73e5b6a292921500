package io.csdsim.cli;

import io.csdsim.isa.spec.sanafe.SanafeArchitecture;
import io.csdsim.library.LoadOptions;
import io.csdsim.library.LoadedNetwork;
import io.csdsim.library.NetworkLoader;
import io.csdsim.library.NetworkSource;
import io.csdsim.library.NetworkSources;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
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
    static final int NIR_TICKS = LoadOptions.NIR_TICKS;

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

    /**
     * @param given the command line's matched options: a format refuses those it fixes itself only when given
     * @return the options as the library reads them (null where the command line did not give one)
     */
    LoadOptions loadOptions(final java.util.function.Predicate<String> given)
    {
        return new LoadOptions(given.test("--weight-bits") ? weightBits : null, given.test("--membrane-bits") ? membraneBits : null, delay,
            timesteps, dt);
    }

    /** @return the network of the file, of any format (NetworkLoader); a SANA-FE network read against its architecture. */
    LoadedNetwork loaded(final SanafeArchitecture arch, final java.util.function.Predicate<String> given)
    {
        return NetworkLoader.load(path(), loadOptions(given), arch);
    }

    /** @return whether the model is a SANA-FE SNN file (docs/sanafe.md): YAML, whatever its name. */
    boolean isSanafeNetwork()
    {
        return source() == NetworkSources.SANAFE_SNN;
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
        return NetworkLoader.graph(path(), new LoadOptions(null, null, delay, null, null));
    }

    QuantizationParams params()
    {
        return NetworkLoader.params(new LoadOptions(weightBits, membraneBits, null, null, null));
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
        return loaded(null, given).network();
    }
}
