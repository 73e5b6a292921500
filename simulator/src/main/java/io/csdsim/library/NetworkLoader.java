package io.csdsim.library;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.sanafe.SanafeArchitecture;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.nir.NirFileReader;
import io.csdsim.models.nir.NirGraph;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.sanafe.SanafeCores;
import io.csdsim.models.sanafe.SanafeNetwork;
import io.csdsim.models.sanafe.SanafeNetworkReader;

import java.nio.file.Path;

/**
 * Reads a network from a file of any format ({@link NetworkSources}, by content) into the integer
 * network every later step takes. Options a format fixes itself are refused in one line when given;
 * bad input of any format is one {@link InvalidInputException} naming the file and the field.
 */
public final class NetworkLoader
{
    private NetworkLoader()
    {
    }

    /**
     * @param architecture the SANA-FE architecture a SANA-FE network is read against (its units and
     * cores), or null when the chip is not one
     */
    public static LoadedNetwork load(final Path file, final LoadOptions options, final SanafeArchitecture architecture)
    {
        final NetworkSource format = NetworkSources.of(file);
        if (format == NetworkSources.SANAFE_SNN)
        {
            final SanafeNetwork sanafe = sanafe(file, options, architecture);
            return new LoadedNetwork(file, format, sanafe.network(), null, null, null, sanafe, "");
        }
        if (format == NetworkSources.NIR)
        {
            if (options.delay() != null)
            {
                throw new InvalidInputException("-D", "", "a NIR graph has no DIF delay; -D applies to model files");
            }
            final int ticks = options.timesteps() == null ? LoadOptions.NIR_TICKS : options.timesteps();
            checkTicks(ticks);
            final QuantizationParams q = params(options);
            final NirGraph graph = NirFileReader.read(file);
            final NirImporter.Result nir = NirImporter.importGraph(graph, dt(options), ticks, q.weightBits(), q.membraneBits());
            return new LoadedNetwork(file, format, nir.network(), null, nir, graph, null, "");
        }
        if (format == NetworkSources.NETWORK_FILE)
        {
            refuseWidthsAndDelay(options, "a network file gives its own widths and delays (docs/network-file.md); ");
            return new LoadedNetwork(file, format, NetworkFileReader.read(file), null, null, null, null, "");
        }
        final ModelGraph graph = graph(file, options);
        final IntNetwork net = IntQuantizer.quantize(graph, params(options));
        return new LoadedNetwork(file, format, net, graph, null, null, null, InputLimits.delayNote(net.timeWindow, net.delay));
    }

    /** @return a model file's float graph, with the delay of the options when they give one. */
    public static ModelGraph graph(final Path file, final LoadOptions options)
    {
        if (options.delay() != null)
        {
            InputLimits.checkDelay("-D", "", options.delay());
        }
        final ModelGraph g = ModelFileReader.read(file);
        return options.delay() != null ? g.withDelay(options.delay()) : g;
    }

    /** @return the integer widths of the options (their defaults where none are given), checked. */
    public static QuantizationParams params(final LoadOptions options)
    {
        final int weightBits = options.weightBits() == null ? LoadOptions.WEIGHT_BITS : options.weightBits();
        final int membraneBits = options.membraneBits() == null ? LoadOptions.MEMBRANE_BITS : options.membraneBits();
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

    /** @return the time step of the options, or the default. */
    public static double dt(final LoadOptions options)
    {
        return options.dt() == null ? LoadOptions.DT : options.dt();
    }

    private static SanafeNetwork sanafe(final Path file, final LoadOptions options, final SanafeArchitecture arch)
    {
        if (arch == null)
        {
            throw new InvalidInputException("--chip", "", "a SANA-FE SNN file names its architecture's units and cores: give --chip ARCH.yaml "
                + "(SANA-FE's architecture file)");
        }
        refuseWidthsAndDelay(options, "a SANA-FE network gives its own widths and delays; ");
        if (options.timesteps() != null)
        {
            checkTicks(options.timesteps());
        }
        return SanafeNetworkReader.read(file, cores(arch), options.timesteps() == null ? 0 : options.timesteps());
    }

    /** @return what an SNN file needs of its architecture. */
    public static SanafeCores cores(final SanafeArchitecture arch)
    {
        return new SanafeCores(arch.somaModels(), arch.tiles(), arch.coresPerTile(), arch::core, arch.spec().getInt(ChipField.CORE_MEMBRANE_BITS));
    }

    private static void refuseWidthsAndDelay(final LoadOptions options, final String why)
    {
        if (options.delay() != null)
        {
            throw new InvalidInputException("-D", "", why + "-D applies to model files");
        }
        if (options.weightBits() != null)
        {
            throw new InvalidInputException("--weight-bits", "", why + "--weight-bits applies to model files");
        }
        if (options.membraneBits() != null)
        {
            throw new InvalidInputException("--membrane-bits", "", why + "--membrane-bits applies to model files");
        }
    }

    private static void checkTicks(final int ticks)
    {
        if (ticks < 1 || ticks > InputLimits.MAX_RUN_TICKS)
        {
            throw new InvalidInputException("--timesteps", "", ticks + "; expected 1.." + InputLimits.MAX_RUN_TICKS);
        }
    }
}
