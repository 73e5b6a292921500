package io.csdsim.tests;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.program.ProductMap;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramListing;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .csdx binary and the text listing: round trips, and one clear line for every corruption. */
class ChipProgramFormatTest
{
    private static ChipProgram program;
    private static byte[] bytes;

    @BeforeAll
    static void compileTheDefaultModel()
    {
        final var g = ModelFileReader.read(Path.of(System.getProperty("csdsim.home"), "data/models/synthetic-2-64.json"));
        final var spec = ChipSpecs.override(ChipSpecs.override(ChipSpecs.preset("loihi"), "core.tdecUnits=512"), "core.maxInputAxons=1024");
        program = Mapper.compile(IntQuantizer.quantize(g, QuantizationParams.DEFAULT), spec, MapperOptions.DEFAULT).program();
        bytes = CsdxFormat.write(program);
        assertTrue(program.groups().stream().anyMatch(x -> x.isDendrite()), "the program should exercise dendrite groups");
    }

    @Test
    void binaryRoundTrips()
    {
        final ChipProgram back = CsdxFormat.read("m.csdx", bytes);
        assertEquals(program, back);
        assertArrayEquals(bytes, CsdxFormat.write(back));
    }

    /** The program with its first DIF population made of CUBA-LIF neurons (a NEURONS population naming its model). */
    private static ChipProgram withLifPopulation()
    {
        final List<io.csdsim.isa.program.ProgramPopulation> pops = new ArrayList<>(program.populations());
        final var q = pops.stream().filter(x -> x.kind() == io.csdsim.isa.program.ProgramPopulation.Kind.DIF).findFirst().orElseThrow();
        pops.set(q.id(), new io.csdsim.isa.program.ProgramPopulation(q.id(), q.name(), io.csdsim.isa.program.ProgramPopulation.Kind.NEURONS,
            q.shape(), 0, 0, null, q.windowStart(), io.csdsim.isa.program.NeuronSpec.of("cuba-lif", "du", 410, "dv", 205, "theta", 640,
                "refractory", 2)));
        return new ChipProgram(program.name, program.timeWindow, program.delay, program.spec, program.chips, program.outputReadyTick,
            program.initiationInterval, program.tables(), pops, program.edges(), program.groups(), program.routes());
    }

    @Test
    void aPopulationsNeuronModelAndParametersRoundTripInBothForms()
    {
        final ChipProgram lif = withLifPopulation();
        final byte[] b = CsdxFormat.write(lif);
        final ChipProgram back = CsdxFormat.read("lif.csdx", b);
        assertEquals(lif, back);
        assertEquals("cuba-lif", back.populations().stream().filter(x -> x.neuron() != null).findFirst().orElseThrow().neuron().model());
        assertArrayEquals(b, CsdxFormat.write(back));
        final String listing = ProgramListing.print(lif, true);
        assertTrue(listing.contains("neuron=cuba-lif du=410 dv=205 refractory=2 theta=640"), listing);
        assertEquals(lif, ProgramListing.parse("lif.lst", listing));
    }

