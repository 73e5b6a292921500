package io.csdsim.isa.program;

/**
 * How a target population receives input: through a synapse table from one source, through a TDEC
 * product of two sources (dynamic synapses whose weights are running counts), or as a max-pool of one
 * source over a window ({@code pool}, null for every other kind). The current an edge delivers is shifted left by {@code shift}; spikes a source fires in tick
 * t reach the target in tick t + {@code delay}.
 */
public record ProgramEdge(int id, int target, Kind kind, int table, int sourceA, int sourceB, int heads, int shift, int delay, PoolShape pool)
{
    /** An edge whose max-pool, if it is one, has CSDformer's window (3×3 / 2 / pad 1). */
    public ProgramEdge(final int id, final int target, final Kind kind, final int table, final int sourceA, final int sourceB, final int heads,
        final int shift, final int delay)
    {
        this(id, target, kind, table, sourceA, sourceB, heads, shift, delay, kind == Kind.POOL ? PoolShape.TDEC : null);
    }

    /** How the edge computes. */
    public enum Kind implements FileCode
    {
        /** Weights from a {@link SynapseTable}. */
        TABLE(0),
        /** Per-head A·Bᵀ of two [N, D] spike populations into [heads, N, N] (TDEC-VMM). */
        TDEC_QK(1),
        /** Per-head A·B of A [heads, N, N] and B [N, D] spike populations into [N, D] (TDEC-VMM). */
        TDEC_AV(2),
        /** Max-pool of one spike population (TDEC-MP) over the edge's {@link PoolShape} window. */
        POOL(3),
        /**
         * Done by the host after the last tick: the source accumulators [N, D] summed over tokens, then
         * the dense table [D][classes] (global average pool and classifier).
         */
        HOST_READOUT(4);

        private final int code;

        Kind(final int code)
        {
            this.code = code;
        }

        @Override
        public int fileCode()
        {
            return code;
        }
    }
}
