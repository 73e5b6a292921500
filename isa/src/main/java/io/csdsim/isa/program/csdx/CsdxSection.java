package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;

/**
 * One section of a {@code .csdx} file: how a program's part is written into its payload, and how it
 * is read back into the program's parts. The sections are written and read in {@link CsdxFile#SECTIONS}'
 * order, each under its tag and the format version that added it, so a section may check what it
 * reads against the sections before it.
 */
interface CsdxSection
{
    SectionPayload write(ChipProgram p);

    /** Reads the payload into the parts, checking every field it reads; @see SectionReader#expect. */
    void read(SectionReader r, ProgramParts parts);

    /** A section under its 4-byte tag, required in files of version {@code since} and later. */
    record Tagged(String tag, int since, CsdxSection section)
    {
        /** @return whether a file of this format version must hold the section. */
        boolean requiredIn(final int version)
        {
            return version >= since;
        }
    }
}
