package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProductMap;
import io.csdsim.isa.program.ProgramEdge;

import java.util.List;

/** PROD (since version 4): the index map of every product edge, by edge id, in its text form. */
final class ProductMapsSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        final List<ProgramEdge> products = p.edges().stream().filter(e -> e.product() != null).toList();
        return SectionPayload.list(products, (out, e) ->
        {
            out.i32(e.id()).str(e.product().toString());
        });
    }

    @Override
    public void read(final SectionReader mr, final ProgramParts parts)
    {
        final List<ProgramEdge> edges = parts.edges;
        mr.list(i ->
        {
            final int id = mr.i32();
            mr.expect(id >= 0 && id < edges.size() && edges.get(id).kind() == ProgramEdge.Kind.TDEC_PRODUCT && edges.get(id).product() == null,
                "product map of edge " + id + ": no such product edge, or a second map");
            final String text = mr.str();
            try
            {
                edges.set(id, edges.get(id).withProduct(ProductMap.parse(text)));
            }
            catch (final IllegalArgumentException bad)
            {
                mr.expect(false, "edge " + id + ": " + bad.getMessage());
            }
        });
    }
}
