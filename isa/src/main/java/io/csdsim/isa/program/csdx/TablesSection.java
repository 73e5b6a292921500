package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ConvShape;
import io.csdsim.isa.program.SynapseTable;

/** TABL: the synapse tables, each stored once (edges name them by id): kind, shape, mantissas, a sparse table's rows, a convolution's shape. */
final class TablesSection extends CsdxSection
{
    TablesSection()
    {
        super("TABL", 1);
    }

    @Override
    SectionPayload write(final ChipProgram p)
    {
        final SectionPayload out = new SectionPayload().i32(p.tables().size());
        for (final SynapseTable t : p.tables())
        {
            out.i32(t.id()).i8(t.kind().fileCode()).i32(t.height()).i32(t.width()).i32(t.inFeatures()).i32(t.outFeatures()).shorts(t.mantissa());
            if (t.kind() == SynapseTable.Kind.SPARSE)
            {
                out.ints(t.rowStart()).ints(t.targets());
            }
            if (t.kind() == SynapseTable.Kind.CONV)
            {
                out.i32(t.conv().kernel()).i32(t.conv().stride()).i32(t.conv().pad()).i32(t.conv().groups());
            }
        }
        return out;
    }

    @Override
    void read(final SectionReader tr, final ProgramParts parts)
    {
        for (int i = 0, n = tr.count(); i < n; i++)
        {
            final int id = tr.i32();
            tr.expect(id == i, "table " + i + " carries id " + id);
            final SynapseTable.Kind kind = tr.kind(SynapseTable.Kind.values());
            final int height = tr.i32();
            final int width = tr.i32();
            final int inFeatures = tr.i32();
            final int outFeatures = tr.i32();
            final short[] m = tr.shorts();
            parts.tables.add(switch (kind)
            {
                case SPARSE -> new SynapseTable(id, kind, height, width, inFeatures, outFeatures, m, tr.ints(), tr.ints());
                case CONV -> SynapseTable.conv(id, height, width, inFeatures, outFeatures, new ConvShape(tr.i32(), tr.i32(), tr.i32(), tr.i32()), m);
                default -> new SynapseTable(id, kind, height, width, inFeatures, outFeatures, m);
            });
        }
        tr.end();
    }
}
