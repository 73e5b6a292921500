package io.csdsim.isa.spec.sanafe;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A SANA-FE architecture file as csdsim reads it ({@link SanafeArchitectureReader}): the chip spec,
 * SANA-FE's tick synchronisation table (seconds by the number of tiles with mapped neurons), the
 * soma units of a core by name with their model, and what csdsim cannot model (one warning).
 *
 * @param spec          the chip, its barrier set for every tile in use
 * @param syncSeconds   tiles in use → seconds of the end-of-tick synchronisation; the entry of the largest key at most the tiles used applies
 * @param somaModels    the soma units of every core, in the file's order, by name: their SANA-FE model
 * @param height        tiles along y: SANA-FE's tile t sits at x = t / height, y = t % height
 * @param coresPerTile  cores of every tile
 * @param warnings      what the file gives that csdsim does not model, each said once
 */
public record SanafeArchitecture(String file, ChipSpec spec, NavigableMap<Integer, Double> syncSeconds, Map<String, String> somaModels,
    int height, int coresPerTile, List<String> warnings)
{
    /** SANA-FE's soma model of an input unit: it emits a given spike train and costs what its unit says. */
    public static final String INPUT_MODEL = "input";

    /** @return the name of a core's first soma unit: what a neuron mapped without one takes. */
    public String defaultSoma()
    {
        return somaModels.keySet().iterator().next();
    }

    /** @return csdsim's core number for SANA-FE's core {@code core} of tile {@code tile} (one chip). */
    public int core(final int tile, final int core)
    {
        final int x = tile / height;
        final int y = tile % height;
        return (y * spec.getInt(ChipField.MESH_TILES_X) + x) * coresPerTile + core;
    }

    /** @return the number of tiles. */
    public int tiles()
    {
        return spec.getInt(ChipField.MESH_TILES_X) * spec.getInt(ChipField.MESH_TILES_Y);
    }

    /** @return the spec with the barrier SANA-FE's table gives for this many tiles in use. */
    public ChipSpec forTilesInUse(final int tilesInUse)
    {
        final Map.Entry<Integer, Double> e = syncSeconds.floorEntry(Math.max(1, tilesInUse));
        final double seconds = e == null ? 0 : e.getValue();
        final double cycles = Math.round(seconds * spec.get(ChipField.TIMING_CLOCK_MHZ) * 1e6);
        return spec.with(ChipField.TIMING_BARRIER_CYCLES, cycles, file + ": latency_sync for " + tilesInUse + " tiles in use ("
            + seconds + " s)");
    }
}
