package io.csdsim.tests;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.program.ProgramListing;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.ProductIndex;
import io.csdsim.models.quant.Projection;
import io.csdsim.models.quant.SparseSynapses;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.Schedule;
import io.csdsim.models.reference.SpikeTrains;
import io.csdsim.simulator.engine.ChipEngine;
import io.csdsim.simulator.engine.SampleResult;
import io.csdsim.simulator.engine.TickWorkers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A network that is not CSDformer's: three layers of LIF and IF neurons, a dense projection from the
 * input, a sparse projection with per-synapse delays, and a dense readout layer — built by hand as an
 * integer network, compiled by the mapper for a chip whose small cores split every layer, run on the
 * engine with 1 and 2 threads, and compared spike for spike with the functional reference.
 */
class GenericNetworkTest
{
    private static final int TICKS = 40;

    /**
     * Runs {@code samples} random inputs (values below {@code maxInput}) through the functional
     * reference of {@code net} and through {@code program} on the chip with 1 and 2 threads: every
     * population's spikes in every tick, its counts and the saturations must agree, and so must the
     * functional reference of every network in {@code alike} (the same network written otherwise).
     * @return the reference's spikes per population, over all samples
     */
    private static long[] assertChipEqualsReference(final IntNetwork net, final ChipProgram program, final int samples, final int maxInput,
        final long seed, final IntNetwork... alike)
    {
        final FunctionalSpiking reference = new FunctionalSpiking(net, Schedule.canonical(net));
        final Random rnd = new Random(seed);
        final long[] spikes = new long[net.populationCount()];
        for (int sample = 0; sample < samples; sample++)
        {
            final int[] input = new int[net.population(0).size];
            for (int i = 0; i < input.length; i++)
            {
                input[i] = rnd.nextInt(maxInput);
            }
            final SpikeTrains[] want = new SpikeTrains[1];
            final ExecutionResult expected = reference.run(input, want);
            for (final IntNetwork other : alike)
            {
                final SpikeTrains[] also = new SpikeTrains[1];
                new FunctionalSpiking(other, Schedule.canonical(other)).run(input, also);
                for (int p = 1; p < net.populationCount(); p++)
                {
                    for (int t = 0; t < reference.schedule().totalTicks(); t++)
                    {
                        assertArrayEquals(want[0].spikes(p, t).toArray(), also[0].spikes(p, t).toArray(), other.name + " against " + net.name
                            + ", population " + p + ", tick " + t);
                    }
                }
            }
            for (final int threads : new int[] {1, 2})
            {
                final SampleResult r;
                try (TickWorkers w = new TickWorkers(threads))
                {
                    // Every population split over cores is stepped by both threads at once, however small:
                    // a kernel's state is shared by chunks that run concurrently.
                    r = new ChipEngine(program, 1).run(input, true, w);
                }
                for (int p = 1; p < net.populationCount(); p++)
                {
                    for (int t = 0; t < reference.schedule().totalTicks(); t++)
                    {
                        final int[] expect = want[0].spikes(p, t).toArray();
                        assertArrayEquals(expect, r.spikes(p, t).toArray(), "chip, sample " + sample + ", " + threads + " thread(s), "
                            + net.population(p).name + ", tick " + t);
                        spikes[p] += threads == 1 ? expect.length : 0;
                    }
                    assertArrayEquals(expected.counts()[p], r.counts[p], net.population(p).name + ": counts");
                }
                assertEquals(expected.saturations(), r.saturations, "saturations");
            }
        }
        return spikes;
    }

    /** The program read back from its binary and from its listing is the program. */
    private static void assertSameInBothForms(final ChipProgram program, final String name)
    {
        assertEquals(program, CsdxFormat.read(name + ".csdx", CsdxFormat.write(program)));
        assertEquals(program, ProgramListing.parse(name + ".lst", ProgramListing.print(program, true)));
    }

