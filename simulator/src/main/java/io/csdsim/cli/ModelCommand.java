package io.csdsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.CsdformerGraphBuilder;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.format.ModelFileReader;
import java.util.List;
import java.util.ArrayList;
import io.csdsim.models.format.NetworkFileReader;
import io.csdsim.models.nir.NirFileReader;
import io.csdsim.models.nir.NirImporter;
import io.csdsim.models.format.ModelFileWriter;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.ModelSummary;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.QuantizationParams;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.QuantizationError;
import io.csdsim.models.reference.QuantizedReference;
import io.csdsim.models.reference.Schedule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim model ...}: make, inspect and run models on the reference executors. */
@Command(name = "model", description = "Make, inspect and run CSDformer models on the reference executors.",
    mixinStandardHelpOptions = true,
    subcommands = {ModelCommand.Create.class, ModelCommand.Info.class, ModelCommand.Run.class, ModelCommand.Error.class})
final class ModelCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configuration options shared by create and info. */
    static final class ArchOptions
    {
        @Option(names = "--arch", paramLabel = "L-D", description = "Blocks and embedding, e.g. 4-384. Published: 4-256, 2-384, 4-384 (CIFAR), 8-384, 8-512, 8-768 (ImageNet).")
        String arch;

        @Option(names = "--dataset", defaultValue = "cifar10", description = "cifar10, cifar100, imagenet or fashion-mnist (default: ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--heads", defaultValue = "0", description = "Attention heads (default: the paper's: 8 on ImageNet, 16 for 4-256, else 12).")
        int heads;

        @Option(names = "-T", defaultValue = "4", description = "Time window T: quantization levels (default: ${DEFAULT-VALUE}).")
        int timeWindow;

        @Option(names = "--delay", defaultValue = "3", paramLabel = "D", description = "DIF delay D (default: ${DEFAULT-VALUE}; D >= T-1 makes the spiking model exact).")
        int delay;

        CsdformerConfig config()
        {
            if (arch == null)
            {
                throw new InvalidInputException("--arch", "", "missing; e.g. --arch 4-384 --dataset cifar10");
            }
            return CsdformerConfig.of(arch, dataset, heads, timeWindow, delay);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a CSDformer with seeded synthetic weights and calibrated thresholds.",
            "Thresholds are set on synthetic images so that every population fires at a chosen rate, as a trained",
            "spiking transformer's 5-30 %% would, so that energy figures of the model mean something.",
            "Writes MODEL.json and MODEL.safetensors beside it."},
        footer = {"", "Example:", "  csdsim model create --arch 4-384 --dataset cifar10 --seed 1 -o m.json"})
    static final class Create implements Callable<Integer>
    {
        /** Most synthetic images the thresholds are calibrated on. */
        static final int MAX_CALIBRATION_IMAGES = 256;

        @Mixin
        ArchOptions arch = new ArchOptions();

        @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and calibration images (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--rate", defaultValue = "0.15", description = "Target firing rate of every population (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--calibration-images", defaultValue = "2", description = "Synthetic images the thresholds are calibrated on (default: ${DEFAULT-VALUE}).")
        int calibrationImages;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.json", description = "Model file to write.")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException
        {
            if (!(rate > 0 && rate < 1))
            {
                throw new InvalidInputException("--rate", "", rate + "; expected a firing rate in (0, 1)");
            }
            if (calibrationImages < 1 || calibrationImages > MAX_CALIBRATION_IMAGES)
            {
                throw new InvalidInputException("--calibration-images", "", calibrationImages + "; expected 1.." + MAX_CALIBRATION_IMAGES);
            }
            if (!output.getFileName().toString().endsWith(".json"))
            {
                throw new InvalidInputException("-o", "", output + ": expected a .json name (the weights go beside it)");
            }
            final CsdformerConfig c = arch.config();
            // Weights as floats, their copy in the writer, and the calibration's activations of one image at a time.
            final ModelSummary planned = new ModelSummary(CsdformerGraphBuilder.build(c, "x"));
            InputLimits.requireHeap("--arch " + c.archName(), String.format(Locale.ROOT, "%s parameters",
                TextTable.si(planned.params())), 8 * planned.params() + 16 * planned.neurons() * c.timeWindow(), "a smaller --arch");
            final Path weights = ModelFileWriter.weightsPathFor(output);
            try (OutputFiles files = new OutputFiles())
            {
                final OutputFiles.Output jsonFile = files.add("-o", output);
                final OutputFiles.Output weightsFile = files.add("-o (weights)", weights);
                return create(c, files, jsonFile, weightsFile);
            }
        }

        private int create(final CsdformerConfig c, final OutputFiles files, final OutputFiles.Output jsonFile,
            final OutputFiles.Output weightsFile) throws java.io.IOException
        {
            final PrintWriter out = spec.commandLine().getOut();
            final long t0 = System.nanoTime();
            final ModelGraph g;
            final int nodes = CsdformerGraphBuilder.build(c, "x").nodes().size();
            try (Progress p = new Progress("Calibrating " + c.archName(), nodes))
            {
                g = ZooModels.create(c, seed, rate, calibrationImages, i -> p.stepTo(i + 1));
            }
            try (java.io.OutputStream json = jsonFile.open(); java.io.OutputStream w = weightsFile.open())
            {
                ModelFileWriter.write(g, weightsFile.path.getFileName().toString(), json, w);
            }
            files.publish();
            final ModelSummary s = new ModelSummary(g);
            out.printf(Locale.ROOT, "wrote %s and %s%n", output, ModelFileWriter.weightsPathFor(output).getFileName());
            out.printf(Locale.ROOT, "%s: %s parameters, %s dense MACs, %s neurons, T=%d, D=%d%n", g.name, TextTable.si(s.params()),
                TextTable.si(s.macs()), TextTable.count(s.neurons()), g.timeWindow, g.delay);
            out.printf(Locale.ROOT, "thresholds calibrated on %d synthetic images to a firing rate of %.0f %% (%.1f s)%n",
                calibrationImages, 100 * rate, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Print a model's per-layer table and totals.",
            "Shapes, parameters, dense MACs, neurons, synapses and attention products. Give a model file, or",
            "--arch and --dataset to describe a configuration without making it."},
        footer = {"", "Examples:", "  csdsim model info m.json", "  csdsim model info --arch 8-768 --dataset imagenet --json"})
    static final class Info implements Callable<Integer>
    {
        @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.json",
            description = "Model file (its weights are not read), a network file (docs/network-file.md) or a NIR graph (docs/nir.md).")
        Path model;

        @Mixin
        ArchOptions arch = new ArchOptions();

        @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "1e-3", description = "A NIR graph's time step (default: ${DEFAULT-VALUE} s).")
        double dt;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

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
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(g, s)));
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
            final long[] synapsesIn = new long[net.populationCount()];
            final List<ObjectNode> rows = new ArrayList<>();
            final ObjectMapper om = new ObjectMapper();
            final TextTable t = new TextTable("population", "kind", "neuron model", "shape", "units", "inputs", "synapses in").right(4, 6);
            long units = 0;
            for (int id = 0; id < net.populationCount(); id++)
            {
                final IntPopulation p = net.population(id);
                final StringBuilder inputs = new StringBuilder();
                for (final int pr : p.inputs)
                {
                    synapsesIn[id] += net.projection(pr).synapses();
                    inputs.append(inputs.length() == 0 ? "" : ", ").append(net.projection(pr).name);
                }
                if (p.kind == IntPopulation.Kind.MAX_POOL)
                {
                    inputs.append("max of ").append(net.population(p.source).name).append(' ').append(p.poolKernel).append('×').append(p.poolKernel)
                        .append(" / ").append(p.poolStride).append(" / pad ").append(p.poolPad);
                }
                units += p.kind == IntPopulation.Kind.INPUT ? 0 : p.size;
                final String model = p.neuronModel == null ? "" : p.neuronModel;
                t.row(p.name, p.kind.name().toLowerCase(Locale.ROOT), model, TextTable.shape(p.shape), TextTable.count(p.size), inputs.toString(),
                    zeroBlank(synapsesIn[id]));
                final ObjectNode o = om.createObjectNode().put("name", p.name).put("kind", p.kind.name().toLowerCase(Locale.ROOT))
                    .put("neuronModel", model).put("units", p.size).put("synapsesIn", synapsesIn[id]);
                rows.add(o);
            }
            long synapses = 0;
            for (int k = 0; k < net.projectionCount(); k++)
            {
                synapses += net.projection(k).synapses();
            }
            if (json)
            {
                final ObjectNode root = om.createObjectNode().put("network", net.name).put("T", net.timeWindow);
                root.putArray("populations").addAll(rows);
                root.putObject("totals").put("units", units).put("synapses", synapses);
                out.println(om.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
                return 0;
            }
            out.printf(Locale.ROOT, "%s  T=%d  input %s  (%s)%n%n", net.name, net.timeWindow, net.input == null
                ? "spike trains into '" + net.population(net.spikeSource()).name + "'"
                : TextTable.shape(new int[] {net.input.height(), net.input.width(), net.input.channels()}), what);
            t.rule().row("total", "", "", "", TextTable.count(units), "", TextTable.count(synapses));
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

    @Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a model on images with a reference executor.",
            "Prints the predicted classes, the integer logits and every population's spike counts.",
            "With no arguments: the shipped default model on the shipped images."},
        footer = {"", "Executors:", "  quantized   DESIGN §3.1 layer by layer, no time (the ground truth for D >= T-1)",
            "  spiking     DESIGN §3.2-3.6 tick by tick: DIF neurons, TDEC max-pool and attention, canonical schedule",
            "", "Examples:", "  csdsim model run", "  csdsim model run m.json --input cat.png", "  csdsim model run m.json --synthetic 4 --executor spiking -D 0"})
    static final class Run implements Callable<Integer>
    {
        @Mixin
        ModelOptions model = new ModelOptions();

        @Mixin
        InputOptions inputs = new InputOptions();

        @Option(names = "--executor", defaultValue = "quantized", description = "quantized or spiking (default: ${DEFAULT-VALUE}).")
        String executor;

        @Option(names = "--counts", description = "Print per-population spike counts for every image, not only the first.")
        boolean allCounts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            final boolean spiking = switch (executor)
            {
                case "quantized" -> false;
                case "spiking" -> true;
                default -> throw new InvalidInputException("--executor", "", "'" + executor + "'; expected quantized or spiking");
            };
            final ModelGraph g = model.load();
            final IntNetwork net = model.quantize(g);
            inputs.shippedLimit = 10;
            final ImageSet images = inputs.load(g.input, g.classes());
            out.print(InputLimits.delayNote(g.timeWindow, g.delay));
            out.print(inputs.note);
            final Schedule schedule = Schedule.canonical(net);
            final FunctionalSpiking fs = new FunctionalSpiking(net, schedule);
            final QuantizedReference qr = new QuantizedReference(net);
            out.printf(Locale.ROOT, "model     %s (%s), T=%d, D=%d, %d-bit weights, %d-bit membranes%n", model.path(), g.name,
                net.timeWindow, net.delay, net.weightBits, net.membraneBits);
            out.printf(Locale.ROOT, "executor  %s%s%n", spiking ? "spiking (FunctionalSpiking, canonical schedule)" : "quantized (QuantizedReference)",
                spiking ? String.format(Locale.ROOT, ", %d ticks, output ready at tick %d", schedule.totalTicks(), schedule.outputReadyTick()) : "");
            out.printf(Locale.ROOT, "inputs    %s: %d image(s), %s%n%n", images.source(), images.count(),
                TextTable.shape(new int[] {images.height(), images.width(), images.channels()}));
            final IntPopulation readout = net.readout();
            if (readout == null)
            {
                throw new InvalidInputException(model.path().toString(), "nodes", "the model has no readout; nothing to predict");
            }
            final long[] spikes = new long[net.populationCount()];
            int correct = 0;
            long saturations = 0;
            final TextTable preds = new TextTable("image", "class", "label", "top logit", "logits (integer)").right(0, 1, 3);
            try (Progress p = new Progress("Running", images.count()))
            {
                for (int i = 0; i < images.count(); i++)
                {
                    final int[] in = net.encode(images.pixels()[i]);
                    final ExecutionResult r = spiking ? fs.run(in) : qr.run(in);
                    saturations += r.saturations();
                    for (int id = 0; id < spikes.length; id++)
                    {
                        if (net.population(id).spiking())
                        {
                            spikes[id] += r.totalSpikes(id);
                        }
                    }
                    final int cls = r.predictedClass();
                    final Integer label = images.labels() == null ? null : images.labels()[i];
                    correct += label != null && label == cls ? 1 : 0;
                    preds.row(i, cls, label == null ? "" : label, String.format(Locale.ROOT, "%.4f", r.logits()[cls] * readout.unit),
                        abbreviate(r.logits()));
                    if (allCounts || i == 0)
                    {
                        printCounts(out, net, r, i, images.count() > 1);
                    }
                    p.step();
                }
            }
            preds.print(out);
            out.println();
            out.printf(Locale.ROOT, "logit = integer × %.6g (ANN units)%n", readout.unit);
            if (images.labels() != null)
            {
                out.printf(Locale.ROOT, "accuracy  %d/%d = %s%n", correct, images.count(), TextTable.percent((double)correct / images.count()));
            }
            if (saturations > 0)
            {
                out.printf(Locale.ROOT, "membrane saturations: %d (counts may differ from the quantized reference)%n", saturations);
            }
            return 0;
        }

        private static String abbreviate(final long[] logits)
        {
            final StringBuilder sb = new StringBuilder();
            final int n = Math.min(10, logits.length);
            for (int c = 0; c < n; c++)
            {
                sb.append(c == 0 ? "" : " ").append(logits[c]);
            }
            return logits.length > n ? sb + " ... (" + logits.length + " classes)" : sb.toString();
        }

        private static void printCounts(final PrintWriter out, final IntNetwork net, final ExecutionResult r, final int image, final boolean many)
        {
            if (many)
            {
                out.printf(Locale.ROOT, "image %d%n", image);
            }
            final TextTable t = new TextTable("population", "kind", "neurons", "spikes", "firing rate").right(2, 3, 4);
            for (int id = 0; id < net.populationCount(); id++)
            {
                final IntPopulation p = net.population(id);
                if (p.spiking())
                {
                    final long s = r.totalSpikes(id);
                    t.row(p.name, p.kind == IntPopulation.Kind.DIF ? "DIF" : "TDEC-MP", TextTable.count(p.size), TextTable.count(s),
                        TextTable.percent((double)s / ((double)p.size * net.timeWindow)));
                }
            }
            t.print(out);
            out.println();
        }
    }

    @Command(name = "error", mixinStandardHelpOptions = true,
        description = {"Report the error the integer rule adds to a model, on images.",
            "Per population: the largest pre-activation difference when fed the float model's own spikes, in ANN",
            "units and in thresholds, and the share of neurons whose count differs end to end. Also how often both",
            "models predict the same class, and both accuracies when labels exist."},
        footer = {"", "Example:", "  csdsim model error m.json --synthetic 4 --weight-bits 6"})
    static final class Error implements Callable<Integer>
    {
        @Mixin
        ModelOptions model = new ModelOptions();

        @Mixin
        InputOptions inputs = new InputOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            final ModelGraph g = model.load();
            final IntNetwork net = model.quantize(g);
            final ImageSet images = inputs.load(g.input, g.classes());
            final QuantizationError err = new QuantizationError(g, net, images.pixels(), images.labels());
            out.printf(Locale.ROOT, "%s, %d-bit weights, on %s (%d images)%n%n", g.name, net.weightBits, images.source(), images.count());
            final TextTable t = new TextTable("population", "max |Δz|", "in thresholds", "count mismatch (end to end)").right(1, 2, 3);
            for (final QuantizationError.Row r : err.rows())
            {
                t.row(r.population(), String.format(Locale.ROOT, "%.4g", r.maxAbsDelta()), String.format(Locale.ROOT, "%.4f", r.maxDeltaOverThreshold()),
                    TextTable.percent(r.countMismatch()));
            }
            t.print(out);
            out.println();
            out.printf(Locale.ROOT, "same class, float and integer: %s%n", TextTable.percent(err.classAgreement()));
            if (images.labels() != null)
            {
                out.printf(Locale.ROOT, "accuracy: float %s, integer %s%n", TextTable.percent(err.floatAccuracy()), TextTable.percent(err.integerAccuracy()));
            }
            return 0;
        }
    }
}
