package io.csdsim.simulator.readout;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.simulator.engine.SampleResult;

/**
 * The host's step after the chip's last tick, for programs that end in a classifier (CSDformer's
 * readout, DESIGN §3.5): the column sums of the readout accumulators times the classifier's
 * mantissas, plus its bias — integer logits. Not the engine's business: a program without a
 * host classifier has no logits.
 */
public final class HostReadout
{
    private HostReadout()
    {
    }

    /** @return the sample's integer logits, or an empty array when the program has no host classifier. */
    public static long[] logits(final ChipProgram program, final SampleResult r)
    {
        for (final ProgramEdge e : program.edges())
        {
            if (e.kind() == ProgramEdge.Kind.HOST_READOUT)
            {
                return classify(program, e, r.accumulators[e.sourceA()]);
            }
        }
        return new long[0];
    }

    private static long[] classify(final ChipProgram program, final ProgramEdge e, final long[] acc)
    {
        final ProgramPopulation classifier = program.populations().get(e.target());
        final SynapseTable head = program.tables().get(e.table());
        final int features = head.inFeatures();
        final long[] col = new long[features];
        for (int i = 0; i < acc.length; i++)
        {
            col[i % features] += acc[i];
        }
        final long[] logits = classifier.bias().clone();
        final int classes = head.outFeatures();
        for (int j = 0; j < features; j++)
        {
            for (int c = 0; c < classes; c++)
            {
                logits[c] += col[j] * head.mantissa()[j * classes + c];
            }
        }
        return logits;
    }

    /** @return the index of the largest logit (the first on a tie), or 0 when there are none. */
    public static int predictedClass(final long[] logits)
    {
        int best = 0;
        for (int c = 1; c < logits.length; c++)
        {
            if (logits[c] > logits[best])
            {
                best = c;
            }
        }
        return best;
    }
}
