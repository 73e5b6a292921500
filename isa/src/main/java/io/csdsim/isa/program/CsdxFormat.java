package io.csdsim.isa.program;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.csdx.CsdxFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The binary chip program, {@code .csdx} (docs/chip-program.md): the magic "CSDX", a u16 format
 * version and a u16 section count, then sections, each a 4-byte tag, a u32 payload length, the
 * payload's CRC-32 and the payload; all little-endian. Weight tables are stored once, in TABL, and
 * edges refer to them by id. A truncated or corrupted file is answered with the section and offset.
 * The framing and each section's reader and writer are in {@code isa.program.csdx}.
 */
public final class CsdxFormat
{
    public static final int VERSION = CsdxFile.VERSION;
    /** The oldest version this csdsim reads ({@link CsdxFile#OLDEST_VERSION}). */
    public static final int OLDEST_VERSION = CsdxFile.OLDEST_VERSION;

    private CsdxFormat()
    {
    }

    /** @return the program's bytes; the same program always gives the same bytes. */
    public static byte[] write(final ChipProgram p)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try
        {
            write(p, out);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Streams the program; the route section, which can pass 2 GB, is written in chunks. */
    public static void write(final ChipProgram p, final OutputStream out) throws IOException
    {
        CsdxFile.write(p, out);
    }

    /** Reads and checks a program held in memory; {@code src} names it in messages. */
    public static ChipProgram read(final String src, final byte[] bytes)
    {
        return CsdxFile.read(src, new CsdxFile.Source()
        {
            @Override
            public long size()
            {
                return bytes.length;
            }

            @Override
            public byte[] read(final long offset, final int n)
            {
                return java.util.Arrays.copyOfRange(bytes, (int)offset, (int)offset + n);
            }
        });
    }

    /** @return whether the file starts with a program's magic "CSDX", whatever its name; false when unreadable. */
    public static boolean isProgramFile(final Path path)
    {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(path))
        {
            return CsdxFile.isMagic(in.readNBytes(CsdxFile.magicLength()));
        }
        catch (final IOException e)
        {
            return false;
        }
    }

    /** Reads and checks a program file, which may be larger than 2 GB. */
    public static ChipProgram read(final Path path)
    {
        final String src = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long size = ch.size();
            return CsdxFile.read(src, new CsdxFile.Source()
            {
                @Override
                public long size()
                {
                    return size;
                }

                @Override
                public byte[] read(final long offset, final int n)
                {
                    final ByteBuffer b = ByteBuffer.allocate(n);
                    try
                    {
                        while (b.hasRemaining())
                        {
                            if (ch.read(b, offset + b.position()) < 0)
                            {
                                throw new ChipInputException(src, "offset " + (offset + b.position()), "unexpected end of file");
                            }
                        }
                    }
                    catch (final IOException e)
                    {
                        throw new UncheckedIOException(e);
                    }
                    return b.array();
                }
            });
        }
        catch (final java.nio.file.NoSuchFileException e)
        {
            throw new ChipInputException(src, "", "file not found");
        }
        catch (final IOException e)
        {
            throw new ChipInputException(src, "", "cannot be read (" + e.getMessage() + ")");
        }
    }
}
