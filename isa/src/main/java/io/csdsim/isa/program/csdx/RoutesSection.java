package io.csdsim.isa.program.csdx;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.RouteTable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * ROUT, the last section: the route table, four ints per route (source group, target group, edge or
 * relay, entries). Unlike the others it is streamed in chunks both ways, since it may pass 2 GB.
 */
final class RoutesSection
{
    static final String TAG = "ROUT";
    private static final int ROUTE_BYTES = 16;
    private static final int CHUNK_ROUTES = 1 << 16;

    private RoutesSection()
    {
    }

    /** Fills buf with routes [from, from + n) as four little-endian ints each. */
    private static void encode(final RouteTable r, final int from, final int n, final ByteBuffer buf)
    {
        buf.clear();
        for (int i = from; i < from + n; i++)
        {
            buf.putInt(r.source(i)).putInt(r.target(i)).putInt(r.edge(i)).putInt(r.entries(i));
        }
        buf.flip();
    }

    /** Writes the section, header included: the CRC is computed in a first pass over the chunks. */
    static void write(final OutputStream out, final RouteTable r) throws IOException
    {
        final long len = 4 + (long)ROUTE_BYTES * r.size();
        if (len > 0xFFFFFFFFL)
        {
            throw new IllegalStateException(r.size() + " routes exceed the 4 GB route section of format version " + CsdxFile.VERSION);
        }
        final ByteBuffer count = CsdxFile.le(4).putInt(0, r.size());
        final CRC32 crc = new CRC32();
        crc.update(count.array());
        final ByteBuffer buf = CsdxFile.le(CHUNK_ROUTES * ROUTE_BYTES);
        for (int i = 0; i < r.size(); i += CHUNK_ROUTES)
        {
            encode(r, i, Math.min(CHUNK_ROUTES, r.size() - i), buf);
            crc.update(buf);
        }
        final ByteBuffer h = CsdxFile.le(12);
        h.put(TAG.getBytes(StandardCharsets.US_ASCII)).putInt((int)len).putInt((int)crc.getValue());
        out.write(h.array());
        out.write(count.array());
        for (int i = 0; i < r.size(); i += CHUNK_ROUTES)
        {
            encode(r, i, Math.min(CHUNK_ROUTES, r.size() - i), buf);
            out.write(buf.array(), 0, buf.limit());
        }
    }

    /** Reads the section whose header is at {@code at}, checking its length, count and CRC. */
    static RouteTable read(final String src, final CsdxFile.Source in, final long at, final long len, final int stored)
    {
        if (len < 4 || (len - 4) % ROUTE_BYTES != 0)
        {
            throw new ChipInputException(src, "section ROUT at offset " + at, "length " + len + " is not 4 + 16 × routes");
        }
        final CRC32 crc = new CRC32();
        final byte[] cb = in.read(at + 12, 4);
        crc.update(cb);
        final int n = ByteBuffer.wrap(cb).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (n < 0 || 4 + (long)ROUTE_BYTES * n != len)
        {
            throw new ChipInputException(src, "section ROUT, offset " + (at + 12), "count " + n + " does not match the section length " + len);
        }
        final int[] source = new int[n];
        final int[] target = new int[n];
        final int[] edge = new int[n];
        final int[] entries = new int[n];
        for (int i = 0; i < n; i += CHUNK_ROUTES)
        {
            final int k = Math.min(CHUNK_ROUTES, n - i);
            final byte[] chunk = in.read(at + 16 + (long)ROUTE_BYTES * i, ROUTE_BYTES * k);
            crc.update(chunk);
            final ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < k; j++)
            {
                source[i + j] = b.getInt();
                target[i + j] = b.getInt();
                edge[i + j] = b.getInt();
                entries[i + j] = b.getInt();
            }
        }
        if ((int)crc.getValue() != stored)
        {
            throw new ChipInputException(src, "section ROUT at offset " + at, String.format(
                "CRC mismatch (stored %08x, computed %08x): the file is corrupted", stored, (int)crc.getValue()));
        }
        return new RouteTable(source, target, edge, entries);
    }

    /** Checks every route's groups and edge against the program's (after GRPS and EDGE are read). */
    static void check(final ProgramParts parts)
    {
        final RouteTable routes = parts.routes;
        for (int i = 0; i < routes.size(); i++)
        {
            if (routes.source(i) < 0 || routes.source(i) >= parts.groups.size() || routes.target(i) < 0
                || routes.target(i) >= parts.groups.size() || routes.edge(i) < RouteTable.RELAY || routes.edge(i) >= parts.edges.size())
            {
                throw new ChipInputException(parts.src, "section ROUT, route " + i, "group or edge out of bounds");
            }
        }
    }
}
