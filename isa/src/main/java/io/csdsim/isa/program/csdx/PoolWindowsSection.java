package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.PoolShape;
import io.csdsim.isa.program.ProgramEdge;

import java.util.List;

/** POOL (since version 3): the window of every max-pool edge, by edge id. */
final class PoolWindowsSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        final List<ProgramEdge> pools = p.edges().stream().filter(e -> e.pool() != null).toList();
        return SectionPayload.list(pools, (out, e) ->
        {
            out.i32(e.id()).i32(e.pool().kernel()).i32(e.pool().stride()).i32(e.pool().pad());
        });
    }

    @Override
    public void read(final SectionReader wr, final ProgramParts parts)
    {
        final List<ProgramEdge> edges = parts.edges;
        final boolean[] windowed = new boolean[edges.size()];
        wr.list(i ->
        {
            final int id = wr.i32();
            wr.expect(id >= 0 && id < edges.size() && edges.get(id).kind() == ProgramEdge.Kind.POOL && !windowed[id], "pool window of edge "
                + id + ": no such max-pool edge, or a second window");
            windowed[id] = true;
            final ProgramEdge e = edges.get(id);
            edges.set(id, e.withPool(new PoolShape(wr.i32(), wr.i32(), wr.i32())));
        });
    }
}
