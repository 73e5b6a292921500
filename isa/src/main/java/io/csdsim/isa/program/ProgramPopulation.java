package io.csdsim.isa.program;

import java.util.Arrays;

/**
 * A population as the chip runs it: input (computed by the host), DIF neurons, a TDEC max-pool, or
 * readout accumulators (non-spiking, read by the host after the last tick). Neurons are indexed in
 * the population's layout (last dimension fastest).
 */
public record ProgramPopulation(int id, String name, Kind kind, int[] shape, int theta, int v0, long[] bias, int windowStart)
{
    /** What a population's units do. */
    public enum Kind implements FileCode
    {
        /** The input stage: the host computes its outgoing current (conv0) as MACs and injects it once. */
        INPUT(0),
        /** Delayed integrate-and-fire neurons (DESIGN §3.2). */
        DIF(1),
        /** TDEC max-pool 3×3 / stride 2 / pad 1 (DESIGN §3.3): fires in its source's ticks. */
        TDEC_MAXPOOL(2),
        /** Integer accumulators that integrate every tick and never fire; the host reads them. */
        ACCUMULATOR(3),
        /** The classifier the host applies to accumulators after the last tick: integer logits, bias included. */
        HOST_CLASSIFIER(4);

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

    public int size()
    {
        int n = 1;
        for (final int d : shape)
        {
            n *= d;
        }
        return n;
    }

    /** @return the length of the last dimension (channels, features). */
    public int channels()
    {
        return shape[shape.length - 1];
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof ProgramPopulation p && id == p.id && name.equals(p.name) && kind == p.kind && Arrays.equals(shape, p.shape)
            && theta == p.theta && v0 == p.v0 && Arrays.equals(bias, p.bias) && windowStart == p.windowStart;
    }

    @Override
    public int hashCode()
    {
        return id * 31 + name.hashCode();
    }
}
