package io.csdsim.isa.program.csdx;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * SPEC: the chip the program was compiled for, every field by its key with its value and source; a
 * field added after the file was written takes the value its absence meant.
 */
final class SpecSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        final ChipSpec s = p.spec;
        final SectionPayload out = new SectionPayload().str(s.name()).str(s.description()).i32(ChipField.values().length);
        for (final ChipField f : ChipField.values())
        {
            out.str(f.key).f64(s.get(f)).str(s.source(f));
        }
        return out;
    }

    @Override
    public void read(final SectionReader r, final ProgramParts parts)
    {
        final String name = r.str();
        final String desc = r.str();
        final int n = r.count();
        final double[] values = new double[ChipField.values().length];
        final String[] sources = new String[values.length];
        final boolean[] seen = new boolean[values.length];
        for (int i = 0; i < n; i++)
        {
            final String key = r.str();
            final ChipField f = ChipField.byKey(key);
            r.expect(f != null, "unknown chip field '" + key + "'");
            values[f.ordinal()] = r.f64();
            sources[f.ordinal()] = r.str();
            seen[f.ordinal()] = true;
        }
        r.end();
        for (final ChipField f : ChipField.values())
        {
            if (!seen[f.ordinal()] && f.optional())
            {
                // Programs written before a field existed meant its value when absent (a choice's first, a cost of 0).
                values[f.ordinal()] = f.absent;
                sources[f.ordinal()] = "default";
                continue;
            }
            r.expect(seen[f.ordinal()], "chip field " + f.key + " missing");
        }
        final ChipSpec spec;
        try
        {
            spec = ChipSpec.of(name, desc, values, sources);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ChipInputException(r.src, "section SPEC", e.getMessage());
        }
        if ((long)parts.chips * spec.coresPerChip() > ChipProgram.MAX_BOARD_CORES)
        {
            throw new ChipInputException(parts.src, "section HEAD", String.format(java.util.Locale.ROOT, "%,d chips of %,d cores; at most %,d cores "
                + "on a board (docs/reliability.md)", parts.chips, spec.coresPerChip(), ChipProgram.MAX_BOARD_CORES));
        }
        parts.spec = spec;
    }
}
