package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;

/** GRPS: the neuron groups — population range, core, role, parent and fan-in pieces (edge, from, to) — each on a core of the board. */
final class GroupsSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        return SectionPayload.list(p.groups(), (out, g) ->
        {
            out.i32(g.id()).i32(g.population()).i32(g.start()).i32(g.end()).i32(g.core()).i8(FileCodes.GROUP_ROLES.code(g.role())).i32(g.parent())
                .i32(g.pieces().length);
            for (final int v : g.pieces())
            {
                out.i32(v);
            }
        });
    }

    @Override
    public void read(final SectionReader gr, final ProgramParts parts)
    {
        final int cores = parts.chips * parts.spec.coresPerChip();
        gr.list(i ->
        {
            final int gid = gr.i32();
            final int gpop = gr.i32();
            final int gstart = gr.i32();
            final int gend = gr.i32();
            final int gcore = gr.i32();
            final NeuronGroup.Role role = gr.kind(FileCodes.GROUP_ROLES);
            final int gsoma = gr.i32();
            final int[] pieces = new int[gr.count()];
            gr.expect(pieces.length % 3 == 0, "group " + i + ": pieces come in triples (edge, from, to)");
            for (int k = 0; k < pieces.length; k++)
            {
                pieces[k] = gr.i32();
            }
            final NeuronGroup g = new NeuronGroup(gid, gpop, gstart, gend, gcore, role, gsoma, pieces);
            gr.expect(g.id() == i, "group " + i + " carries id " + g.id());
            gr.expect(role == NeuronGroup.Role.NEURONS ? gsoma == -1 : gsoma >= 0 && gsoma < i,
                "group " + i + ": parent " + gsoma + " is not an earlier group");
            gr.expect(g.population() >= 0 && g.population() < parts.populations.size() && g.start() >= 0 && g.end() > g.start()
                && g.end() <= parts.populations.get(g.population()).size(), "group " + i + ": range or population out of bounds");
            gr.expect(g.core() >= 0 && g.core() < cores, "group " + i + ": core " + g.core() + " is not on the board");
            parts.groups.add(g);
        });
    }
}
