package io.csdsim.mapper;

/**
 * @param chips chips of the board; 0 takes as many as the model needs.
 * @param refinementPasses passes of placement refinement after the locality-preserving start.
 * @param start the order in which groups take cores before refinement.
 * @param given cores chosen outside csdsim, kept as they are (no partitioning or placement of ours), or null.
 * @param residual how residual streams are mapped (docs/residual-stream.md).
 */
public record MapperOptions(int chips, int refinementPasses, Start start, GivenPlacement given, Residual residual)
{
    /** How a residual stream — currents that several populations read, each the sum of earlier writers — reaches its readers. */
    public enum Residual
    {
        /** Every reader holds synapses from every writer's inputs (a writer's table is exercised once per reader). */
        FAN_IN("fan-in"),
        /**
         * The stream is summed once, in accumulator compartments that forward each tick's sum as one graded spike (one synapse
         * per unit on each reader; one tick more per accumulator passed). Needs a chip whose spikes carry a payload.
         */
        ACCUMULATE("accumulate"),
        /** Accumulate when the chip has graded spikes and it takes fewer cores than fan-in; fan-in otherwise. */
        AUTO("auto");

        /** The name the command line and the reports use. */
        public final String label;

        Residual(final String label)
        {
            this.label = label;
        }

        /** @return the choice of that label, or null. */
        public static Residual of(final String label)
        {
            for (final Residual r : values())
            {
                if (r.label.equalsIgnoreCase(label))
                {
                    return r;
                }
            }
            return null;
        }
    }

    /** The order groups take cores along the placement's snake, before refinement. */
    public enum Start
    {
        /** Layer after layer, in topological order: each layer's cores together. */
        LAYERS,
        /**
         * By where a group's units sit in their layer (the centre of its range, as a fraction of the layer), layers in
         * topological order breaking ties: the groups of one token, or one band of an image, sit together in every layer,
         * so token-wise traffic stays local. Traffic that crosses tokens (attention's A·V) travels further.
         */
        INTERLEAVED,
        /** Whichever of the two costs less before refinement (Σ entries × hops); layers on a tie. */
        AUTO
    }

    public static final MapperOptions DEFAULT = new MapperOptions(0, 3, Start.AUTO);

    public MapperOptions(final int chips, final int refinementPasses, final Start start)
    {
        this(chips, refinementPasses, start, null, Residual.AUTO);
    }

    public MapperOptions(final int chips, final int refinementPasses)
    {
        this(chips, refinementPasses, Start.AUTO);
    }

    /** @return these options with every neuron's core given. */
    public MapperOptions withGiven(final GivenPlacement placement)
    {
        return new MapperOptions(chips, refinementPasses, start, placement, residual);
    }

    /** @return these options with the residual stream mapped as chosen. */
    public MapperOptions withResidual(final Residual choice)
    {
        return new MapperOptions(chips, refinementPasses, start, given, choice);
    }
}
