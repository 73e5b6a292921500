package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each core limit made to bind in turn, on networks whose core counts and memory are worked out by hand. */
class CoreLimitsTest
{
    private static int[] sizes(final ChipProgram p, final String population)
    {
        final int id = p.populations().stream().filter(q -> q.name().equals(population)).findFirst().orElseThrow().id();
        return p.groups().stream().filter(g -> g.population() == id && !g.isDendrite()).mapToInt(NeuronGroup::size).toArray();
    }

    private static Mapper.Result compile(final IntNetwork net, final String... sets)
    {
        return Mapper.compile(net, TestChips.loihi(sets), MapperOptions.DEFAULT);
    }

    @Test
    void neuronsBind()
    {
        // One token, 10 neurons in "a", 4 per core: 4 + 4 + 2.
        final Mapper.Result r = compile(TestChips.twoLayers(1, 3, 10, 2), "core.maxNeurons=4");
        assertEquals(List.of(4, 4, 2), java.util.Arrays.stream(sizes(r.program(), "a")).boxed().toList());
        assertEquals(4, r.report().coresUsed());
    }

    @Test
    void inputAxonsBind()
    {
        // "b" has 2 tokens of 6: each token's neurons read that token's 5 "a" neurons. With 5 axons a core
        // a range may not cross tokens: 6 + 6.
        final Mapper.Result r = compile(TestChips.twoLayers(2, 3, 5, 6), "core.maxInputAxons=5");
        assertEquals(List.of(6, 6), java.util.Arrays.stream(sizes(r.program(), "b")).boxed().toList());
        final CompileReport.Limit axons = r.report().limits().get(1);
        assertEquals(5, axons.max());
    }

    @Test
    void replicatedSynapseMemoryBindsAndIsAccountedExactly()
    {
        // "b" [1, 8] reads 10 "a" neurons, 8-bit weights, replicated (Loihi 1): dense rows cost
        // 10 axons × neurons × 8 bits; with 240 bits a core takes 3 neurons: 3 + 3 + 2.
        final Mapper.Result r = compile(TestChips.twoLayers(1, 3, 10, 8), "core.synapseMemoryBits=240");
        assertEquals(List.of(3, 3, 2), java.util.Arrays.stream(sizes(r.program(), "b")).boxed().toList());
        // "a" (10 neurons reading 3 inputs from the host) takes no synapse memory; "b": 240 + 240 + 160.
        assertEquals(640, r.report().synapseMemoryBits());
    }

    @Test
    void sharedTablesStoreAProjectionOncePerCore()
    {
        // Loihi 2 style: 3 tokens of "b" [3, 4] share fc2 (5 × 4 weights): one core holds the table once,
        // 5 rows × 4 outputs × 8 bits = 160 bits, however many tokens it serves. Replicated, the core
        // stores each of the 60 synapses: dense rows would take 15 axons × 12 neurons × 8 = 1,440 bits,
        // sparse entries 60 × (8 weight + 4 index) = 720, the smaller.
        final IntNetwork net = TestChips.twoLayers(3, 2, 5, 4);
        final Mapper.Result shared = compile(net, "core.sharedSynapseTables=true");
        final Mapper.Result replicated = compile(net);
        assertEquals(1, sizes(shared.program(), "b").length);
        assertEquals(160, shared.report().synapseMemoryBits());
        assertEquals(720, replicated.report().synapseMemoryBits());
    }

    @Test
    void outputRoutesBind()
    {
        // "b" [1, 6] in groups of 2 (maxNeurons 2): each "a" neuron feeds 3 cores, so 3 routing entries.
        // With 6 entries a core, "a" takes 2 neurons a core: 2 + 2 + 1.
        final Mapper.Result r = compile(TestChips.twoLayers(1, 2, 5, 6), "core.maxNeurons=2", "core.maxOutputRoutes=6");
        assertEquals(List.of(2, 2, 2), java.util.Arrays.stream(sizes(r.program(), "b")).boxed().toList());
        assertEquals(List.of(2, 2, 1), java.util.Arrays.stream(sizes(r.program(), "a")).boxed().toList());
        assertEquals(5 * 3, r.report().routeEntries(), "every a neuron routes to every b core");
    }

    /** input [2, 2, 1] → conv 1→3 → DIF [2, 2, 3] → max-pool → [1, 1, 3]. */
    private static IntNetwork pooled()
    {
        final InputSpec spec = new InputSpec(2, 2, 1, new double[1], new double[] {1});
        final IntPopulation in = new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {2, 2, 1});
        final Projection conv = new Projection(0, "conv", Projection.Kind.CONV3X3, 0, -1, 2, 2, 1, 3, TestChips.filled(27), 12, 1);
        final IntPopulation a = TestChips.dif(1, "a", new int[] {2, 2, 3}, 0);
        final IntPopulation pool = new IntPopulation(2, "pool", IntPopulation.Kind.MAX_POOL, new int[] {1, 1, 3});
        pool.source = 1;
        return new IntNetwork("pooled", 4, 3, 8, 24, spec, List.of(in, a, pool), List.of(conv));
    }

    @Test
    void tdecUnitsBindAndTheirAbsenceIsReported()
    {
        final Mapper.Result r = compile(pooled(), "core.tdecUnits=2");
        assertEquals(List.of(2, 1), java.util.Arrays.stream(sizes(r.program(), "pool")).boxed().toList());
        final ChipInputException e = assertThrows(ChipInputException.class, () -> compile(pooled()));
        assertTrue(e.getMessage().contains("layer 'pool'") && e.getMessage().contains("TDEC units")
            && e.getMessage().contains("--set core.tdecUnits"), e.getMessage());
    }

    @Test
    void aFanInNoCoreCanTakeIsSplitOverDendrites()
    {
        // "b" [1, 2] reads 10 "a" neurons; a core takes 4 axons. Each b range gets dendrites holding
        // 4 + 4 + 2 of the fan-in, whose partial sums (2 per dendrite) its soma takes: 3 × 2 = 6 > 4,
        // so ranges of 1 neuron: soma axons 3 × 1 = 3.
        final Mapper.Result r = compile(TestChips.twoLayers(1, 2, 10, 2), "core.maxInputAxons=4");
        final int b = r.program().populations().stream().filter(q -> q.name().equals("b")).findFirst().orElseThrow().id();
        final List<NeuronGroup> dendrites = r.program().groups().stream().filter(g -> g.population() == b && g.isDendrite()).toList();
        assertEquals(6, dendrites.size());
        for (final NeuronGroup d : dendrites)
        {
            assertEquals(1, d.size());
        }
    }

    @Test
    void tooFewChipsIsACapacityErrorThatSaysWhatWouldFit()
    {
        final IntNetwork net = TestChips.twoLayers(1, 3, 600, 2);
        final ChipInputException e = assertThrows(ChipInputException.class,
            () -> Mapper.compile(net, TestChips.loihi("core.maxNeurons=4"), new MapperOptions(1, 0)));
        assertTrue(e.getMessage().contains("--chips 1 gives 128 cores") && e.getMessage().contains("2 chips"), e.getMessage());
        assertEquals(2, Mapper.compile(net, TestChips.loihi("core.maxNeurons=4"), MapperOptions.DEFAULT).report().chips());
    }

    @Test
    void widerWeightsThanTheChipTakesAreRefused()
    {
        final IntNetwork net = TestChips.twoLayers(1, 3, 4, 2);
        final ChipInputException e = assertThrows(ChipInputException.class, () -> compile(net, "core.weightBits=4"));
        assertTrue(e.getMessage().contains("--weight-bits 4"), e.getMessage());
    }
}
