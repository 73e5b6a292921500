package io.csdsim.tests;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.geometry.EdgeGeometry;
import io.csdsim.isa.geometry.Intervals;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.ModelSummary;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two mappings of the residual stream (docs/residual-stream.md): what each costs in synapses
 * and ticks, counted by hand or by an independent count, which one auto picks, and the refusal on a
 * chip without graded spikes. That both are exact is invariant 2's business (ChipEquivalenceTest,
 * ZooChipEquivalenceTest, GoldenFashionMnistTest).
 */
class ResidualStreamTest
{
    private static final Path HOME = Path.of(System.getProperty("csdsim.home"));
    private static final ChipSpec LOIHI2 = ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192");

    private static Mapper.Result compile(final IntNetwork net, final ChipSpec chip, final MapperOptions.Residual residual)
    {
        return Mapper.compile(net, chip, MapperOptions.DEFAULT.withResidual(residual));
    }

    /** Synapses of the program's table edges into every population but the readout's accumulators. */
    private static long tableConnections(final ChipProgram p)
    {
        long n = 0;
        for (final ProgramEdge e : p.edges())
        {
            final ProgramPopulation target = p.populations().get(e.target());
            if (e.kind() != ProgramEdge.Kind.TABLE || target.kind() == ProgramPopulation.Kind.ACCUMULATOR)
            {
                continue;
            }
            final Intervals all = new Intervals();
            all.add(0, p.populations().get(e.sourceA()).size());
            n += EdgeGeometry.synapses(p.tables().get(e.table()), 0, target.size(), all.seal());
        }
        return n;
    }

    /**
     * `model info` counts both mappings' connections from the graph alone; the compiled programs,
     * counted edge by edge, differ by the same number, and hold as many accumulators.
     */
    @Test
    void modelInfoCountsTheSynapsesOfBothMappingsAsTheCompiledProgramsHoldThem()
    {
        final ModelGraph shipped = ModelFileReader.read(HOME.resolve("data/models/fashion-mnist.json"));
        final ModelGraph zoo = ZooModels.create(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 2, null);
        for (final ModelGraph g : new ModelGraph[] {shipped, zoo})
        {
            final ModelSummary s = new ModelSummary(g);
            final IntNetwork net = IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
            final ChipProgram fan = compile(net, LOIHI2, MapperOptions.Residual.FAN_IN).program();
            final ChipProgram acc = compile(net, LOIHI2, MapperOptions.Residual.ACCUMULATE).program();
            assertEquals(s.connections() - s.accumulateConnections(), tableConnections(fan) - tableConnections(acc), g.name);
            final long accumulators = acc.populations().stream().filter(q -> q.neuron() != null && q.neuron().model().equals("accumulator"))
                .count();
            assertEquals(s.accumulators(), accumulators, g.name);
            assertTrue(s.accumulateConnections() < s.connections(), g.name + ": accumulate holds fewer synapses");
        }
    }

    /**
     * Worked by hand: with B blocks, the readers of two or more writers are SN_in2 of every block and
     * SN_in of every block but the first (2B − 1); each waits one tick more for its accumulator's
     * graded spike, and each sits on the latency's path, so accumulate adds 2B − 1 ticks. The readout
     * reads the last accumulator and the last writer directly: nothing more.
     */
    @Test
    void accumulateAddsOneTickPerResidualReaderToTheLatency()
    {
        final ModelGraph shipped = ModelFileReader.read(HOME.resolve("data/models/fashion-mnist.json"));
        final ModelGraph zoo = ZooModels.create(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 2, null);
        final int[] blocks = {2, 4};
        final ModelGraph[] graphs = {shipped, zoo};
        for (int i = 0; i < graphs.length; i++)
        {
            final IntNetwork net = IntQuantizer.quantize(graphs[i], QuantizationParams.DEFAULT);
            final int fan = compile(net, LOIHI2, MapperOptions.Residual.FAN_IN).report().latencyTicks();
            final int acc = compile(net, LOIHI2, MapperOptions.Residual.ACCUMULATE).report().latencyTicks();
            assertEquals(2 * blocks[i] - 1, acc - fan, graphs[i].name);
        }
    }

