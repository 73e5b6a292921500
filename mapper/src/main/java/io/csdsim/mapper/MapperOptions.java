package io.csdsim.mapper;

/**
 * @param chips chips of the board; 0 takes as many as the model needs.
 * @param refinementPasses passes of placement refinement after the locality-preserving start.
 */
public record MapperOptions(int chips, int refinementPasses)
{
    public static final MapperOptions DEFAULT = new MapperOptions(0, 3);
}
