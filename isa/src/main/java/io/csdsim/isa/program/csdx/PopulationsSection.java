package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramPopulation;

/** POPS: the populations — name, kind, shape, threshold, initial potential, window start and biases. */
final class PopulationsSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        return SectionPayload.list(p.populations(), (out, q) ->
        {
            out.i32(q.id()).str(q.name()).i8(FileCodes.POPULATION_KINDS.code(q.kind())).i32(q.shape().length);
            for (final int d : q.shape())
            {
                out.i32(d);
            }
            out.i32(q.theta()).i32(q.v0()).i32(q.windowStart()).i32(q.bias() == null ? -1 : q.bias().length);
            if (q.bias() != null)
            {
                for (final long b : q.bias())
                {
                    out.i64(b);
                }
            }
        });
    }

    @Override
    public void read(final SectionReader pr, final ProgramParts parts)
    {
        pr.list(i ->
        {
            final int id = pr.i32();
            pr.expect(id == i, "population " + i + " carries id " + id);
            final String pname = pr.str();
            final ProgramPopulation.Kind kind = pr.kind(FileCodes.POPULATION_KINDS);
            final int[] shape = new int[pr.count()];
            for (int k = 0; k < shape.length; k++)
            {
                shape[k] = pr.i32();
            }
            final int theta = pr.i32();
            final int v0 = pr.i32();
            final int ws = pr.i32();
            final int nb = pr.i32();
            long[] bias = null;
            if (nb >= 0)
            {
                pr.expect(nb <= (pr.remaining() / 8), "bias of " + nb + " values overruns the section");
                bias = new long[nb];
                for (int k = 0; k < nb; k++)
                {
                    bias[k] = pr.i64();
                }
            }
            parts.populations.add(new ProgramPopulation(id, pname, kind, shape, theta, v0, bias, ws));
        });
        final long difPopulations = parts.populations.stream().filter(q -> q.kind() == ProgramPopulation.Kind.DIF).count();
        parts.head.expectAt(0, parts.timeWindow <= ChipProgram.MAX_TIME_WINDOW || difPopulations == 0, "T = " + parts.timeWindow
            + "; a program of DIF neurons has a window of 1.." + ChipProgram.MAX_TIME_WINDOW);
    }
}