    @Test
    void autoAccumulatesOnLoihi2WhereItTakesFewerCoresAndFansInOnLoihi()
    {
        final IntNetwork net = IntQuantizer.quantize(ModelFileReader.read(HOME.resolve("data/models/fashion-mnist.json")), QuantizationParams.DEFAULT);
        final Mapper.Result auto = compile(net, LOIHI2, MapperOptions.Residual.AUTO);
        final Mapper.Result fan = compile(net, LOIHI2, MapperOptions.Residual.FAN_IN);
        final Mapper.Result acc = compile(net, LOIHI2, MapperOptions.Residual.ACCUMULATE);
        assertTrue(auto.report().residual().startsWith("accumulate (auto: "), auto.report().residual());
        assertEquals(acc.program(), auto.program());
        assertTrue(acc.report().coresUsed() < fan.report().coresUsed(), acc.report().coresUsed() + " against " + fan.report().coresUsed());
        assertTrue(acc.report().synapseMemoryBits() < fan.report().synapseMemoryBits());
        final ChipSpec loihi = ChipSpecs.override(ChipSpecs.preset("loihi"), "core.tdecUnits=8192");
        assertEquals("fan-in (auto: the chip has no graded spikes)", compile(net, loihi, MapperOptions.Residual.AUTO).report().residual());
    }

    /**
     * With 32 output routing entries per core the shipped model's fan-in mapping does not fit (a
     * max-pool neuron alone needs 753) and the accumulate mapping does: auto takes accumulate and says
     * why. With 16 neither fits: auto fails with fan-in's reason, as fan-in itself does.
     */
    @Test
    void autoTakesTheOnlyMappingThatFitsTheChipAndFailsWithFanInsReasonWhenNeitherDoes()
    {
        final IntNetwork net = IntQuantizer.quantize(ModelFileReader.read(HOME.resolve("data/models/fashion-mnist.json")), QuantizationParams.DEFAULT);
        final ChipSpec few = ChipSpecs.override(LOIHI2, "core.maxOutputRoutes=32");
        final ChipInputException fanFails = assertThrows(ChipInputException.class, () -> compile(net, few, MapperOptions.Residual.FAN_IN));
        assertTrue(fanFails.getMessage().contains("output routing entries (the core takes 32)"), fanFails.getMessage());
        final Mapper.Result acc = compile(net, few, MapperOptions.Residual.ACCUMULATE);
        final Mapper.Result auto = compile(net, few, MapperOptions.Residual.AUTO);
        assertEquals(acc.program(), auto.program());
        assertTrue(auto.report().residual().startsWith("accumulate (auto: fan-in does not fit: " + fanFails.getMessage()), auto.report().residual());
        final ChipSpec fewer = ChipSpecs.override(LOIHI2, "core.maxOutputRoutes=16");
        final ChipInputException fanAlone = assertThrows(ChipInputException.class, () -> compile(net, fewer, MapperOptions.Residual.FAN_IN));
        assertThrows(ChipInputException.class, () -> compile(net, fewer, MapperOptions.Residual.ACCUMULATE));
        final ChipInputException autoFails = assertThrows(ChipInputException.class, () -> compile(net, fewer, MapperOptions.Residual.AUTO));
        assertEquals(fanAlone.getMessage(), autoFails.getMessage());
    }

    @Test
    void aChipWithoutGradedSpikesRefusesAccumulateInOneLine()
    {
        final Cli r = Cli.run("compile", "--chip", "loihi", "--set", "core.tdecUnits=1024", "--residual", "accumulate");
        Cli.assertBadInput(r, "loihi", "core.gradedSpikes", "--residual fan-in");
        final Cli bad = Cli.run("compile", "--residual", "sum");
        Cli.assertBadInput(bad, "--residual", "'sum'", "expected auto, fan-in or accumulate");
    }

    @Test
    void theCompileReportSaysWhichMappingItUsed()
    {
        final Cli r = Cli.run("compile", "--set", "core.tdecUnits=1024", "--residual", "fan-in");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("residual stream     fan-in"), r.out());
        final Cli a = Cli.run("compile", "--set", "core.tdecUnits=1024");
        assertTrue(a.out().contains("residual stream     accumulate (auto: "), a.out());
        final Cli info = Cli.run("model", "info", HOME.resolve("data/models/fashion-mnist.json").toString());
        assertTrue(info.out().contains("by accumulate (3 accumulators"), info.out());
    }
}
