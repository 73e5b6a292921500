package io.csdsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.CsdformerGraphBuilder;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.ModelSummary;
import io.csdsim.models.nir.NirFileReader;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.library.NetworkSummary;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.QuantizationParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim model info}: a model's or network's per-layer table — parameters, MACs, neurons, synapses. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Print a model's per-layer table and totals.",
        "Shapes, parameters, dense MACs, neurons, synapses and attention products. Give a model file, or",
        "--arch and --dataset to describe a configuration without making it."},
    footer = {"", "Examples:", "  csdsim model info m.json", "  csdsim model info --arch 8-768 --dataset imagenet --json"})
final class ModelInfoCommand extends CommandBase implements Callable<Integer>
{
    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.json",
        description = "Model file (its weights are not read), a network file (docs/network-file.md) or a NIR graph (docs/nir.md).")
    Path model;

    @Mixin
    ModelArchOptions arch = new ModelArchOptions();

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "1e-3", description = "A NIR graph's time step (default: ${DEFAULT-VALUE} s).")
    double dt;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final ModelGraph g;
        if (model != null)
        {
            if (arch.arch != null)
            {
                throw new InvalidInputException("--arch", "", "give a model file or --arch, not both");
            }
            final io.csdsim.library.NetworkSource format = io.csdsim.library.NetworkSources.of(model);
            if (format == io.csdsim.library.NetworkSources.SANAFE_SNN)
            {
                throw new InvalidInputException(model.toString(), "", "a SANA-FE SNN file runs with its architecture and mapping: csdsim "
                    + "simulate FILE --chip ARCH.yaml (docs/sanafe.md)");
            }
            if (format == io.csdsim.library.NetworkSources.NIR)
            {
                final NirImporter.Result nir = NirImporter.importGraph(NirFileReader.read(model), dt, ModelOptions.NIR_TICKS,
                    QuantizationParams.DEFAULT.weightBits(), QuantizationParams.DEFAULT.membraneBits());
                if (!json)
                {
                    out.printf(Locale.ROOT, "NIR graph %s, dt = %s s: %d-bit weights, %d-bit membranes (docs/nir.md)%n", model.getFileName(), dt,
                        QuantizationParams.DEFAULT.weightBits(), QuantizationParams.DEFAULT.membraneBits());
                    for (final NirImporter.Layer l : nir.layers())
                    {
                        out.printf(Locale.ROOT, "  %-16s %-9s -> %-9s %s  (%.6g integer units per unit of v)%n", l.node(), l.type(), l.model(),
                            l.parameters(), l.scale());
                    }
                    out.println();
                }
                return networkInfo(out, nir.network(), "NIR graph");
            }
            if (format == io.csdsim.library.NetworkSources.NETWORK_FILE)
            {
                return networkInfo(out, NetworkFileReader.read(model), "network file");
            }
            g = ModelFileReader.readStructure(model);
        }
        else
        {
            final CsdformerConfig c = arch.config();
            g = CsdformerGraphBuilder.build(c, ZooModels.defaultName(c));
        }
        final ModelSummary s = new ModelSummary(g);
        if (json)
        {
            out.println(io.csdsim.simulator.report.ShortestNumbers.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(g, s)));
            return 0;
        }
        out.printf(Locale.ROOT, "%s  T=%d  D=%d  input %s%n%n", g.name, g.timeWindow, g.delay,
            TextTable.shape(new int[] {g.input.height(), g.input.width(), g.input.channels()}));
        final TextTable t = new TextTable("layer", "op", "shape", "params", "MACs", "neurons", "synapses", "attn ops").right(3, 4, 5, 6, 7);
        for (final ModelSummary.Row r : s.rows())
        {
            t.row(r.name(), r.op(), TextTable.shape(r.shape()), zeroBlank(r.params()), zeroBlank(r.macs()), zeroBlank(r.neurons()),
                zeroBlank(r.synapses()), zeroBlank(r.attentionOps()));
        }
        t.rule().row("total", "", "", TextTable.count(s.params()), TextTable.count(s.macs()), TextTable.count(s.neurons()),
            TextTable.count(s.connections()), TextTable.count(s.attentionOps()));
        t.print(out);
        out.println();
        out.printf(Locale.ROOT, "parameters          %s  (weights, biases where the architecture has them, BN γ and β)%n", TextTable.si(s.params()));
        out.printf(Locale.ROOT, "dense MACs          %s  (conv + linear + head; attention products apart)%n", TextTable.si(s.macs()));
        out.printf(Locale.ROOT, "attention products  %s  multiply-accumulates (Q·Kᵀ and A·V), done as dynamic synaptic ops%n", TextTable.si(s.attentionOps()));
        out.printf(Locale.ROOT, "neurons             %s DIF, %s max-pool units%n", TextTable.count(s.neurons()), TextTable.count(s.poolUnits()));
        out.printf(Locale.ROOT, "synapses            %s in distinct tables%n", TextTable.count(s.tableSynapses()));
        out.printf(Locale.ROOT, "connections         %s with the residual stream by fan-in (a writer counted per reader)%n",
            TextTable.count(s.connections()));
        if (s.accumulators() > 0)
        {
            out.printf(Locale.ROOT, "                    %s by accumulate (%d accumulators, %s compartments; docs/residual-stream.md)%n",
                TextTable.count(s.accumulateConnections()), s.accumulators(), TextTable.count(s.accumulatorUnits()));
        }
        out.println("neuron rows count their incoming synapses; op rows count their table.");
        return 0;
    }

    /** A network file's populations and projections; synapses counted once per projection. */
    private int networkInfo(final PrintWriter out, final IntNetwork net, final String what) throws Exception
    {
        final NetworkSummary summary = NetworkSummary.of(net);
        if (json)
        {
            final ObjectMapper om = io.csdsim.simulator.report.ShortestNumbers.mapper();
            final ObjectNode root = om.createObjectNode().put("network", net.name).put("T", net.timeWindow);
            final ArrayNode rows = root.putArray("populations");
            for (final NetworkSummary.Row r : summary.rows())
            {
                rows.addObject().put("name", r.name()).put("kind", r.kind()).put("neuronModel", r.neuronModel()).put("units", r.units())
                    .put("synapsesIn", r.synapsesIn());
            }
            root.putObject("totals").put("units", summary.units()).put("synapses", summary.synapses());
            out.println(om.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            return 0;
        }
        final TextTable t = new TextTable("population", "kind", "neuron model", "shape", "units", "inputs", "synapses in").right(4, 6);
        for (final NetworkSummary.Row r : summary.rows())
        {
            t.row(r.name(), r.kind(), r.neuronModel(), TextTable.shape(r.shape()), TextTable.count(r.units()), r.inputs(), zeroBlank(r.synapsesIn()));
        }
        out.printf(Locale.ROOT, "%s  T=%d  input %s  (%s)%n%n", net.name, net.timeWindow, net.input == null
            ? "spike trains into '" + net.population(net.spikeSource()).name + "'"
            : TextTable.shape(new int[] {net.input.height(), net.input.width(), net.input.channels()}), what);
        t.rule().row("total", "", "", "", TextTable.count(summary.units()), "", TextTable.count(summary.synapses()));
        t.print(out);
        out.println();
        out.println("synapses count each projection's synapses once (a product: two additions per term of its map).");
        return 0;
    }

    private static String zeroBlank(final long v)
    {
        return v == 0 ? "" : TextTable.count(v);
    }

    private static ObjectNode toJson(final ModelGraph g, final ModelSummary s)
    {
        final ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("model", g.name);
        final ObjectNode arch = root.putObject("architecture");
        g.architecture.forEach(arch::putPOJO);
        root.put("T", g.timeWindow);
        root.put("D", g.delay);
        final ArrayNode rows = root.putArray("layers");
        for (final ModelSummary.Row r : s.rows())
        {
            final ObjectNode o = rows.addObject();
            o.put("name", r.name());
            o.put("op", r.op());
            final ArrayNode sh = o.putArray("shape");
            for (final int d : r.shape())
            {
                sh.add(d);
            }
            o.put("params", r.params());
            o.put("macs", r.macs());
            o.put("neurons", r.neurons());
            o.put("synapses", r.synapses());
            o.put("attentionOps", r.attentionOps());
        }
        final ObjectNode tot = root.putObject("totals");
        tot.put("params", s.params());
        tot.put("macs", s.macs());
        tot.put("attentionOps", s.attentionOps());
        tot.put("neurons", s.neurons());
        tot.put("poolUnits", s.poolUnits());
        tot.put("tableSynapses", s.tableSynapses());
        tot.put("connections", s.connections());
        tot.put("connectionsAccumulate", s.accumulateConnections());
        tot.put("accumulators", s.accumulators());
        return root;
    }
}
