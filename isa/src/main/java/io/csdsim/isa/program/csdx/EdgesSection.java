package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProductMap;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;

import java.util.Arrays;
import java.util.List;

/**
 * EDGE: the edges — target, kind, table, sources, shift and delay. Before version 4 an attention
 * product was coded by kind and head count; it is read as the product map it meant.
 */
final class EdgesSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        return SectionPayload.list(p.edges(), (out, e) ->
        {
            out.i32(e.id()).i32(e.target()).i8(FileCodes.EDGE_KINDS.code(e.kind())).i32(e.table()).i32(e.sourceA()).i32(e.sourceB())
                .i32(0).i32(e.shift()).i32(e.delay());
        });
    }

    @Override
    public void read(final SectionReader er, final ProgramParts parts)
    {
        final List<ProgramPopulation> pops = parts.populations;
        er.list(i ->
        {
            final int eid = er.i32();
            final int etarget = er.i32();
            // Before version 4 code 2 was attention's A·V; both attention products are product maps now.
            final boolean legacyValues = parts.version < 4 && er.peekByte() == 2;
            final ProgramEdge.Kind kind = legacyValues ? er.skipByte(ProgramEdge.Kind.TDEC_PRODUCT) : er.kind(FileCodes.EDGE_KINDS);
            final int etable = er.i32();
            final int ea = er.i32();
            final int eb = er.i32();
            final int heads = er.i32();
            final ProgramEdge e = new ProgramEdge(eid, etarget, kind, etable, ea, eb, null, er.i32(), er.i32());
            er.expect(e.id() == i, "edge " + i + " carries id " + e.id());
            er.expect(e.target() >= 0 && e.target() < pops.size(), "edge " + i + ": target population " + e.target() + " does not exist");
            er.expect(e.sourceA() >= 0 && e.sourceA() < pops.size(), "edge " + i + ": source population " + e.sourceA() + " does not exist");
            er.expect(e.sourceB() >= -1 && e.sourceB() < pops.size(), "edge " + i + ": source population " + e.sourceB() + " does not exist");
            er.expect(e.table() >= -1 && e.table() < parts.tables.size(), "edge " + i + ": table " + e.table() + " does not exist");
            if (parts.version < 4 && kind == ProgramEdge.Kind.TDEC_PRODUCT)
            {
                final int[] v = e.sourceB() >= 0 ? pops.get(e.sourceB()).shape() : new int[0];
                er.expect(v.length == 2 && heads >= 1 && v[1] % heads == 0, "edge " + i + ": an attention product of "
                    + Arrays.toString(v) + " in " + heads + " heads (expected [tokens, features] and features divisible by heads)");
                parts.edges.add(e.withProduct(legacyValues ? ProductMap.attentionValues(v[0], v[1], heads) : ProductMap.attentionScores(v[0], v[1], heads)));
            }
            else
            {
                parts.edges.add(e);
            }
        });
    }
}