    /**
     * The program's bytes without the sections of these tags, under an older version and section count;
     * before version 4 the EDGE records are rewritten as those versions wrote them (docs/chip-program.md):
     * attention's products as kind 1 (Q·Kᵀ) or 2 (A·V) with their heads in the slot version 4 reserves.
     */
    private static byte[] olderVersion(final int version, final String... cut)
    {
        final ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(bytes, 0, 8);
        int sections = 0;
        for (int at = 8; at < bytes.length; )
        {
            final int len = 12 + in.getInt(at + 4);
            final String tag = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            if (!List.of(cut).contains(tag))
            {
                final byte[] section = java.util.Arrays.copyOfRange(bytes, at, at + len);
                if (tag.equals("EDGE") && version < 4)
                {
                    legacyEdges(ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN));
                }
                out.write(section, 0, len);
                sections++;
            }
            at += len;
        }
        final byte[] old = out.toByteArray();
        ByteBuffer.wrap(old).order(ByteOrder.LITTLE_ENDIAN).putShort(4, (short)version).putShort(6, (short)sections);
        return old;
    }

    /** Rewrites a whole EDGE section (header included) in the layout of versions 1 to 3, and its CRC. */
    private static void legacyEdges(final ByteBuffer s)
    {
        // Per edge: id, target (i32), kind (u8), table, a, b, heads, shift, delay (i32): 33 bytes after the count.
        int products = 0;
        for (final ProgramEdge e : program.edges())
        {
            final int at = 12 + 4 + 33 * e.id();
            if (e.kind() != ProgramEdge.Kind.TDEC_PRODUCT)
            {
                continue;
            }
            final int[] v = program.populations().get(e.sourceB()).shape();
            for (int heads = 1; heads <= v[1]; heads++)
            {
                if (v[1] % heads != 0)
                {
                    continue;
                }
                final boolean scores = e.product().equals(ProductMap.attentionScores(v[0], v[1], heads));
                if (scores || e.product().equals(ProductMap.attentionValues(v[0], v[1], heads)))
                {
                    s.put(at + 8, (byte)(scores ? 1 : 2)).putInt(at + 9 + 12, heads);
                    products++;
                }
            }
        }
        assertTrue(products >= 2, "the program should hold attention products");
        final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(s.array(), 12, s.capacity() - 12);
        s.putInt(8, (int)crc.getValue());
    }

    @Test
    void olderVersionsReadAsBefore()
    {
        // Version 1 lacks NEUR, POOL and PROD, version 2 POOL and PROD, version 3 PROD: their programs mean what they meant.
        assertEquals(program, CsdxFormat.read("v1.csdx", olderVersion(1, "NEUR", "POOL", "PROD")));
        assertEquals(program, CsdxFormat.read("v2.csdx", olderVersion(2, "POOL", "PROD")));
        assertEquals(program, CsdxFormat.read("v3.csdx", olderVersion(3, "PROD")));
        // The current version must carry all three.
        for (final String tag : List.of("POOL", "NEUR", "PROD"))
        {
            final byte[] without = olderVersion(CsdxFormat.VERSION, tag);
            assertTrue(error(without).contains("section " + tag + ": missing"), error(without));
        }
        // A version 3 file whose attention product cannot be split into its heads says so.
        final byte[] v3 = olderVersion(3, "PROD");
        final ProgramEdge qk = program.edges().stream().filter(e -> e.kind() == ProgramEdge.Kind.TDEC_PRODUCT).findFirst().orElseThrow();
        final int edges = indexOf(v3, "EDGE");
        final ByteBuffer b = ByteBuffer.wrap(v3).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(edges + 16 + 33 * qk.id() + 21, 0);
        final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(v3, edges + 12, b.getInt(edges + 4));
        b.putInt(edges + 8, (int)crc.getValue());
        assertTrue(error(v3).contains("edge " + qk.id() + ": an attention product of") && error(v3).contains("in 0 heads"), error(v3));
    }

    private static int indexOf(final byte[] file, final String tag)
    {
        final ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 8; at < file.length; at += 12 + in.getInt(at + 4))
        {
            if (new String(file, at, 4, StandardCharsets.US_ASCII).equals(tag))
            {
                return at;
            }
        }
        throw new AssertionError(tag);
    }

    @Test
    void aProductMapRoundTripsAndABrokenOneNamesTheEdge()
    {
        final ProgramEdge qk = program.edges().stream().filter(e -> e.kind() == ProgramEdge.Kind.TDEC_PRODUCT).findFirst().orElseThrow();
        final String listing = ProgramListing.print(program, true);
        assertTrue(listing.contains("product=" + qk.product()), listing);
        final String broken = listing.replace("product=" + qk.product(), "product=nhk,mhk->hnq[n=1]");
        final String m = assertThrows(ChipInputException.class, () -> ProgramListing.parse("m.lst", broken)).getMessage();
        assertTrue(m.contains("output axis 'q' is in neither A nor B"), m);
    }

    @Test
    void listingRoundTrips()
    {
        final String listing = ProgramListing.print(program, true);
        final ChipProgram parsed = ProgramListing.parse("m.lst", listing);
        assertEquals(program, parsed);
        assertEquals(listing, ProgramListing.print(parsed, true));
    }

    @Test
    void weightsAreStoredOnceInTheirSection()
    {
        // TABL holds each table once: a count, then per table id, kind, four sizes and the mantissas.
        long expected = 4;
        for (final var t : program.tables())
        {
            expected += 4 + 1 + 16 + 4 + 2L * t.mantissa().length;
        }
        final int[] tabl = sections().stream().filter(s -> new String(bytes, s[0], 4, StandardCharsets.US_ASCII).equals("TABL"))
            .findFirst().orElseThrow();
        assertEquals(expected, tabl[1]);
        // Residual writers are read by several populations, through edges that refer to one table.
        assertTrue(program.edges().stream().filter(e -> e.table() >= 0).count() > program.tables().size());
    }

    /** Offsets of each section's header in the file. */
    private static List<int[]> sections()
    {
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final List<int[]> out = new ArrayList<>();
        int at = 8;
        while (at < bytes.length)
        {
            final int len = b.getInt(at + 4);
            out.add(new int[] {at, len});
            at += 12 + len;
        }
        return out;
    }

    private static String error(final byte[] corrupt)
    {
        final String m = assertThrows(ChipInputException.class, () -> CsdxFormat.read("m.csdx", corrupt)).getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("m.csdx: "), m);
        return m;
    }

    @Test
    void aFlippedByteInAnySectionIsACrcErrorNamingSectionAndOffset()
    {
        for (final int[] s : sections())
        {
            final byte[] c = bytes.clone();
            c[s[0] + 12 + s[1] / 2] ^= 0x40;
            final String tag = new String(bytes, s[0], 4, StandardCharsets.US_ASCII);
            final String m = error(c);
            assertTrue(m.contains("section " + tag + " at offset " + s[0]) && m.contains("CRC mismatch"), m);
        }
    }

    @Test
    void truncationAnywhereIsNamed()
    {
        for (final int cut : new int[] {0, 5, 8, 15, 40, bytes.length / 3, bytes.length / 2, bytes.length - 1})
        {
            final String m = error(java.util.Arrays.copyOf(bytes, cut));
            assertTrue(m.contains("truncated") || m.contains("missing"), cut + ": " + m);
        }
    }

    @Test
    void magicAndVersionAreChecked()
    {
        final byte[] v = bytes.clone();
        v[4] = 9;
        assertTrue(error(v).contains("offset 4: format version 9; this csdsim reads versions 1 to " + CsdxFormat.VERSION + " (recompile the model"), error(v));
        final byte[] m = bytes.clone();
        m[0] = 'X';
        assertTrue(error(m).contains("offset 0: not a csdsim chip program"));
    }

    @Test
    void aBrokenListingNamesTheLine()
    {
        final String listing = ProgramListing.print(program, true);
        final String broken = listing.replaceFirst("edge 0 target=", "edge 0 targt=");
        final String m = assertThrows(ChipInputException.class, () -> ProgramListing.parse("m.lst", broken)).getMessage();
        final int line = (int)listing.substring(0, listing.indexOf("edge 0 target=")).chars().filter(ch -> ch == '\n').count() + 1;
        assertTrue(m.contains("m.lst: line " + line) && m.contains("target="), m);
    }

    @Test
    void kindsAreStoredByTheirDocumentedCodesNotTheirOrder()
    {
        // The table of docs/chip-program.md: a constant moved or added in its enum must not change a file's meaning.
        assertEquals(java.util.Map.of("CONV3X3", 0, "DENSE", 1, "SPARSE", 2, "CONV", 3), codes(io.csdsim.isa.program.csdx.FileCodes.TABLE_KINDS));
        assertEquals(java.util.Map.of("INPUT", 0, "DIF", 1, "TDEC_MAXPOOL", 2, "ACCUMULATOR", 3, "HOST_CLASSIFIER", 4, "NEURONS", 5),
            codes(io.csdsim.isa.program.csdx.FileCodes.POPULATION_KINDS));
        assertEquals(java.util.Map.of("TABLE", 0, "TDEC_PRODUCT", 1, "POOL", 3, "HOST_READOUT", 4),
            codes(io.csdsim.isa.program.csdx.FileCodes.EDGE_KINDS));
        assertEquals(java.util.Map.of("NEURONS", 0, "DENDRITE", 1, "RELAY", 2), codes(io.csdsim.isa.program.csdx.FileCodes.GROUP_ROLES));
    }

    private static <E extends Enum<E>> java.util.Map<String, Integer> codes(final io.csdsim.isa.program.csdx.FileCodes<E> codes)
    {
        final java.util.Map<String, Integer> m = new java.util.HashMap<>();
        codes.codes().forEach((e, c) -> m.put(e.name(), c));
        return m;
    }
}
