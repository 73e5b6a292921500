package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ConvShape;
import io.csdsim.isa.program.SynapseTable;

/** TABL: the synapse tables, each stored once (edges name them by id): kind, shape, mantissas, a sparse table's rows, a convolution's shape. */
final class TablesSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        return SectionPayload.list(p.tables(), (out, t) ->
        {
            out.i32(t.id()).i8(FileCodes.TABLE_KINDS.code(t.kind())).i32(t.height()).i32(t.width()).i32(t.inFeatures()).i32(t.outFeatures()).shorts(t.mantissa());
            if (t.kind() == SynapseTable.Kind.SPARSE)
            {
                out.ints(t.rowStart()).ints(t.targets());
            }
            if (t.kind() == SynapseTable.Kind.CONV)
            {
                out.i32(t.conv().kernel()).i32(t.conv().stride()).i32(t.conv().pad()).i32(t.conv().groups());
            }
        });
    }

    @Override
    public void read(final SectionReader tr, final ProgramParts parts)
    {
        tr.list(i ->
        {
            final int id = tr.i32();
            tr.expect(id == i, "table " + i + " carries id " + id);
            final SynapseTable.Kind kind = tr.kind(FileCodes.TABLE_KINDS);
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
        });
    }
}
