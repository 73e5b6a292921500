package io.csdsim.library;

import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.nir.NirFileReader;

import java.nio.file.Path;
import java.util.List;

/**
 * The formats a network is read from, asked in order; the first that recognises a file's content
 * takes it. A YAML mapping is read as SANA-FE's SNN (the one network format in YAML), whatever its
 * keys, so that its reader's one-line message says what is missing; anything else that is not HDF5
 * goes to the model reader, which says what a model file expects.
 */
public final class NetworkSources
{
    /** A NIR graph: an HDF5 file (docs/nir.md). */
    public static final NetworkSource NIR = new Format("NIR graph", h -> NirFileReader.isNirFile(h.path()));

    /** A network file: a JSON object whose {@code format} is csdsim's network format (docs/network-file.md). */
    public static final NetworkSource NETWORK_FILE = new Format("network file", h -> h.isJsonObject() && NetworkFileReader.isNetworkFile(h.path()));

    /** A csdsim model file: any other JSON object, its weights beside it (docs/model-format.md). */
    public static final NetworkSource MODEL_FILE = new Format("csdsim model", h -> !h.isYamlMapping());

    /** A SANA-FE SNN file: YAML (docs/sanafe.md). */
    public static final NetworkSource SANAFE_SNN = new Format("SANA-FE SNN", FileHead::isYamlMapping);

    /** A format known by one test of a file's head. */
    private record Format(String format, java.util.function.Predicate<FileHead> test) implements NetworkSource
    {
        @Override
        public boolean recognises(final FileHead head)
        {
            return test.test(head);
        }
    }

    /** Every format, in the order they are asked. */
    public static final List<NetworkSource> ALL = List.of(NIR, NETWORK_FILE, SANAFE_SNN, MODEL_FILE);

    private NetworkSources()
    {
    }

    /** @return the format of a file: the first source that recognises it (a missing file: a model file, whose reader says so). */
    public static NetworkSource of(final Path file)
    {
        final FileHead head = FileHead.of(file);
        for (final NetworkSource s : ALL)
        {
            if (s.recognises(head))
            {
                return s;
            }
        }
        return MODEL_FILE;
    }

    /**
     * @return whether a file is a compiled chip program, by its magic "CSDX" — or a file named
     * {@code .csdx} that no format recognises (a damaged program: its reader says at which offset)
     */
    public static boolean isProgram(final Path file)
    {
        final FileHead head = FileHead.of(file);
        return CsdxFormat.isProgramFile(file) || file.getFileName().toString().endsWith(".csdx") && !head.isJsonObject()
            && !head.isYamlMapping() && !NIR.recognises(head);
    }

    /** @return whether a chip file is a SANA-FE architecture (a YAML mapping) rather than a JSON spec or report, by its content. */
    public static boolean isSanafeArchitecture(final Path file)
    {
        return FileHead.of(file).isYamlMapping();
    }
}
