package io.csdsim.library;

import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.models.nir.NirGraph;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.sanafe.SanafeNetwork;

import java.nio.file.Path;
import java.util.List;

/**
 * A network as read from its file: its format, the integer network every later step takes, and
 * what some formats bring besides — a model file's float graph, a NIR graph and its import, a
 * SANA-FE network's spike trains, mapping and warnings — with the note a reader should see.
 *
 * @param graph the float model of a model file (for the reference executors), or null
 * @param nir a NIR graph's import (its layers and scales), or null
 * @param nirGraph the NIR graph itself (its float reference), or null
 * @param sanafe a SANA-FE network (trains, the mapping it gives, warnings), or null
 * @param note what the user should know of the network (a DIF delay below T-1), or ""
 */
public record LoadedNetwork(Path file, NetworkSource format, IntNetwork network, ModelGraph graph, NirImporter.Result nir, NirGraph nirGraph,
    SanafeNetwork sanafe, String note)
{
    /** @return the spike trains the file brings (a SANA-FE network's inputs), or null. */
    public SpikeTrainSet trains()
    {
        return sanafe == null ? null : sanafe.trains();
    }

    /** @return what the file's format has that csdsim does not model (SANA-FE), one phrase each. */
    public List<String> warnings()
    {
        return sanafe == null ? List.of() : sanafe.warnings();
    }
}
