package io.csdsim.models.sanafe;

import java.util.Map;
import java.util.function.IntBinaryOperator;

/**
 * What an SNN file needs of its SANA-FE architecture: the soma units of a core with their model, the
 * tiles and cores a mapping may name and the chip's number of each core. Built from the architecture
 * file by the caller (the reader of that file lives in {@code isa}, which {@code models} does not
 * depend on).
 *
 * @param somaModels    soma unit name → SANA-FE model ({@value #INPUT_MODEL}, {@code leaky_integrate_fire}, …), in the file's order
 * @param tiles         tiles of the chip
 * @param coresPerTile  cores of every tile
 * @param coreNumber    (tile, core) → the chip's core number
 * @param membraneBits  the chip's membrane width: the network's
 */
public record SanafeCores(Map<String, String> somaModels, int tiles, int coresPerTile, IntBinaryOperator coreNumber, int membraneBits)
{
    /** SANA-FE's soma model of an input unit: it emits a given spike train. */
    public static final String INPUT_MODEL = "input";

    /** @return the name of a core's first soma unit: what a neuron mapped without one takes. */
    public String defaultSoma()
    {
        return somaModels.keySet().iterator().next();
    }
}
