package io.csdsim.models.nir;

import java.util.List;
import java.util.Map;

/**
 * A NIR graph as its file holds it (the NIR project's HDF5 layout: a {@code node} group of type
 * {@code NIRGraph} with {@code nodes} and {@code edges}): nodes by name in the file's order, each its
 * type and parameters, and the edges between them. Nothing is interpreted here; {@link NirImporter}
 * turns it into a network, {@link NirFloatReference} runs it with doubles.
 *
 * @param nodes by name, in the file's order
 * @param edges each a pair of node names, source then target
 */
public record NirGraph(String source, Map<String, Node> nodes, List<String[]> edges)
{
    /** One node: its NIR type ({@code LIF}, {@code Affine}, …) and its parameters by name. */
    public record Node(String name, String type, Map<String, NirTensor> params)
    {
        /** @return a parameter, or null when the node has none of that name. */
        public NirTensor param(final String key)
        {
            return params.get(key);
        }
    }
}
