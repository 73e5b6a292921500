package io.csdsim.isa.program;

/**
 * How a target population receives input: through a synapse table from one source, through a TDEC
 * product of two sources (dynamic synapses whose weights are running counts) described by its index
 * map ({@code product}, null for every other kind), or as a max-pool of one source over a window
 * ({@code pool}, null for every other kind). The current an edge delivers is shifted left by
 * {@code shift}; spikes a source fires in tick t reach the target in tick t + {@code delay}.
 */
public record ProgramEdge(int id, int target, Kind kind, int table, int sourceA, int sourceB, ProductMap product, int shift, int delay,
    PoolShape pool)
{
    /** An edge whose max-pool, if it is one, has CSDformer's window (3×3 / 2 / pad 1). */
    public ProgramEdge(final int id, final int target, final Kind kind, final int table, final int sourceA, final int sourceB,
        final ProductMap product, final int shift, final int delay)
    {
        this(id, target, kind, table, sourceA, sourceB, product, shift, delay, kind == Kind.POOL ? PoolShape.TDEC : null);
    }

    /** @return the same edge with another max-pool window. */
    public ProgramEdge withPool(final PoolShape window)
    {
        return new ProgramEdge(id, target, kind, table, sourceA, sourceB, product, shift, delay, window);
    }

    /** @return the same edge with another product map. */
    public ProgramEdge withProduct(final ProductMap map)
    {
        return new ProgramEdge(id, target, kind, table, sourceA, sourceB, map, shift, delay, pool);
    }

    /** How the edge computes. */
    public enum Kind
    {
        /** Weights from a {@link SynapseTable}. */
        TABLE,
        /**
         * The product of two spike populations by the edge's {@link ProductMap} (TDEC-VMM). Code 2 was
         * attention's A·V before format version 4, when code 1 was Q·Kᵀ and both were described by heads.
         */
        TDEC_PRODUCT,
        /** Max-pool of one spike population (TDEC-MP) over the edge's {@link PoolShape} window. */
        POOL,
        /**
         * Done by the host after the last tick: the source accumulators [N, D] summed over tokens, then
         * the dense table [D][classes] (global average pool and classifier).
         */
        HOST_READOUT;

    }
}
