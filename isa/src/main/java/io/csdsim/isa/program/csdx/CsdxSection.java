package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;

/**
 * One section of a {@code .csdx} file: its tag, the format version that added it, how a program's
 * part is written into its payload, and how it is read back into the program's parts. The sections
 * are written and read in {@link CsdxFile#SECTIONS}' order, so a section may check what it reads
 * against the sections before it.
 */
abstract class CsdxSection
{
    private final String tag;
    private final int since;

    CsdxSection(final String tag, final int since)
    {
        this.tag = tag;
        this.since = since;
    }

    /** @return the section's 4-byte tag. */
    final String tag()
    {
        return tag;
    }

    /** @return whether a file of this format version must hold the section. */
    final boolean requiredIn(final int version)
    {
        return version >= since;
    }

    abstract SectionPayload write(ChipProgram p);

    /** Reads the payload into the parts, checking every field it reads; @see SectionReader#expect. */
    abstract void read(SectionReader r, ProgramParts parts);
}
