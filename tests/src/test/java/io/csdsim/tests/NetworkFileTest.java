package io.csdsim.tests;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.format.NetworkFileWriter;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The network file: any network of the generic kinds written and read back is the same network — it
 * compiles to the same program and its functional reference fires the same spikes — and a defect in
 * the file is one line naming the file and the field.
 */
class NetworkFileTest
{
    @TempDir
    Path dir;

    /** The network with an image input stage of the same number of units (network files take images until spike inputs exist). */
    private static IntNetwork withImageInput(final IntNetwork n, final int height, final int width)
    {
        final List<IntPopulation> pops = new ArrayList<>();
        for (int i = 0; i < n.populationCount(); i++)
        {
            pops.add(n.population(i));
        }
        final List<Projection> projs = new ArrayList<>();
        for (int k = 0; k < n.projectionCount(); k++)
        {
            projs.add(n.projection(k));
        }
        assertEquals(pops.get(0).size, height * width);
        return new IntNetwork(n.name, n.timeWindow, n.delay, n.weightBits, n.membraneBits, new InputSpec(height, width, 1, new double[1],
            new double[] {1}), pops, projs);
    }

    private static List<IntNetwork> networks()
    {
        return List.of(withImageInput(GenericNetworkTest.threeLayerLif(3), 4, 4), withImageInput(GenericNetworkTest.convolutional(false), 14, 14),
            withImageInput(GenericNetworkTest.products(), 3, 4), withImageInput(GenericNetworkTest.pooling(), 8, 16));
    }

    @Test
    void aWrittenNetworkReadsBackAsTheSameNetwork()
    {
        final ChipSpec spec = ChipSpecs.override(ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons=16"), "core.tdecUnits=64");
        for (final IntNetwork net : networks())
        {
            final byte[] file = NetworkFileWriter.write(net);
            final IntNetwork back = NetworkFileReader.parse(net.name + ".json", file);
            // Writing the read network gives the same bytes: every field survived.
            assertEquals(new String(file, StandardCharsets.UTF_8), new String(NetworkFileWriter.write(back), StandardCharsets.UTF_8));
            final ChipProgram a = Mapper.compile(net, spec, MapperOptions.DEFAULT).program();
            final ChipProgram b = Mapper.compile(back, spec, MapperOptions.DEFAULT).program();
            assertEquals(a, b, net.name);
            final Random rnd = new Random(net.name.hashCode());
            final int[] input = new int[net.population(0).size];
            for (int i = 0; i < input.length; i++)
            {
                input[i] = rnd.nextInt(8);
            }
            final ExecutionResult x = new FunctionalSpiking(net, Schedule.canonical(net)).run(input, null);
            final ExecutionResult y = new FunctionalSpiking(back, Schedule.canonical(back)).run(input, null);
            long spikes = 0;
            for (int p = 1; p < net.populationCount(); p++)
            {
                assertArrayEquals(x.counts()[p], y.counts()[p], net.name + ": " + net.population(p).name);
                spikes += Arrays.stream(x.counts()[p]).sum();
            }
            assertTrue(spikes > 0, net.name + ": the comparison needs spikes");
        }
    }

    private String error(final String json)
    {
        return assertThrows(InvalidInputException.class, () -> NetworkFileReader.parse("n.json", json.getBytes(StandardCharsets.UTF_8)))
            .getMessage();
    }

    @Test
    void aDefectIsOneLineNamingTheFileAndTheField()
    {
        final String good = new String(NetworkFileWriter.write(withImageInput(GenericNetworkTest.products(), 3, 4)), StandardCharsets.UTF_8);
        final String[][] cases = {
            {"\"kind\" : \"product\"", "\"kind\" : \"outer\"", "projections[2].kind: 'outer'; expected linear, conv, sparse or product"},
            {"\"a\" : \"a\",", "\"a\" : \"zz\",", "projections[2].a: 'zz' is not a population of the file"},
            {"\"out\" : \"ik\"", "\"out\" : \"iq\"", "projections[2].map: operand 'iq' must use axes of 'ijk', each once"},
            {"\"theta\" : \"12\"", "\"theta\" : 1.5", "populations[1].neuron.theta: 1.5; expected an integer or a word"},
            {"\"projection\" : \"in-a\"", "\"projection\" : \"in-x\"", "populations[1].inputs[0].projection: 'in-x' is not a projection"},
            {"\"weightBits\" : 8", "\"weightBits\" : 40", "weightBits: 40; expected 2..16"},
            {"\"formatVersion\" : 1", "\"formatVersion\" : 2", "formatVersion: unknown format version 2"},
            {"\"name\" : \"b\"", "\"name\" : \"a\"", "populations[2].name: 'a' names two populations"},
            {"\"shape\" : [ 1, 12 ]", "\"shape\" : [ 1, 0 ]", "populations[0].shape: [1, 0]; expected sides >= 1"},
            {"\"T\" : 40", "\"T\" : 40, \"colour\" : 1", "colour: unknown field"},
        };
        for (final String[] c : cases)
        {
            assertTrue(good.contains(c[0]), c[0] + " not in\n" + good);
            final String m = error(good.replaceFirst(java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1])));
            assertTrue(m.startsWith("n.json: ") && m.contains(c[2]) && !m.contains("\n"), c[2] + " / " + m);
        }
        // A weight outside the file's width, and a network wrong as a graph (checked by NetworkCheck, naming the file).
        final String wide = good.replaceFirst("\"weights\" : \\[ -?\\d+", "\"weights\" : [ 300");
        assertTrue(error(wide).contains("projections[0].weights[0]: 300; 8-bit weights are -128..127"), error(wide));
        final String shift = good.replaceFirst("\"shift\" : 1", "\"shift\" : 99");
        assertTrue(error(shift).startsWith("n.json: ") && error(shift).contains("shift 99"), error(shift));
    }

    @Test
    void theCommandsTakeANetworkFile() throws Exception
    {
        final Path net = dir.resolve("lif.json");
        Files.write(net, NetworkFileWriter.write(withImageInput(GenericNetworkTest.pooling(), 8, 16)));
        final Cli info = Cli.run("model", "info", net.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("pool2x2") && info.out().contains("cuba-lif") && info.out().contains("(network file)"), info.out());
        final Path prog = dir.resolve("lif.csdx");
        final Cli compile = Cli.run("compile", net.toString(), "--chip", "loihi", "--set", "core.tdecUnits=64", "-o", prog.toString());
        assertEquals(0, compile.code(), compile.err());
        final Path a = dir.resolve("a.json");
        final Path b = dir.resolve("b.json");
        final Cli run = Cli.run("simulate", net.toString(), "--chip", "loihi", "--set", "core.tdecUnits=64", "--synthetic", "2", "--report",
            a.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(0, Cli.run("simulate", prog.toString(), "--synthetic", "2", "--report", b.toString()).code());
        // The provenance differs as the inputs do (a network and its chip, a program); what it describes is the same.
        assertEquals(GoldenReportsTest.withoutProvenance(Files.readString(a)), GoldenReportsTest.withoutProvenance(Files.readString(b)));
        Cli.assertBadInput(Cli.run("simulate", net.toString(), "-D", "2"), "-D", "a network file gives its own widths and delays");
    }
}
