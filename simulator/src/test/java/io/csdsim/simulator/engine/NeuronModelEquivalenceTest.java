package io.csdsim.simulator.engine;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.NeuronSpec;
import io.csdsim.isa.program.ProgramConsistency;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.RouteTable;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.models.neuron.DifReference;
import io.csdsim.models.neuron.NeuronModels;
import io.csdsim.models.neuron.NeuronReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariant 2 for every neuron model: random programs mixing if, cuba-lif and dif populations (and a
 * DIF population of CSDformer's kind), with dense projections of random weights, shifts and delays,
 * forward, skipping and recurrent, run on the engine with 1, 2 and 3 threads, give every neuron's
 * spike in every tick exactly as a plain executor that steps each unit's functional reference
 * ({@link NeuronModels}) on the program's weights.
 */
class NeuronModelEquivalenceTest
{
    private static final int TICKS = 40;

    /** A random neuron spec of one of the models, with parameters that keep the network busy. */
    private static NeuronSpec randomNeuron(final Random rnd)
    {
        return switch (rnd.nextInt(4))
        {
            case 0 -> NeuronSpec.of("if", "theta", 8 + rnd.nextInt(40), "compare", rnd.nextBoolean() ? "ge" : "gt",
                "reset", List.of("soft", "hard", "none").get(rnd.nextInt(3)), "resetValue", rnd.nextInt(5) - 2, "bias", rnd.nextInt(7) - 1,
                "floor", -20 - rnd.nextInt(40), "v0", rnd.nextInt(10));
            case 1 -> NeuronSpec.of("cuba-lif", "du", rnd.nextInt(4097), "dv", rnd.nextInt(2048), "theta", 10 + rnd.nextInt(60),
                "bias", rnd.nextInt(9) - 2, "refractory", rnd.nextInt(4), "u0", rnd.nextInt(20) - 5, "v0", rnd.nextInt(20));
            // Narrow payloads: a graded spike's saturation is part of the semantics.
            case 2 -> NeuronSpec.of("accumulator", "payloadBits", 4 + rnd.nextInt(9));
            default -> NeuronSpec.of("dif", "theta", 4 + rnd.nextInt(30), "v0", rnd.nextInt(10), "bias", rnd.nextInt(10),
                "windowStart", rnd.nextInt(8), "T", 4 + rnd.nextInt(20));
        };
    }

    /** Programs of even seeds take spike trains: their first population is a spike source on a core of its own. */
    static boolean takesSpikes(final long seed)
    {
        return seed % 2 == 0;
    }

    /**
     * input (values, or spike sources for {@link #takesSpikes}) → five populations (one of CSDformer's
     * DIF kind) with dense edges: a chain, two skips and a loop.
     */
    static ChipProgram randomProgram(final long seed)
    {
        final Random rnd = new Random(seed);
        final int layers = 5;
        ChipSpec spec = ChipSpecs.preset("loihi");
        spec = ChipSpecs.override(spec, "mesh.tilesX=3");
        spec = ChipSpecs.override(spec, "mesh.tilesY=2");
        spec = ChipSpecs.override(spec, "mesh.coresPerTile=1");
        // A narrow membrane: saturation is part of the semantics.
        spec = ChipSpecs.override(spec, "core.membraneBits=12");
        final List<ProgramPopulation> pops = new ArrayList<>();
        final int inputs = 6 + rnd.nextInt(10);
        final boolean spikes = takesSpikes(seed);
        pops.add(spikes ? new ProgramPopulation(0, "sources", ProgramPopulation.Kind.NEURONS, new int[] {1, inputs}, 0, 0, null, 0,
            NeuronSpec.of("spike-source")) : new ProgramPopulation(0, "input", ProgramPopulation.Kind.INPUT, new int[] {1, inputs}, 0, 0, null, 0));
        final int difLayer = 1 + rnd.nextInt(layers);
        for (int l = 1; l <= layers; l++)
        {
            final int n = 3 + rnd.nextInt(60);
            if (l == difLayer)
            {
                final long[] bias = new long[n];
                for (int i = 0; i < n; i++)
                {
                    bias[i] = rnd.nextInt(5);
                }
                pops.add(new ProgramPopulation(l, "dif" + l, ProgramPopulation.Kind.DIF, new int[] {1, n}, 5 + rnd.nextInt(20), rnd.nextInt(4),
                    bias, rnd.nextInt(6)));
            }
            else
            {
                pops.add(new ProgramPopulation(l, "p" + l, ProgramPopulation.Kind.NEURONS, new int[] {1, n}, 0, 0, null, 0, randomNeuron(rnd)));
            }
        }
        final List<int[]> links = new ArrayList<>();
        for (int l = 1; l <= layers; l++)
        {
            links.add(new int[] {l - 1, l});
        }
        links.add(new int[] {1, 3});
        links.add(new int[] {2, 5});
        links.add(new int[] {4, 2});
        final List<SynapseTable> tables = new ArrayList<>();
        final List<ProgramEdge> edges = new ArrayList<>();
        for (final int[] link : links)
        {
            final int in = pops.get(link[0]).size();
            final int out = pops.get(link[1]).size();
            final short[] w = new short[in * out];
            for (int k = 0; k < w.length; k++)
            {
                w[k] = (short)(rnd.nextInt(4) == 0 ? rnd.nextInt(15) - 5 : 0);
            }
            final int id = tables.size();
            tables.add(new SynapseTable(id, SynapseTable.Kind.DENSE, 1, 1, in, out, w));
            // The loop (4 → 2) needs a delay: it carries spikes of a later population.
            final int delay = link[0] > link[1] ? 1 + rnd.nextInt(3) : rnd.nextInt(4);
            edges.add(new ProgramEdge(id, link[1], ProgramEdge.Kind.TABLE, id, link[0], -1, null, rnd.nextInt(3), delay));
        }
        final List<NeuronGroup> groups = new ArrayList<>();
        for (int l = 1; l <= layers; l++)
        {
            groups.add(new NeuronGroup(l - 1, l, 0, pops.get(l).size(), l - 1));
        }
        if (spikes)
        {
            groups.add(new NeuronGroup(layers, 0, 0, inputs, layers));
        }
        final int nr = (int)edges.stream().filter(e -> spikes || e.sourceA() != 0).count();
        final int[] src = new int[nr];
        final int[] dst = new int[nr];
        final int[] edge = new int[nr];
        final int[] entries = new int[nr];
        int r = 0;
        for (final ProgramEdge e : edges)
        {
            if (spikes || e.sourceA() != 0)
            {
                src[r] = e.sourceA() == 0 ? layers : e.sourceA() - 1;
                dst[r] = e.target() - 1;
                edge[r] = e.id();
                entries[r] = pops.get(e.sourceA()).size();
                r++;
            }
        }
        final ChipProgram p = new ChipProgram("mixed-" + seed, 4, 1, spec, 1, TICKS, TICKS, tables, pops, edges, groups,
            new RouteTable(src, dst, edge, entries));
        ProgramConsistency.check("random program " + seed, p);
        return p;
    }

    /** The plain executor: per tick, populations in order, each unit's reference stepped on its summed input. */
    static List<List<int[]>> reference(final ChipProgram p, final int[] input, final long[] saturations)
    {
        return reference(p, input, null, saturations);
    }

    /** As above; with {@code trains}, population 0 is a spike source and trains[t] its units injected in tick t. */
    static List<List<int[]>> reference(final ChipProgram p, final int[] input, final int[][] trains, final long[] saturations)
    {
        final int np = p.populations().size();
        final NeuronReference[][] units = new NeuronReference[np][];
        for (final ProgramPopulation q : p.populations())
        {
            if (q.kind() == ProgramPopulation.Kind.DIF)
            {
                units[q.id()] = new NeuronReference[q.size()];
                for (int i = 0; i < q.size(); i++)
                {
                    units[q.id()][i] = new DifReference(new DifReference.Parameters(q.theta(), q.v0(), q.bias()[i % q.channels()],
                        q.windowStart(), p.timeWindow), p.spec.membraneBits());
                }
            }
            else if (q.kind() == ProgramPopulation.Kind.NEURONS)
            {
                units[q.id()] = new NeuronReference[q.size()];
                for (int i = 0; i < q.size(); i++)
                {
                    units[q.id()][i] = NeuronModels.create(q.name(), q.neuron().model(), q.neuron().parameters(), p.spec.membraneBits());
                }
            }
        }
        final List<List<int[]>> spikes = new ArrayList<>();
        // Per population and tick, each spike's payload (1 for a binary spike): its synapses multiply their weights by it.
        final List<List<long[]>> carried = new ArrayList<>();
        for (int q = 0; q < np; q++)
        {
            spikes.add(new ArrayList<>());
            carried.add(new ArrayList<>());
        }
        for (int t = 0; t < TICKS; t++)
        {
            for (final ProgramPopulation q : p.populations())
            {
                if (units[q.id()] == null)
                {
                    spikes.get(q.id()).add(new int[0]);
                    carried.get(q.id()).add(new long[0]);
                    continue;
                }
                final long[] in = new long[q.size()];
                for (final ProgramEdge e : p.edges())
                {
                    final int ts = t - e.delay();
                    if (e.target() != q.id() || ts < 0)
                    {
                        continue;
                    }
                    final short[] w = p.tables().get(e.table()).mantissa();
                    final int out = q.size();
                    if (e.sourceA() == 0 && trains == null)
                    {
                        if (ts == 0)
                        {
                            for (int j = 0; j < input.length; j++)
                            {
                                for (int i = 0; i < out; i++)
                                {
                                    in[i] += ((long)input[j] * w[j * out + i]) << e.shift();
                                }
                            }
                        }
                    }
                    else
                    {
                        final int[] from = spikes.get(e.sourceA()).get(ts);
                        final long[] payload = carried.get(e.sourceA()).get(ts);
                        for (int k = 0; k < from.length; k++)
                        {
                            final int j = from[k];
                            for (int i = 0; i < out; i++)
                            {
                                in[i] += (w[j * out + i] * payload[k]) << e.shift();
                            }
                        }
                    }
                }
                if (trains != null && q.id() == 0 && t < trains.length)
                {
                    for (final int u : trains[t])
                    {
                        in[u]++;
                    }
                }
                final List<Integer> fired = new ArrayList<>();
                final List<Long> payloads = new ArrayList<>();
                for (int i = 0; i < q.size(); i++)
                {
                    if (units[q.id()][i].step(in[i]))
                    {
                        fired.add(i);
                        payloads.add(units[q.id()][i].payload());
                    }
                }
                spikes.get(q.id()).add(fired.stream().mapToInt(Integer::intValue).toArray());
                carried.get(q.id()).add(payloads.stream().mapToLong(Long::longValue).toArray());
            }
        }
        for (final NeuronReference[] us : units)
        {
            for (final NeuronReference u : us == null ? new NeuronReference[0] : us)
            {
                saturations[0] += u.saturations() + u.payloadSaturations();
            }
        }
        return spikes;
    }

    @Test
    void everyModelsSpikeTrainsEqualItsReferenceOnOneTwoAndThreeThreads()
    {
        long totalSpikes = 0;
        long totalSaturations = 0;
        final java.util.Set<String> models = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 12; seed++)
        {
            final ChipProgram p = randomProgram(seed);
            p.populations().stream().filter(q -> q.neuron() != null).forEach(q -> models.add(q.neuron().model()));
            final Random rnd = new Random(seed * 31);
            final int[] input = new int[p.populations().get(0).size()];
            for (int j = 0; j < input.length; j++)
            {
                input[j] = rnd.nextInt(9);
            }
            final int[][] trains = takesSpikes(seed) ? new int[TICKS - 5][] : null;
            for (int t = 0; trains != null && t < trains.length; t++)
            {
                trains[t] = java.util.stream.IntStream.range(0, input.length).filter(j -> rnd.nextInt(3) == 0).toArray();
            }
            final long[] refSat = new long[1];
            final List<List<int[]>> expected = reference(p, input, trains, refSat);
            for (final int threads : new int[] {1, 2, 3})
            {
                final SampleResult r;
                try (TickWorkers w = new TickWorkers(threads))
                {
                    r = trains != null ? new ChipEngine(p, 1).runSpikes(trains, true, w, null) : new ChipEngine(p, 1).run(input, true, w);
                }
                for (final ProgramPopulation q : p.populations())
                {
                    if (!q.kind().isNeurons())
                    {
                        continue;
                    }
                    for (int t = 0; t < TICKS; t++)
                    {
                        final int[] want = expected.get(q.id()).get(t);
                        assertArrayEquals(want, r.spikes(q.id(), t).toArray(), "seed " + seed + ", " + threads + " thread(s), " + q.name() + " ("
                            + (q.neuron() == null ? "DIF" : q.neuron().model()) + "), tick " + t);
                        if (threads == 1)
                        {
                            totalSpikes += want.length;
                        }
                    }
                }
                assertEquals(refSat[0], r.saturations, "seed " + seed + ": saturations");
            }
            totalSaturations += refSat[0];
        }
        // The comparison means something only if the networks fire and saturate.
        assertTrue(totalSpikes > 2000, totalSpikes + " spikes");
        assertTrue(totalSaturations > 0, "no saturation");
        assertEquals(NeuronModels.names(), models, "every model took part");
    }

    @Test
    void aMisspeltParameterOrAnUnknownModelIsOneLineNamingThePopulation()
    {
        final ChipProgram p = randomProgram(3);
        final ChipProgram bad = withNeuron(p, NeuronSpec.of("cuba-lif", "du", 1, "dv", 1, "theta", 5, "tau", 3));
        final ChipInputException e = assertThrows(ChipInputException.class, () -> new ChipEngine(bad).run(new int[p.populations().get(0).size()], false));
        assertTrue(e.getMessage().contains("tau") && e.getMessage().contains("not a parameter of the cuba-lif neuron"), e.getMessage());
        final ChipProgram unknown = withNeuron(p, NeuronSpec.of("izhikevich", "a", 1));
        final ChipInputException u = assertThrows(ChipInputException.class, () -> new ChipEngine(unknown).run(new int[p.populations().get(0).size()], false));
        assertTrue(u.getMessage().contains("izhikevich") && u.getMessage().contains("cuba-lif"), u.getMessage());
    }

    /** The program with its first NEURONS population's model replaced. */
    private static ChipProgram withNeuron(final ChipProgram p, final NeuronSpec neuron)
    {
        final List<ProgramPopulation> pops = new ArrayList<>(p.populations());
        final ProgramPopulation q = pops.stream().filter(x -> x.kind() == ProgramPopulation.Kind.NEURONS).findFirst().orElseThrow();
        pops.set(q.id(), new ProgramPopulation(q.id(), q.name(), q.kind(), q.shape(), 0, 0, null, 0, neuron));
        return new ChipProgram(p.name, p.timeWindow, p.delay, p.spec, p.chips, p.outputReadyTick, p.initiationInterval, p.tables(), pops,
            p.edges(), p.groups(), p.routes());
    }
}
