package io.csdsim.tests;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.CsdxFormat;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.format.NetworkFileWriter;
import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
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
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spike-train inputs (issue 12, item 2): a network whose first population is a spike source runs
 * given trains on the chip exactly as the functional reference does; trains come from .npy files or
 * seeded Bernoulli draws, and a file of the wrong shape is one line naming it and the shape expected.
 */
class SpikeInputTest
{
    private static final int TICKS = 30;
    static final int SOURCES = 40;

    @TempDir
    Path dir;

    /** spike source [40] → (sparse, delays 1 and 2) → CUBA-LIF [24] → dense → IF [10], with recurrence IF → LIF. */
    static IntNetwork network()
    {
        final Random rnd = new Random(17);
        final IntPopulation in = new IntPopulation(0, "in", IntPopulation.Kind.NEURONS, new int[] {1, SOURCES});
        in.neuronModel = "spike-source";
        final IntPopulation lif = new IntPopulation(1, "lif", IntPopulation.Kind.NEURONS, new int[] {1, 24});
        lif.neuronModel = "cuba-lif";
        lif.neuronParameters.putAll(java.util.Map.of("du", "1024", "dv", "256", "theta", "40"));
        final IntPopulation out = new IntPopulation(2, "out", IntPopulation.Kind.NEURONS, new int[] {1, 10});
        out.neuronModel = "if";
        out.neuronParameters.putAll(java.util.Map.of("theta", "30", "compare", "gt", "reset", "hard"));
        final List<Projection> projections = new ArrayList<>();
        final SparseSynapses sparse = new SparseSynapses(SOURCES, 24);
        for (int s = 0; s < SOURCES; s++)
        {
            for (int k = 0; k < 5; k++)
            {
                sparse.add(s, rnd.nextInt(24), 4 + rnd.nextInt(20), 1 + rnd.nextInt(2));
            }
        }
        projections.addAll(sparse.projections(0, "in-lif", 0));
        final int dense = projections.size();
        final short[] w = new short[24 * 10];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (short)(rnd.nextInt(3) == 0 ? rnd.nextInt(40) - 8 : 0);
        }
        projections.add(new Projection(dense, "lif-out", Projection.Kind.LINEAR, 1, -1, 1, 1, 24, 10, w, 10, 1.0));
        final SparseSynapses back = new SparseSynapses(10, 24);
        for (int s = 0; s < 10; s++)
        {
            back.add(s, rnd.nextInt(24), -6, 2);
        }
        final List<Projection> recurrent = back.projections(dense + 1, "out-lif", 2);
        projections.addAll(recurrent);
        final List<Integer> lifInputs = new ArrayList<>();
        for (int k = 0; k < dense; k++)
        {
            lifInputs.add(k);
        }
        for (final Projection p : recurrent)
        {
            lifInputs.add(p.id);
        }
        lif.inputs = lifInputs.stream().mapToInt(Integer::intValue).toArray();
        lif.inputShifts = new int[lif.inputs.length];
        out.inputs = new int[] {dense};
        out.inputShifts = new int[] {0};
        return new IntNetwork("spiking", TICKS, 1, 8, 24, null, List.of(in, lif, out), projections);
    }

    @Test
    void givenTrainsRunOnTheChipSpikeForSpikeAsInTheReference()
    {
        final IntNetwork net = network();
        final ChipSpec spec = ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons=8");
        final ChipProgram program = Mapper.compile(net, spec, MapperOptions.DEFAULT).program();
        assertEquals(program, CsdxFormat.read("s.csdx", CsdxFormat.write(program)));
        final ChipEngine engine = new ChipEngine(program, 1);
        assertEquals(0, engine.stimulusPopulation());
        final FunctionalSpiking reference = new FunctionalSpiking(net, Schedule.canonical(net));
        final SpikeTrainSet set = SpikeTrainSet.bernoulli(3, TICKS - 5, SOURCES, 0.2, 5);
        long spikes = 0;
        for (int s = 0; s < set.samples(); s++)
        {
            final SpikeTrains[] want = new SpikeTrains[1];
            final ExecutionResult expected = reference.runSpikes(set.sample(s), want);
            for (final int threads : new int[] {1, 2, 3})
            {
                final SampleResult r;
                try (TickWorkers w = new TickWorkers(threads))
                {
                    r = engine.runSpikes(set.sample(s), true, w, null);
                }
                for (int t = 0; t < TICKS; t++)
                {
                    // The sources fire the given train unchanged, ticks past its end silent.
                    assertArrayEquals(t < set.ticks() ? set.sample(s)[t] : new int[0], r.spikes(0, t).toArray(), "sources, tick " + t);
                    for (int p = 0; p < net.populationCount(); p++)
                    {
                        assertArrayEquals(want[0].spikes(p, t).toArray(), r.spikes(p, t).toArray(), "sample " + s + ", " + threads
                            + " thread(s), " + net.population(p).name + ", tick " + t);
                    }
                }
                assertEquals(expected.saturations(), r.saturations);
            }
            spikes += Arrays.stream(expected.counts()[2]).sum();
        }
        assertTrue(spikes > 10, spikes + " output spikes: the comparison needs activity at the end of the network");
    }

    @Test
    void bernoulliTrainsAreSeededAndHaveTheirRate()
    {
        final SpikeTrainSet a = SpikeTrainSet.bernoulli(4, 250, 100, 0.3, 9);
        final SpikeTrainSet b = SpikeTrainSet.bernoulli(4, 250, 100, 0.3, 9);
        long n = 0;
        for (int s = 0; s < 4; s++)
        {
            for (int t = 0; t < 250; t++)
            {
                assertArrayEquals(a.sample(s)[t], b.sample(s)[t]);
                n += a.sample(s)[t].length;
            }
        }
        // 100,000 draws of p = 0.3: the standard deviation of the count is 145; 5 of them is 725.
        assertTrue(Math.abs(n - 30_000) < 725, n + " spikes");
        assertTrue(!Arrays.deepEquals(a.sample(0), SpikeTrainSet.bernoulli(4, 250, 100, 0.3, 10).sample(0)), "another seed, other trains");
    }

    /** A .npy file of the given dtype and shape holding {@code data}. */
    static byte[] npy(final String descr, final int[] shape, final byte[] data)
    {
        final StringBuilder sh = new StringBuilder();
        for (final int d : shape)
        {
            sh.append(d).append(", ");
        }
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + sh.toString().replaceAll(", $", shape.length == 1 ? "," : "")
            + "), }";
        while ((10 + header.length() + 1) % 64 != 0)
        {
            header += " ";
        }
        header += "\n";
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte)0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short)header.length()).array());
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void aNpyFileOfTrainsReadsAsItsSpikesAndAWrongOneIsOneLine()
    {
        // [2 samples, 3 ticks, 4 units] of bool: sample 0 fires unit 1 in tick 0 and units 0, 3 in tick 2; sample 1 unit 2 in tick 1.
        final byte[] data = new byte[24];
        data[1] = 1;
        data[8] = 1;
        data[11] = 1;
        data[12 + 4 + 2] = 1;
        final SpikeTrainSet set = SpikeTrainSet.parseNpy("t.npy", npy("|b1", new int[] {2, 3, 4}, data));
        assertEquals(2, set.samples());
        assertEquals(3, set.ticks());
        assertEquals(4, set.units());
        assertArrayEquals(new int[][] {{1}, {}, {0, 3}}, set.sample(0));
        assertArrayEquals(new int[][] {{}, {2}, {}}, set.sample(1));
        final SpikeTrainSet one = SpikeTrainSet.parseNpy("u.npy", npy("|u1", new int[] {3, 4}, Arrays.copyOf(data, 12)));
        assertEquals(1, one.samples());
        assertArrayEquals(set.sample(0), one.sample(0));
        final String[][] bad = {
            {"<f4", "3,4", "header.descr: '<f4'; spike trains are '|u1' (uint8) or '|b1' (bool)"},
            {"|u1", "12", "header.shape: [12]; spike trains are [ticks, units] or [samples, ticks, units]"},
            {"|u1", "2,4", "12 data bytes; shape [2, 4] needs 8"},
        };
        for (final String[] b : bad)
        {
            final int[] shape = Arrays.stream(b[1].split(",")).mapToInt(Integer::parseInt).toArray();
            final String m = assertThrows(InvalidInputException.class, () -> SpikeTrainSet.parseNpy("x.npy", npy(b[0], shape,
                Arrays.copyOf(data, 12)))).getMessage();
            assertTrue(m.startsWith("x.npy: ") && m.contains(b[2]) && !m.contains("\n"), b[2] + " / " + m);
        }
    }

    @Test
    void theCommandRunsANetworkOnSpikeTrains() throws Exception
    {
        final Path net = dir.resolve("spiking.json");
        Files.write(net, NetworkFileWriter.write(network()));
        final Path a = dir.resolve("a.json");
        final Path b = dir.resolve("b.json");
        final Cli r1 = Cli.run("simulate", net.toString(), "--chip", "loihi", "--rate", "0.2", "--samples", "3", "--seed", "4", "--threads", "1",
            "--report", a.toString());
        assertEquals(0, r1.code(), r1.err());
        final Cli r2 = Cli.run("simulate", net.toString(), "--chip", "loihi", "--rate", "0.2", "--samples", "3", "--seed", "4", "--threads", "2",
            "--report", b.toString());
        assertEquals(0, r2.code(), r2.err());
        assertEquals(Files.readString(a), Files.readString(b));
        // The same trains from a file give the same report.
        final SpikeTrainSet set = SpikeTrainSet.bernoulli(3, TICKS, SOURCES, 0.2, 4);
        final byte[] data = new byte[3 * TICKS * SOURCES];
        for (int s = 0; s < 3; s++)
        {
            for (int t = 0; t < TICKS; t++)
            {
                for (final int u : set.sample(s)[t])
                {
                    data[(s * TICKS + t) * SOURCES + u] = 1;
                }
            }
        }
        final Path trains = dir.resolve("trains.npy");
        Files.write(trains, npy("|u1", new int[] {3, TICKS, SOURCES}, data));
        final Path c = dir.resolve("c.json");
        final Cli r3 = Cli.run("simulate", net.toString(), "--chip", "loihi", "--spikes", trains.toString(), "--report", c.toString());
        assertEquals(0, r3.code(), r3.err());
        // Their provenance differs as their inputs do (Bernoulli trains, a file of them); what it describes is the same.
        assertEquals(GoldenReportsTest.withoutProvenance(Files.readString(a)), GoldenReportsTest.withoutProvenance(Files.readString(c)));
        // A compiled program takes the same trains.
        final Path prog = dir.resolve("s.csdx");
        assertEquals(0, Cli.run("compile", net.toString(), "--chip", "loihi", "-o", prog.toString()).code());
        final Path d = dir.resolve("d.json");
        assertEquals(0, Cli.run("simulate", prog.toString(), "--spikes", trains.toString(), "--report", d.toString()).code());
        assertEquals(GoldenReportsTest.withoutProvenance(Files.readString(c)), GoldenReportsTest.withoutProvenance(Files.readString(d)));
        // Wrong inputs: one line each.
        final Path wrong = dir.resolve("wrong.npy");
        Files.write(wrong, npy("|u1", new int[] {TICKS, 7}, new byte[TICKS * 7]));
        Cli.assertBadInput(Cli.run("simulate", net.toString(), "--spikes", wrong.toString()), "wrong.npy", "header.shape: [30, 7]",
            "expected [ticks, 40] or [samples, ticks, 40]");
        Cli.assertBadInput(Cli.run("simulate", net.toString()), "--spikes", "takes spike trains into 'in' (40 units)");
        Cli.assertBadInput(Cli.run("simulate", net.toString(), "--rate", "0.2", "--synthetic", "2"), "--synthetic", "takes spike trains");
        Cli.assertBadInput(Cli.run("simulate", "--spikes", trains.toString()), "--spikes", "takes images");
        Cli.assertBadInput(Cli.run("simulate", net.toString(), "--rate", "1.5"), "--rate", "1.5; expected a probability");
    }
}