    /** input [16] → LIF [48] → (sparse, delays 1..3) → IF [40] → LIF [10]. */
    static IntNetwork threeLayerLif(final long seed)
    {
        final Random rnd = new Random(seed);
        final int nIn = 16;
        final int n1 = 48;
        final int n2 = 40;
        final int n3 = 10;
        final double[] mean = new double[nIn];
        final double[] std = new double[nIn];
        Arrays.fill(std, 1.0);
        final List<IntPopulation> pops = new ArrayList<>();
        final List<Projection> projections = new ArrayList<>();
        final IntPopulation in = new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {1, nIn});
        final IntPopulation l1 = new IntPopulation(1, "lif1", IntPopulation.Kind.NEURONS, new int[] {1, n1});
        l1.neuronModel = "cuba-lif";
        l1.neuronParameters.putAll(java.util.Map.of("du", "1024", "dv", "512", "theta", "60", "refractory", "1", "bias", "2"));
        final IntPopulation l2 = new IntPopulation(2, "if2", IntPopulation.Kind.NEURONS, new int[] {1, n2});
        l2.neuronModel = "if";
        l2.neuronParameters.putAll(java.util.Map.of("theta", "20", "reset", "soft", "floor", "-40"));
        final IntPopulation l3 = new IntPopulation(3, "lif3", IntPopulation.Kind.NEURONS, new int[] {1, n3});
        l3.neuronModel = "cuba-lif";
        l3.neuronParameters.putAll(java.util.Map.of("du", "2048", "dv", "256", "theta", "30"));
        pops.addAll(List.of(in, l1, l2, l3));

