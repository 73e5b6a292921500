package io.csdsim.isa.program.csdx;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramConsistency;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The framing of a {@code .csdx} file: the magic "CSDX", a u16 format version and a u16 section
 * count, then sections, each a 4-byte tag, a u32 payload length, the payload's CRC-32 and the
 * payload; all little-endian. What each section holds is its own class ({@link #SECTIONS}, then the
 * streamed {@link RoutesSection}); a new section is one class and one line here.
 */
public final class CsdxFile
{
    /** The format version this csdsim writes. */
    public static final int VERSION = 4;
    /**
     * The oldest version this csdsim reads: version 1 lacks NEUR (no population names a neuron model),
     * versions 1 and 2 lack POOL (every max-pool is 3×3 / 2 / pad 1), versions 1 to 3 lack PROD (a
     * product edge is attention's Q·Kᵀ, code 1, or A·V, code 2, split into the heads its EDGE record
     * gives).
     */
    public static final int OLDEST_VERSION = 1;
    static final byte[] MAGIC = {'C', 'S', 'D', 'X'};
    /** The sections before ROUT, in the order they are written and read. */
    private static final List<CsdxSection.Tagged> SECTIONS = List.of(new CsdxSection.Tagged("HEAD", 1, new HeadSection()),
        new CsdxSection.Tagged("SPEC", 1, new SpecSection()), new CsdxSection.Tagged("TABL", 1, new TablesSection()),
        new CsdxSection.Tagged("POPS", 1, new PopulationsSection()), new CsdxSection.Tagged("NEUR", 2, new NeuronModelsSection()),
        new CsdxSection.Tagged("EDGE", 1, new EdgesSection()), new CsdxSection.Tagged("POOL", 3, new PoolWindowsSection()),
        new CsdxSection.Tagged("PROD", 4, new ProductMapsSection()), new CsdxSection.Tagged("GRPS", 1, new GroupsSection()));

    private CsdxFile()
    {
    }

    /** Random access to the bytes of a program: an array in memory, or a file of any size. */
    public interface Source
    {
        long size();

        /** Reads n bytes at offset into a new array (the caller checked the bounds). */
        byte[] read(long offset, int n);
    }

    static ByteBuffer le(final int n)
    {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return whether these bytes start a program: the magic "CSDX". */
    public static boolean isMagic(final byte[] head)
    {
        return java.util.Arrays.equals(head, MAGIC);
    }

    /** @return the length of the magic that starts every program. */
    public static int magicLength()
    {
        return MAGIC.length;
    }

    /** Streams the program; the route section, which can pass 2 GB, is written in chunks. */
    public static void write(final ChipProgram p, final OutputStream out) throws IOException
    {
        final ByteBuffer head = le(8);
        head.put(MAGIC).putShort((short)VERSION).putShort((short)(SECTIONS.size() + 1));
        out.write(head.array());
        for (final CsdxSection.Tagged s : SECTIONS)
        {
            final byte[] data = s.section().write(p).bytes();
            final CRC32 crc = new CRC32();
            crc.update(data);
            final ByteBuffer h = le(12);
            h.put(s.tag().getBytes(StandardCharsets.US_ASCII)).putInt(data.length).putInt((int)crc.getValue());
            out.write(h.array());
            out.write(data);
        }
        RoutesSection.write(out, p.routes());
    }

    /** Reads and checks a program; {@code src} names it in messages. */
    public static ChipProgram read(final String src, final Source in)
    {
        final long total = in.size();
        if (total < 8)
        {
            throw new ChipInputException(src, "offset 0", "truncated: " + total + " bytes, expected the 8-byte CSDX header");
        }
        final byte[] header = in.read(0, 8);
        for (int i = 0; i < 4; i++)
        {
            if (header[i] != MAGIC[i])
            {
                throw new ChipInputException(src, "offset 0", "not a csdsim chip program: expected the magic CSDX");
            }
        }
        final ByteBuffer hb = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        final int version = hb.getShort(4) & 0xFFFF;
        if (version < OLDEST_VERSION || version > VERSION)
        {
            throw new ChipInputException(src, "offset 4", "format version " + version + "; this csdsim reads versions " + OLDEST_VERSION
                + " to " + VERSION + " (recompile the model with this csdsim: csdsim compile MODEL.json)");
        }
        final ProgramParts parts = new ProgramParts(src, version);
        final Map<String, SectionReader> sections = frames(src, in, hb.getShort(6) & 0xFFFF, parts);
        for (final CsdxSection.Tagged s : SECTIONS)
        {
            if (s.requiredIn(version) && !sections.containsKey(s.tag()))
            {
                throw new ChipInputException(src, "section " + s.tag(), "missing");
            }
        }
        if (parts.routes == null)
        {
            throw new ChipInputException(src, "section " + RoutesSection.TAG, "missing");
        }
        for (final CsdxSection.Tagged s : SECTIONS)
        {
            final SectionReader r = sections.get(s.tag());
            if (r != null)
            {
                s.section().read(r, parts);
            }
        }
        RoutesSection.check(parts);
        final ChipProgram program = parts.program();
        ProgramConsistency.check(src, program);
        return program;
    }

    /**
     * Walks the section frames, checking each one's bounds and CRC. @return the payloads by tag (the
     * route table, streamed, goes straight into the parts)
     */
    private static Map<String, SectionReader> frames(final String src, final Source in, final int count, final ProgramParts parts)
    {
        final long total = in.size();
        final Map<String, SectionReader> sections = new LinkedHashMap<>();
        long at = 8;
        for (int s = 0; s < count; s++)
        {
            if (at + 12 > total)
            {
                throw new ChipInputException(src, "offset " + at, "truncated: section " + (s + 1) + " of " + count + " has no complete header");
            }
            final ByteBuffer sh = ByteBuffer.wrap(in.read(at, 12)).order(ByteOrder.LITTLE_ENDIAN);
            final String tag = new String(sh.array(), 0, 4, StandardCharsets.US_ASCII);
            final long len = sh.getInt(4) & 0xFFFFFFFFL;
            final int stored = sh.getInt(8);
            if (at + 12 + len > total)
            {
                throw new ChipInputException(src, "section " + tag + " at offset " + at, "truncated: " + len + " bytes announced, "
                    + (total - at - 12) + " present");
            }
            if (tag.equals(RoutesSection.TAG))
            {
                parts.routes = RoutesSection.read(src, in, at, len, stored);
            }
            else
            {
                if (len > Integer.MAX_VALUE - 16)
                {
                    throw new ChipInputException(src, "section " + tag + " at offset " + at, "length " + len + " is beyond any program");
                }
                final byte[] payload = in.read(at + 12, (int)len);
                final CRC32 crc = new CRC32();
                crc.update(payload);
                if ((int)crc.getValue() != stored)
                {
                    throw new ChipInputException(src, "section " + tag + " at offset " + at, String.format(
                        "CRC mismatch (stored %08x, computed %08x): the file is corrupted", stored, (int)crc.getValue()));
                }
                sections.put(tag, new SectionReader(src, tag, ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN), 0, (int)len, at + 12));
            }
            at += 12 + len;
        }
        if (at != total)
        {
            throw new ChipInputException(src, "offset " + at, (total - at) + " bytes follow the last section");
        }
        return sections;
    }
}
