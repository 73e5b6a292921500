package io.csdsim.isa.program;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary chip program, {@code .csdx} (docs/chip-program.md): the magic "CSDX", a u16 format
 * version and a u16 section count, then sections, each a 4-byte tag, a u32 payload length, the
 * payload's CRC-32 and the payload; all little-endian. Weight tables are stored once, in TABL, and
 * edges refer to them by id. A truncated or corrupted file is answered with the section and offset.
 */
public final class CsdxFormat
{
    public static final int VERSION = 4;
    /**
     * The oldest version this csdsim reads: version 1 lacks NEUR (no population names a neuron model),
     * versions 1 and 2 lack POOL (every max-pool is 3×3 / 2 / pad 1), versions 1 to 3 lack PROD (a
     * product edge is attention's Q·Kᵀ, code 1, or A·V, code 2, split into the heads its EDGE record
     * gives).
     */
    public static final int OLDEST_VERSION = 1;
    private static final byte[] MAGIC = {'C', 'S', 'D', 'X'};
    private static final String[] SECTIONS = {"HEAD", "SPEC", "TABL", "POPS", "NEUR", "EDGE", "POOL", "PROD", "GRPS", "ROUT"};

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
        final ByteBuffer head = le(8);
        head.put(MAGIC).putShort((short)VERSION).putShort((short)SECTIONS.length);
        out.write(head.array());
        section(out, "HEAD", head(p));
        section(out, "SPEC", spec(p.spec));
        section(out, "TABL", tables(p));
        section(out, "POPS", populations(p));
        section(out, "NEUR", neuronModels(p));
        section(out, "EDGE", edges(p));
        section(out, "POOL", poolWindows(p));
        section(out, "PROD", productMaps(p));
        section(out, "GRPS", groups(p));
        routes(out, p.routes());
    }

    private static final int ROUTE_BYTES = 16;
    private static final int CHUNK_ROUTES = 1 << 16;

    /** Fills buf with routes [from, from + n) as four little-endian ints each. */
    private static void encodeRoutes(final RouteTable r, final int from, final int n, final ByteBuffer buf)
    {
        buf.clear();
        for (int i = from; i < from + n; i++)
        {
            buf.putInt(r.source(i)).putInt(r.target(i)).putInt(r.edge(i)).putInt(r.entries(i));
        }
        buf.flip();
    }

    private static void routes(final OutputStream out, final RouteTable r) throws IOException
    {
        final long len = 4 + (long)ROUTE_BYTES * r.size();
        if (len > 0xFFFFFFFFL)
        {
            throw new IllegalStateException(r.size() + " routes exceed the 4 GB route section of format version " + VERSION);
        }
        final ByteBuffer count = le(4).putInt(0, r.size());
        final CRC32 crc = new CRC32();
        crc.update(count.array());
        final ByteBuffer buf = le(CHUNK_ROUTES * ROUTE_BYTES);
        for (int i = 0; i < r.size(); i += CHUNK_ROUTES)
        {
            encodeRoutes(r, i, Math.min(CHUNK_ROUTES, r.size() - i), buf);
            crc.update(buf);
        }
        final ByteBuffer h = le(12);
        h.put("ROUT".getBytes(StandardCharsets.US_ASCII)).putInt((int)len).putInt((int)crc.getValue());
        out.write(h.array());
        out.write(count.array());
        for (int i = 0; i < r.size(); i += CHUNK_ROUTES)
        {
            encodeRoutes(r, i, Math.min(CHUNK_ROUTES, r.size() - i), buf);
            out.write(buf.array(), 0, buf.limit());
        }
    }

    private static ByteBuffer le(final int n)
    {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void section(final OutputStream out, final String tag, final Payload payload) throws IOException
    {
        final byte[] data = payload.bytes();
        final CRC32 crc = new CRC32();
        crc.update(data);
        final ByteBuffer h = le(12);
        h.put(tag.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).putInt((int)crc.getValue());
        out.write(h.array());
        out.write(data);
    }

    /** A growable little-endian payload. */
    private static final class Payload
    {
        private ByteBuffer buf = le(1024);

        private void ensure(final int n)
        {
            if (buf.remaining() < n)
            {
                final ByteBuffer b = le(Math.max(buf.capacity() * 2, buf.position() + n));
                buf.flip();
                b.put(buf);
                buf = b;
            }
        }

        Payload i8(final int v)
        {
            ensure(1);
            buf.put((byte)v);
            return this;
        }

        Payload i32(final int v)
        {
            ensure(4);
            buf.putInt(v);
            return this;
        }

        Payload i64(final long v)
        {
            ensure(8);
            buf.putLong(v);
            return this;
        }

        Payload f64(final double v)
        {
            ensure(8);
            buf.putDouble(v);
            return this;
        }

        Payload str(final String s)
        {
            final byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(4 + b.length);
            buf.putInt(b.length).put(b);
            return this;
        }

        Payload ints(final int[] v)
        {
            ensure(4 + 4 * v.length);
            buf.putInt(v.length);
            for (final int x : v)
            {
                buf.putInt(x);
            }
            return this;
        }

        Payload shorts(final short[] v)
        {
            ensure(4 + 2 * v.length);
            buf.putInt(v.length);
            for (final short s : v)
            {
                buf.putShort(s);
            }
            return this;
        }

        byte[] bytes()
        {
            final byte[] b = new byte[buf.position()];
            buf.get(0, b);
            return b;
        }
    }

    private static Payload head(final ChipProgram p)
    {
        return new Payload().str(p.name).i32(p.timeWindow).i32(p.delay).i32(p.chips).i32(p.outputReadyTick).i32(p.initiationInterval);
    }

    private static Payload spec(final ChipSpec s)
    {
        final Payload out = new Payload().str(s.name()).str(s.description()).i32(ChipField.values().length);
        for (final ChipField f : ChipField.values())
        {
            out.str(f.key).f64(s.get(f)).str(s.source(f));
        }
        return out;
    }

    private static Payload tables(final ChipProgram p)
    {
        final Payload out = new Payload().i32(p.tables().size());
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

    /** The window of every max-pool edge, by edge id. */
    private static Payload poolWindows(final ChipProgram p)
    {
        final List<ProgramEdge> pools = p.edges().stream().filter(e -> e.pool() != null).toList();
        final Payload out = new Payload().i32(pools.size());
        for (final ProgramEdge e : pools)
        {
            out.i32(e.id()).i32(e.pool().kernel()).i32(e.pool().stride()).i32(e.pool().pad());
        }
        return out;
    }

    /** The index map of every product edge, by edge id, in its text form. */
    private static Payload productMaps(final ChipProgram p)
    {
        final List<ProgramEdge> products = p.edges().stream().filter(e -> e.product() != null).toList();
        final Payload out = new Payload().i32(products.size());
        for (final ProgramEdge e : products)
        {
            out.i32(e.id()).str(e.product().toString());
        }
        return out;
    }

    /** The neuron model and named parameters of every population that names one, by population id. */
    private static Payload neuronModels(final ChipProgram p)
    {
        final List<ProgramPopulation> named = p.populations().stream().filter(q -> q.neuron() != null).toList();
        final Payload out = new Payload().i32(named.size());
        for (final ProgramPopulation q : named)
        {
            out.i32(q.id()).str(q.neuron().model()).i32(q.neuron().parameters().size());
            q.neuron().parameters().forEach((k, v) -> out.str(k).str(v));
        }
        return out;
    }

    private static Payload populations(final ChipProgram p)
    {
        final Payload out = new Payload().i32(p.populations().size());
        for (final ProgramPopulation q : p.populations())
        {
            out.i32(q.id()).str(q.name()).i8(q.kind().fileCode()).i32(q.shape().length);
            for (final int d : q.shape())
            {
                out.i32(d);
            }
            out.i32(q.theta()).i32(q.v0()).i32(q.windowStart()).i32(q.bias() == null ? -1 : q.bias().length);
            if (q.bias() != null)
            {
                for (final long b : q.bias())
                {
                    out.i64(b);
                }
            }
        }
        return out;
    }

    private static Payload edges(final ChipProgram p)
    {
        final Payload out = new Payload().i32(p.edges().size());
        for (final ProgramEdge e : p.edges())
        {
            out.i32(e.id()).i32(e.target()).i8(e.kind().fileCode()).i32(e.table()).i32(e.sourceA()).i32(e.sourceB())
                .i32(0).i32(e.shift()).i32(e.delay());
        }
        return out;
    }

    private static Payload groups(final ChipProgram p)
    {
        final Payload out = new Payload().i32(p.groups().size());
        for (final NeuronGroup g : p.groups())
        {
            out.i32(g.id()).i32(g.population()).i32(g.start()).i32(g.end()).i32(g.core()).i8(g.role().fileCode()).i32(g.parent())
                .i32(g.pieces().length);
            for (final int v : g.pieces())
            {
                out.i32(v);
            }
        }
        return out;
    }

    /** Random access to the bytes of a program: an array in memory, or a file of any size. */
    private interface Source
    {
        long size();

        /** Reads n bytes at offset into a new array (the caller checked the bounds). */
        byte[] read(long offset, int n);
    }

    /** Reads and checks a program held in memory; {@code src} names it in messages. */
    public static ChipProgram read(final String src, final byte[] bytes)
    {
        return read(src, new Source()
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
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
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
            return read(src, new Source()
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

    private static ChipProgram read(final String src, final Source in)
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
        final int count = hb.getShort(6) & 0xFFFF;
        final Map<String, Reader> sections = new LinkedHashMap<>();
        RouteTable routeTable = null;
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
            if (tag.equals("ROUT"))
            {
                routeTable = readRoutes(src, in, at, len, stored);
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
                sections.put(tag, new Reader(src, tag, ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN), 0, (int)len, at + 12));
            }
            at += 12 + len;
        }
        if (at != total)
        {
            throw new ChipInputException(src, "offset " + at, (total - at) + " bytes follow the last section");
        }
        for (final String tag : SECTIONS)
        {
            if (tag.equals("NEUR") && version < 2 || tag.equals("POOL") && version < 3 || tag.equals("PROD") && version < 4)
            {
                continue;
            }
            if (!tag.equals("ROUT") && !sections.containsKey(tag) || tag.equals("ROUT") && routeTable == null)
            {
                throw new ChipInputException(src, "section " + tag, "missing");
            }
        }
        final Reader h = sections.get("HEAD");
        final String name = h.str();
        final int t = h.i32();
        final int d = h.i32();
        final int chips = h.i32();
        final int ready = h.i32();
        final int ii = h.i32();
        // Every HEAD field is bounded before it sizes any work: T and D as in a model file, a board the mapper could make.
        h.expectAt(0, t >= 1 && t <= ChipProgram.MAX_RUN_TICKS, "T = " + t + "; expected 1.." + ChipProgram.MAX_TIME_WINDOW
            + " (a program of DIF neurons) or 1.." + ChipProgram.MAX_RUN_TICKS + " (ticks of other neuron models; docs/reliability.md)");
        h.expectAt(0, d >= 0 && d <= ChipProgram.MAX_DELAY, "D = " + d + "; expected 0.." + ChipProgram.MAX_DELAY);
        h.expectAt(0, chips >= 1, "chips = " + chips + "; expected >= 1");
        h.expectAt(0, ready >= t && ready <= ChipProgram.MAX_READY_TICK, "output ready at tick " + ready + "; expected " + t + ".."
            + ChipProgram.MAX_READY_TICK);
        h.expectAt(0, ii >= 1 && ii <= ChipProgram.MAX_READY_TICK, "initiation interval " + ii + "; expected 1.." + ChipProgram.MAX_READY_TICK);
        h.end();
        final ChipSpec spec = readSpec(sections.get("SPEC"));
        if ((long)chips * spec.coresPerChip() > ChipProgram.MAX_BOARD_CORES)
        {
            throw new ChipInputException(src, "section HEAD", String.format(java.util.Locale.ROOT, "%,d chips of %,d cores; at most %,d cores "
                + "on a board (docs/reliability.md)", chips, spec.coresPerChip(), ChipProgram.MAX_BOARD_CORES));
        }
        final List<SynapseTable> tables = new ArrayList<>();
        final Reader tr = sections.get("TABL");
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
            tables.add(switch (kind)
            {
                case SPARSE -> new SynapseTable(id, kind, height, width, inFeatures, outFeatures, m, tr.ints(), tr.ints());
                case CONV -> SynapseTable.conv(id, height, width, inFeatures, outFeatures, new ConvShape(tr.i32(), tr.i32(), tr.i32(), tr.i32()), m);
                default -> new SynapseTable(id, kind, height, width, inFeatures, outFeatures, m);
            });
        }
        tr.end();
        final List<ProgramPopulation> pops = new ArrayList<>();
        final Reader pr = sections.get("POPS");
        for (int i = 0, n = pr.count(); i < n; i++)
        {
            final int id = pr.i32();
            pr.expect(id == i, "population " + i + " carries id " + id);
            final String pname = pr.str();
            final ProgramPopulation.Kind kind = pr.kind(ProgramPopulation.Kind.values());
            final int[] shape = new int[pr.count()];
            for (int k = 0; k < shape.length; k++)
            {
                shape[k] = pr.i32();
            }
            final int theta = pr.i32();
            final int v0 = pr.i32();
            final int ws = pr.i32();
            final int nb = pr.i32();
            long[] bias = null;
            if (nb >= 0)
            {
                pr.expect(nb <= (pr.remaining() / 8), "bias of " + nb + " values overruns the section");
                bias = new long[nb];
                for (int k = 0; k < nb; k++)
                {
                    bias[k] = pr.i64();
                }
            }
            pops.add(new ProgramPopulation(id, pname, kind, shape, theta, v0, bias, ws));
        }
        pr.end();
        final long difPopulations = pops.stream().filter(q -> q.kind() == ProgramPopulation.Kind.DIF).count();
        h.expectAt(0, t <= ChipProgram.MAX_TIME_WINDOW || difPopulations == 0, "T = " + t + "; a program of DIF neurons has a window of 1.."
            + ChipProgram.MAX_TIME_WINDOW);
        final Reader nr = sections.get("NEUR");
        for (int i = 0, n = nr == null ? 0 : nr.count(); i < n; i++)
        {
            final int id = nr.i32();
            nr.expect(id >= 0 && id < pops.size() && pops.get(id).neuron() == null, "neuron model of population " + id
                + ": no such population, or a second model");
            final String model = nr.str();
            final java.util.SortedMap<String, String> parameters = new java.util.TreeMap<>();
            for (int k = 0, np = nr.count(); k < np; k++)
            {
                final String key = nr.str();
                nr.expect(parameters.put(key, nr.str()) == null, "neuron parameter '" + key + "' given twice");
            }
            nr.expect(!model.isEmpty(), "population " + id + ": a neuron model needs a name");
            final ProgramPopulation q = pops.get(id);
            pops.set(id, new ProgramPopulation(q.id(), q.name(), q.kind(), q.shape(), q.theta(), q.v0(), q.bias(), q.windowStart(),
                new NeuronSpec(model, parameters)));
        }
        if (nr != null)
        {
            nr.end();
        }
        final List<ProgramEdge> edges = new ArrayList<>();
        final Reader er = sections.get("EDGE");
        for (int i = 0, n = er.count(); i < n; i++)
        {
            final int eid = er.i32();
            final int etarget = er.i32();
            // Before version 4 code 2 was attention's A·V; both attention products are product maps now.
            final boolean legacyValues = version < 4 && er.peekByte() == 2;
            final ProgramEdge.Kind kind = legacyValues ? er.skipByte(ProgramEdge.Kind.TDEC_PRODUCT) : er.kind(ProgramEdge.Kind.values());
            final int etable = er.i32();
            final int ea = er.i32();
            final int eb = er.i32();
            final int heads = er.i32();
            final ProgramEdge e = new ProgramEdge(eid, etarget, kind, etable, ea, eb, null, er.i32(), er.i32());
            er.expect(e.id() == i, "edge " + i + " carries id " + e.id());
            er.expect(e.target() >= 0 && e.target() < pops.size(), "edge " + i + ": target population " + e.target() + " does not exist");
            er.expect(e.sourceA() >= 0 && e.sourceA() < pops.size(), "edge " + i + ": source population " + e.sourceA() + " does not exist");
            er.expect(e.sourceB() >= -1 && e.sourceB() < pops.size(), "edge " + i + ": source population " + e.sourceB() + " does not exist");
            er.expect(e.table() >= -1 && e.table() < tables.size(), "edge " + i + ": table " + e.table() + " does not exist");
            if (version < 4 && kind == ProgramEdge.Kind.TDEC_PRODUCT)
            {
                final int[] v = e.sourceB() >= 0 ? pops.get(e.sourceB()).shape() : new int[0];
                er.expect(v.length == 2 && heads >= 1 && v[1] % heads == 0, "edge " + i + ": an attention product of "
                    + java.util.Arrays.toString(v) + " in " + heads + " heads (expected [tokens, features] and features divisible by heads)");
                edges.add(e.withProduct(legacyValues ? ProductMap.attentionValues(v[0], v[1], heads) : ProductMap.attentionScores(v[0], v[1], heads)));
            }
            else
            {
                edges.add(e);
            }
        }
        er.end();
        final Reader wr = sections.get("POOL");
        final boolean[] windowed = new boolean[edges.size()];
        for (int i = 0, n = wr == null ? 0 : wr.count(); i < n; i++)
        {
            final int id = wr.i32();
            wr.expect(id >= 0 && id < edges.size() && edges.get(id).kind() == ProgramEdge.Kind.POOL && !windowed[id], "pool window of edge "
                + id + ": no such max-pool edge, or a second window");
            windowed[id] = true;
            final ProgramEdge e = edges.get(id);
            edges.set(id, e.withPool(new PoolShape(wr.i32(), wr.i32(), wr.i32())));
        }
        if (wr != null)
        {
            wr.end();
        }
        final Reader mr = sections.get("PROD");
        for (int i = 0, n = mr == null ? 0 : mr.count(); i < n; i++)
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
        }
        if (mr != null)
        {
            mr.end();
        }
        final List<NeuronGroup> groups = new ArrayList<>();
        final Reader gr = sections.get("GRPS");
        for (int i = 0, n = gr.count(); i < n; i++)
        {
            final int gid = gr.i32();
            final int gpop = gr.i32();
            final int gstart = gr.i32();
            final int gend = gr.i32();
            final int gcore = gr.i32();
            final NeuronGroup.Role role = gr.kind(NeuronGroup.Role.values());
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
            gr.expect(g.population() >= 0 && g.population() < pops.size() && g.start() >= 0 && g.end() > g.start()
                && g.end() <= pops.get(g.population()).size(), "group " + i + ": range or population out of bounds");
            gr.expect(g.core() >= 0 && g.core() < chips * spec.coresPerChip(), "group " + i + ": core " + g.core() + " is not on the board");
            groups.add(g);
        }
        gr.end();
        for (int i = 0; i < routeTable.size(); i++)
        {
            if (routeTable.source(i) < 0 || routeTable.source(i) >= groups.size() || routeTable.target(i) < 0
                || routeTable.target(i) >= groups.size() || routeTable.edge(i) < RouteTable.RELAY || routeTable.edge(i) >= edges.size())
            {
                throw new ChipInputException(src, "section ROUT, route " + i, "group or edge out of bounds");
            }
        }
        final ChipProgram program = new ChipProgram(name, t, d, spec, chips, ready, ii, tables, pops, edges, groups, routeTable);
        ProgramConsistency.check(src, program);
        return program;
    }

    /** Streams the route section in chunks, checking its CRC; it may be larger than any array of bytes. */
    private static RouteTable readRoutes(final String src, final Source in, final long at, final long len, final int stored)
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

    private static ChipSpec readSpec(final Reader r)
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
        try
        {
            return ChipSpec.of(name, desc, values, sources);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ChipInputException(r.src, "section SPEC", e.getMessage());
        }
    }

    /** Bounds-checked reading of one section's payload, naming the section and the offset on error. */
    private static final class Reader
    {
        private final String src;
        private final String tag;
        private final ByteBuffer b;
        private final int end;
        private final long fileOffset;
        private int at;

        Reader(final String src, final String tag, final ByteBuffer b, final int start, final int len, final long fileOffset)
        {
            this.src = src;
            this.tag = tag;
            this.b = b;
            this.end = start + len;
            this.at = start;
            this.fileOffset = fileOffset;
        }

        private void need(final int n)
        {
            // Compared as a difference: at + n overflows an int for lengths near 2^31.
            if (n < 0 || n > end - at)
            {
                throw new ChipInputException(src, "section " + tag + ", offset " + (fileOffset + at), "truncated entry: needs " + n + " bytes, "
                    + (end - at) + " left in the section");
            }
        }

        int remaining()
        {
            return end - at;
        }

        /** Like {@link #expect}, naming a field by its offset from the section's start. */
        void expectAt(final int offset, final boolean ok, final String what)
        {
            if (!ok)
            {
                throw new ChipInputException(src, "section " + tag + ", offset " + (fileOffset + offset), what);
            }
        }

        void expect(final boolean ok, final String what)
        {
            if (!ok)
            {
                throw new ChipInputException(src, "section " + tag + ", offset " + (fileOffset + at), what);
            }
        }

        int i32()
        {
            need(4);
            final int v = b.getInt(at);
            at += 4;
            return v;
        }

        /** @return the next byte, unsigned, without consuming it. */
        int peekByte()
        {
            need(1);
            return b.get(at) & 0xFF;
        }

        /** Consumes one byte and answers {@code kind}. */
        <E> E skipByte(final E kind)
        {
            need(1);
            at++;
            return kind;
        }

        int count()
        {
            final int n = i32();
            expect(n >= 0 && n <= remaining(), "count " + n + " is negative or overruns the section");
            return n;
        }

        long i64()
        {
            need(8);
            final long v = b.getLong(at);
            at += 8;
            return v;
        }

        double f64()
        {
            need(8);
            final double v = b.getDouble(at);
            at += 8;
            return v;
        }

        <E extends Enum<E> & FileCode> E kind(final E[] values)
        {
            need(1);
            final int k = b.get(at) & 0xFF;
            final E e = FileCode.byCode(values, k);
            if (e == null)
            {
                final StringBuilder codes = new StringBuilder();
                for (final E v : values)
                {
                    codes.append(codes.length() == 0 ? "" : ", ").append(v.fileCode()).append(' ').append(v.name());
                }
                expect(false, "kind " + k + " is not one of " + codes);
            }
            at++;
            return e;
        }

        String str()
        {
            final int n = i32();
            need(n);
            final byte[] s = new byte[n];
            b.get(at, s);
            at += n;
            return new String(s, StandardCharsets.UTF_8);
        }

        int[] ints()
        {
            final int n = i32();
            expect(n >= 0 && n <= remaining() / 4, "length " + n + " is negative or overruns the section");
            need(4 * n);
            final int[] v = new int[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = b.getInt(at + 4 * i);
            }
            at += 4 * n;
            return v;
        }

        short[] shorts()
        {
            final int n = i32();
            expect(n >= 0 && n <= remaining() / 2, "length " + n + " is negative or overruns the section");
            need(2 * n);
            final short[] v = new short[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = b.getShort(at + 2 * i);
            }
            at += 2 * n;
            return v;
        }

        void end()
        {
            expect(at == end, (end - at) + " bytes left over at the end of the section");
        }
    }
}
