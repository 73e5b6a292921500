package io.csdsim.mapper;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The placement's start: layers or interleaved change where groups sit, never what they are or
 * what they send; auto takes the cheaper of the two.
 */
class PlacementStartTest
{
    /**
     * Two token-wise layers of 8 tokens, one token per core, on one row of 16 single-core tiles.
     * By layers a₀…a₇ take x = 0…7 and b₀…b₇ x = 8…15: each aₙ → bₙ route is 8 hops. Interleaved,
     * aₙ and bₙ take x = 2n and 2n + 1: 1 hop. Each route carries the token's 5 units.
     */
    @Test
    void interleavingPutsEachTokensLayersSideBySideWorkedByHand()
    {
        final IntNetwork net = TestChips.twoLayers(8, 3, 5, 5);
        final ChipSpec chip = TestChips.loihi("mesh.tilesX=16", "mesh.tilesY=1", "mesh.coresPerTile=1", "core.maxNeurons=5");
        final CompileReport layers = Mapper.compile(net, chip, new MapperOptions(1, 0, MapperOptions.Start.LAYERS)).report();
        final CompileReport interleaved = Mapper.compile(net, chip, new MapperOptions(1, 0, MapperOptions.Start.INTERLEAVED)).report();
        assertEquals(8L * 5 * 8, layers.entryHopsBefore());
        assertEquals(8L * 5 * 1, interleaved.entryHopsBefore());
        final CompileReport auto = Mapper.compile(net, chip, new MapperOptions(1, 0, MapperOptions.Start.AUTO)).report();
        assertEquals("interleaved (auto)", auto.placementStart());
        assertEquals(interleaved.entryHopsBefore(), auto.entryHopsBefore());
    }

    @Test
    void autoTakesTheCheaperStartAndTheStartsDifferOnlyInCores()
    {
        final SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 8; trial++)
        {
            final IntNetwork net = ConnectivityTest.randomNetwork(r);
            final ChipSpec chip = ConnectivityTest.randomChip(r);
            final Mapper.Result layers = Mapper.compile(net, chip, new MapperOptions(0, 1, MapperOptions.Start.LAYERS));
            final Mapper.Result interleaved = Mapper.compile(net, chip, new MapperOptions(0, 1, MapperOptions.Start.INTERLEAVED));
            final Mapper.Result auto = Mapper.compile(net, chip, new MapperOptions(0, 1, MapperOptions.Start.AUTO));
            final long l = layers.report().entryHopsBefore();
            final long i = interleaved.report().entryHopsBefore();
            assertEquals(Math.min(l, i), auto.report().entryHopsBefore(), "trial " + trial);
            assertEquals(i < l ? "interleaved (auto)" : "layers (auto)", auto.report().placementStart(), "trial " + trial);
            sameExceptCores(layers.program(), interleaved.program(), "trial " + trial);
        }
    }

    private static void sameExceptCores(final ChipProgram a, final ChipProgram b, final String where)
    {
        assertEquals(a.groups().size(), b.groups().size(), where);
        for (int g = 0; g < a.groups().size(); g++)
        {
            final NeuronGroup x = a.groups().get(g);
            final NeuronGroup y = b.groups().get(g);
            assertEquals(x.onCore(0), y.onCore(0), where + ": group " + g);
        }
        assertArrayEquals(a.routes().sourceColumn(), b.routes().sourceColumn(), where);
        assertArrayEquals(a.routes().targetColumn(), b.routes().targetColumn(), where);
        assertArrayEquals(a.routes().entriesColumn(), b.routes().entriesColumn(), where);
    }
}