        projections.add(new Projection(0, "in-lif1", Projection.Kind.LINEAR, 0, -1, 1, 1, nIn, n1, weights(rnd, nIn * n1, 2), n1, 1.0));
        final SparseSynapses sparse = new SparseSynapses(n1, n2);
        for (int s = 0; s < n1; s++)
        {
            for (int k = 0; k < 6; k++)
            {
                sparse.add(s, rnd.nextInt(n2), rnd.nextInt(25) - 6, 1 + rnd.nextInt(3));
            }
        }
        final List<Projection> byDelay = sparse.projections(1, "lif1-if2", 1);
        projections.addAll(byDelay);
        final int last = projections.size();
        projections.add(new Projection(last, "if2-lif3", Projection.Kind.LINEAR, 2, -1, 1, 1, n2, n3, weights(rnd, n2 * n3, 3), n3, 1.0));
        l1.inputs = new int[] {0};
        l1.inputShifts = new int[] {1};
        l2.inputs = byDelay.stream().mapToInt(p -> p.id).toArray();
        l2.inputShifts = new int[l2.inputs.length];
        l3.inputs = new int[] {last};
        l3.inputShifts = new int[] {2};
        return new IntNetwork("lif-3", TICKS, 1, 8, 24, new InputSpec(1, 1, nIn, mean, std), pops, projections);
    }

    private static short[] weights(final Random rnd, final int n, final int density)
    {
        final short[] w = new short[n];
        for (int k = 0; k < n; k++)
        {
            w[k] = (short)(rnd.nextInt(density) == 0 ? rnd.nextInt(31) - 8 : 0);
        }
        return w;
    }

    @Test
    void aThreeLayerLifNetworkWithASparseProjectionCompilesAndRunsSpikeForSpike()
    {
        final IntNetwork net = threeLayerLif(7);
        assertTrue(net.projectionCount() >= 4, "the sparse projection's three delays make three projections");
        // Cores of 16 neurons: every layer is split, so routes and fan-in cross cores.
        final ChipSpec spec = ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons=16");
        final ChipProgram program = Mapper.compile(net, spec, MapperOptions.DEFAULT).program();
        assertTrue(program.tables().stream().anyMatch(t -> t.kind() == SynapseTable.Kind.SPARSE));
        assertTrue(program.populations().stream().filter(p -> p.kind() == ProgramPopulation.Kind.NEURONS).count() == 3);
        assertTrue(program.groups().size() >= 7, program.groups().size() + " groups");
        // The program survives both forms.
        assertSameInBothForms(program, "lif");

        final long[] spikes = assertChipEqualsReference(net, program, 4, 12, 11);
        assertTrue(spikes[1] > 50 && spikes[2] > 50 && spikes[3] > 10, Arrays.toString(spikes) + " spikes: the comparison needs activity in every layer");

    }

    /** A k×k convolution with stride, padding and groups as synapses, target by target, from PyTorch's definition. */
    private static SparseSynapses expand(final int h, final int w, final int cin, final int cout, final int k, final int stride, final int pad,
        final int groups, final short[] m)
    {
        final int ho = (h + 2 * pad - k) / stride + 1;
        final int wo = (w + 2 * pad - k) / stride + 1;
        final int cinG = cin / groups;
        final int coutG = cout / groups;
        final SparseSynapses out = new SparseSynapses(h * w * cin, ho * wo * cout);
        for (int yo = 0; yo < ho; yo++)
        {
            for (int xo = 0; xo < wo; xo++)
            {
                for (int co = 0; co < cout; co++)
                {
                    for (int ky = 0; ky < k; ky++)
                    {
                        for (int kx = 0; kx < k; kx++)
                        {
                            final int y = yo * stride - pad + ky;
                            final int x = xo * stride - pad + kx;
                            if (y < 0 || y >= h || x < 0 || x >= w)
                            {
                                continue;
                            }
                            for (int j = 0; j < cinG; j++)
                            {
                                final int ci = co / coutG * cinG + j;
                                out.add((y * w + x) * cin + ci, (yo * wo + xo) * cout + co, m[((ky * k + kx) * cinG + j) * cout + co], 1);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** input [7, 7, 4] → conv 3×3 / 2, pad 1, 2 groups → IF [4, 4, 6] → conv 2×2 / 1, pad 0 → CUBA-LIF [3, 3, 3]; or the same with the convolutions as synapses. */
    static IntNetwork convolutional(final boolean asSynapses)
    {
        final Random rnd = new Random(5);
        final short[] w1 = weights(rnd, 3 * 3 * 2 * 6, 2);
        final short[] w2 = weights(rnd, 2 * 2 * 6 * 3, 2);
        final IntPopulation in = new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {7, 7, 4});
        final IntPopulation a = new IntPopulation(1, "if1", IntPopulation.Kind.NEURONS, new int[] {4, 4, 6});
        a.neuronModel = "if";
        a.neuronParameters.putAll(java.util.Map.of("theta", "24", "compare", "gt"));
        final IntPopulation b = new IntPopulation(2, "lif2", IntPopulation.Kind.NEURONS, new int[] {3, 3, 3});
        b.neuronModel = "cuba-lif";
        b.neuronParameters.putAll(java.util.Map.of("du", "1024", "dv", "512", "theta", "40"));
        final List<Projection> projections = new ArrayList<>();
        if (asSynapses)
        {
            projections.addAll(expand(7, 7, 4, 6, 3, 2, 1, 2, w1).projections(0, "conv1", 0));
            projections.addAll(expand(4, 4, 6, 3, 2, 1, 0, 1, w2).projections(1, "conv2", 1));
        }
        else
        {
            projections.add(Projection.conv(0, "conv1", 0, 7, 7, 4, 6, 3, 2, 1, 2, w1, 0));
            projections.add(Projection.conv(1, "conv2", 1, 4, 4, 6, 3, 2, 1, 0, 1, w2, 0));
        }
        a.inputs = new int[] {0};
        a.inputShifts = new int[] {1};
        b.inputs = new int[] {1};
        b.inputShifts = new int[] {0};
        final double[] mean = new double[4];
        final double[] std = {1, 1, 1, 1};
        return new IntNetwork(asSynapses ? "conv-as-synapses" : "conv", TICKS, 1, 8, 24, new InputSpec(7, 7, 4, mean, std),
            List.of(in, a, b), projections);
    }

    @Test
    void aGeneralConvolutionRunsAsItsSynapsesDoAndCostsTheirMemory()
    {
        final IntNetwork conv = convolutional(false);
        final IntNetwork synapses = convolutional(true);
        // The two networks have the same synapses.
        assertEquals(synapses.projection(0).synapses(), conv.projection(0).synapses());
        assertEquals(synapses.projection(1).synapses(), conv.projection(1).synapses());
        final ChipSpec spec = ChipSpecs.override(ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons=20"), "core.maxInputAxons=64");
        final ChipProgram program = Mapper.compile(conv, spec, MapperOptions.DEFAULT).program();
        final ChipProgram sparse = Mapper.compile(synapses, spec, MapperOptions.DEFAULT).program();
        assertTrue(program.tables().stream().allMatch(t -> t.kind() == SynapseTable.Kind.CONV));
        assertSameInBothForms(program, "conv");
        // On every core, the convolution's synapses into its range from the sources it reads equal the expansion's.
        for (final var g : program.groups())
        {
            for (final var e : program.edges())
            {
                if (e.target() != g.population() || e.table() < 0)
                {
                    continue;
                }
                final io.csdsim.isa.geometry.Intervals all = new io.csdsim.isa.geometry.Intervals();
                all.add(0, program.populations().get(e.sourceA()).size());
                final var sealed = all.seal();
                assertEquals(io.csdsim.isa.geometry.EdgeGeometry.synapses(sparse.tables().get(e.table()), g.start(), g.end(), sealed),
                    io.csdsim.isa.geometry.EdgeGeometry.synapses(program.tables().get(e.table()), g.start(), g.end(), sealed),
                    "synapses of edge " + e.id() + " into group " + g.id());
            }
        }
        // The chip running the convolutions equals the reference running the synapses, which equals the reference running the convolutions.
        final long[] spikes = assertChipEqualsReference(synapses, program, 3, 8, 3, conv);
        assertTrue(spikes[1] + spikes[2] > 200, Arrays.toString(spikes) + " spikes");
    }

    @Test
    void aMalformedNetworkIsOneLineNamingThePart()
    {
        final IntNetwork net = threeLayerLif(7);
        net.population(2).neuronParameters.put("tau", "3");
        final var e = org.junit.jupiter.api.Assertions.assertThrows(io.csdsim.models.InvalidInputException.class,
            () -> Mapper.compile(net, ChipSpecs.preset("loihi"), MapperOptions.DEFAULT));
        assertTrue(e.getMessage().contains("if2") && e.getMessage().contains("tau"), e.getMessage());
        final IntNetwork bad = threeLayerLif(7);
        bad.population(3).inputShifts = new int[] {99};
        final var s = org.junit.jupiter.api.Assertions.assertThrows(io.csdsim.models.InvalidInputException.class,
            () -> Mapper.compile(bad, ChipSpecs.preset("loihi"), MapperOptions.DEFAULT));
        assertTrue(s.getMessage().contains("lif3") && s.getMessage().contains("shift 99"), s.getMessage());
    }

    /**
     * input [12] → IF a (12 units, read as [3, 4]) and IF b (20, read as [4, 5]); a matrix product a·b
     * ({@code ij,jk->ik}) → IF (15); a product summed over B's own axis ({@code ij,jk->ij}, each A spike
     * adds a row sum of B's counts) → IF (12). A map reads flat populations through its own axes.
     */
    static IntNetwork products()
    {
        final Random rnd = new Random(21);
        final IntPopulation in = new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {1, 12});
        final IntPopulation a = ifPopulation(1, "a", new int[] {1, 12}, "12");
        final IntPopulation b = ifPopulation(2, "b", new int[] {1, 20}, "10");
        final IntPopulation c = ifPopulation(3, "ab", new int[] {1, 15}, "6");
        final IntPopulation d = ifPopulation(4, "a-rowsum-b", new int[] {1, 12}, "9");
        final List<Projection> projections = new ArrayList<>();
        projections.add(new Projection(0, "in-a", Projection.Kind.LINEAR, 0, -1, 1, 1, 12, 12, weights(rnd, 144, 2), 12, 1.0));
        projections.add(new Projection(1, "in-b", Projection.Kind.LINEAR, 0, -1, 1, 1, 12, 20, weights(rnd, 240, 2), 20, 1.0));
        projections.add(Projection.product(2, "a.b", 1, 2, new ProductIndex("ij", "jk", "ik", "ijk", new int[] {3, 4, 5}), 1.0));
        projections.add(Projection.product(3, "a.sum(b)", 1, 2, new ProductIndex("ij", "jk", "ij", "ijk", new int[] {3, 4, 5}), 1.0));
        a.inputs = new int[] {0};
        a.inputShifts = new int[] {1};
        b.inputs = new int[] {1};
        b.inputShifts = new int[] {1};
        c.inputs = new int[] {2};
        c.inputShifts = new int[] {0};
        d.inputs = new int[] {3};
        d.inputShifts = new int[] {0};
        return new IntNetwork("products", TICKS, 1, 8, 24, new InputSpec(1, 1, 12, new double[12], filled(12, 1.0)),
            List.of(in, a, b, c, d), projections);
    }

    private static IntPopulation ifPopulation(final int id, final String name, final int[] shape, final String theta)
    {
        final IntPopulation p = new IntPopulation(id, name, IntPopulation.Kind.NEURONS, shape);
        p.neuronModel = "if";
        p.neuronParameters.putAll(java.util.Map.of("theta", theta, "reset", "soft"));
        return p;
    }

    private static double[] filled(final int n, final double v)
    {
        final double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    /** @return the network compiled for Loihi with this many neurons per core and 64 TDEC units (products and pools need them). */
    private static ChipProgram onLoihiWithTdecUnits(final IntNetwork net, final int maxNeurons)
    {
        final ChipSpec spec = ChipSpecs.override(ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons=" + maxNeurons), "core.tdecUnits=64");
        return Mapper.compile(net, spec, MapperOptions.DEFAULT).program();
    }

    @Test
    void productsOfAnyIndexMapRunSpikeForSpikeOnTheChip()
    {
        final IntNetwork net = products();
        final ChipProgram program = onLoihiWithTdecUnits(net, 4);
        assertSameInBothForms(program, "products");
        assertTrue(ProgramListing.print(program, false).contains("product=ij,jk->ij[i=3,j=4,k=5]"));
        final long[] spikes = assertChipEqualsReference(net, program, 3, 6, 4);
        assertTrue(spikes[3] > 30 && spikes[4] > 30, Arrays.toString(spikes) + " spikes: both products must drive their neurons");
    }

    /** input [8, 8, 2] → conv 3×3 → IF [8, 8, 4] → max-pool 2×2 / 2 → [4, 4, 4] → max-pool 3×3 / 1 / pad 1 → [4, 4, 4] → sparse → CUBA-LIF [10]. */
    static IntNetwork pooling()
    {
        final Random rnd = new Random(9);
        final IntPopulation in = new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {8, 8, 2});
        final IntPopulation a = new IntPopulation(1, "if1", IntPopulation.Kind.NEURONS, new int[] {8, 8, 4});
        a.neuronModel = "if";
        a.neuronParameters.putAll(java.util.Map.of("theta", "16"));
        final IntPopulation p1 = new IntPopulation(2, "pool2x2", IntPopulation.Kind.MAX_POOL, new int[] {4, 4, 4});
        p1.source = 1;
        p1.poolKernel = 2;
        p1.poolStride = 2;
        p1.poolPad = 0;
        final IntPopulation p2 = new IntPopulation(3, "pool3x3s1", IntPopulation.Kind.MAX_POOL, new int[] {4, 4, 4});
        p2.source = 2;
        p2.poolKernel = 3;
        p2.poolStride = 1;
        p2.poolPad = 1;
        final IntPopulation b = new IntPopulation(4, "lif", IntPopulation.Kind.NEURONS, new int[] {1, 10});
        b.neuronModel = "cuba-lif";
        b.neuronParameters.putAll(java.util.Map.of("du", "2048", "dv", "1024", "theta", "24"));
        final List<Projection> projections = new ArrayList<>();
        projections.add(Projection.conv(0, "conv", 0, 8, 8, 2, 4, 3, 1, 1, 1, weights(rnd, 3 * 3 * 2 * 4, 2), 0));
        final SparseSynapses sparse = new SparseSynapses(64, 10);
        for (int s = 0; s < 64; s++)
        {
            sparse.add(s, rnd.nextInt(10), rnd.nextInt(9) - 1, 1);
        }
        projections.addAll(sparse.projections(1, "readout", 3));
        a.inputs = new int[] {0};
        a.inputShifts = new int[] {1};
        b.inputs = new int[] {1};
        b.inputShifts = new int[] {1};
        return new IntNetwork("pooling", TICKS, 1, 8, 24, new InputSpec(8, 8, 2, new double[2], new double[] {1, 1}),
            List.of(in, a, p1, p2, b), projections);
    }

    @Test
    void maxPoolsOfAnyWindowRunSpikeForSpikeOnTheChip()
    {
        final IntNetwork net = pooling();
        final ChipProgram program = onLoihiWithTdecUnits(net, 64);
        assertSameInBothForms(program, "pool");
        assertTrue(ProgramListing.print(program, false).contains("window=2,2,0"));
        final long[] spikes = assertChipEqualsReference(net, program, 3, 6, 4);
        assertTrue(spikes[2] > 50 && spikes[3] > 50, Arrays.toString(spikes) + " spikes: both pools must fire");
    }
}
