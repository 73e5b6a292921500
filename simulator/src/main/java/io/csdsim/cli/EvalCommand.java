package io.csdsim.cli;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.reference.FloatReference;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.QuantizedReference;
import io.csdsim.models.reference.Schedule;
import io.csdsim.simulator.engine.ParallelSamples;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;

/**
 * {@code csdsim eval}: a labelled dataset through the float model, the integer network and the
 * spiking network at several delays, and the accuracy of each — the paper's Table 4 for one model.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Measure a model's accuracy: float, integer and spiking for each DIF delay D.",
        "On a labelled dataset: the float model (FloatReference), the integer network (QuantizedReference) and the",
        "spiking network tick by tick (FunctionalSpiking) for each D,",
        "which shows the unevenness error of D < T-1. With no arguments: the shipped model on the 1,000 shipped",
        "Fashion-MNIST test images; --full uses all 10,000 when Debian's dataset-fashion-mnist is installed."},
    footer = {"", "Examples:", "  csdsim eval", "  csdsim eval --full --threads 2", "  csdsim eval m.json --input x.idx.gz --labels y.idx.gz --delays 0,3"})
final class EvalCommand extends CommandBase implements Callable<Integer>
{
    /** Where Debian's dataset-fashion-mnist puts the test set. */
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    InputOptions inputs = new InputOptions();

    @Option(names = "--full", description = "All 10,000 Fashion-MNIST test images from " + "/usr/share/datasets/fashion-mnist.")
    boolean full;

    @Option(names = "--delays", split = ",", paramLabel = "D", description = "DIF delays to run the spiking network with (default: 0..T-1).")
    int[] delays;

    @Option(names = "--no-float", description = "Skip the float model.")
    boolean noFloat;

    @Option(names = "--threads", defaultValue = "0", description = "Images in parallel (default: every processor); results do not depend on it.")
    int threads;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        threads = SimulateCommand.threadsToUse(threads, spec.commandLine().getErr());
        final ModelGraph g = model.load();
        final ImageSet images = images(g);
        if (images.labels() == null)
        {
            throw new InvalidInputException(images.source(), "", "no labels; give --labels FILE (IDX) to measure accuracy");
        }
        final int t = g.timeWindow;
        final int[] ds = delays != null ? delays : java.util.stream.IntStream.range(0, t).toArray();
        for (final int d : ds)
        {
            InputLimits.checkDelay("--delays", "", d);
        }
        out.printf(Locale.ROOT, "model   %s (%s), T=%d, %d-bit weights, %d-bit membranes%n", model.path(), g.name, t, model.weightBits,
            model.membraneBits);
        out.printf(Locale.ROOT, "images  %s: %d labelled image(s)%n%n", images.source(), images.count());
        final TextTable table = new TextTable("network", "executor", "accuracy", "same class as integer").right(2, 3);
        final IntNetwork net = model.quantize(g);
        final QuantizedReference qr = new QuantizedReference(net);
        final int[] reference = predict("integer network", images, i -> qr.run(net.encode(images.pixels()[i])).predictedClass());
        if (!noFloat)
        {
            final FloatReference fr = new FloatReference(g);
            final int readout = readoutIndex(g);
            final int[] f = predict("float model", images, i -> argmax(fr.runAll(images.pixels()[i]).value(readout)));
            table.row("float (ANN, quantized activations)", "FloatReference", accuracy(f, images), agreement(f, reference));
        }
        table.row("integer, no time", "QuantizedReference", accuracy(reference, images), agreement(reference, reference));
        for (final int d : ds)
        {
            final IntNetwork nd = model.quantize(g.withDelay(d));
            final FunctionalSpiking fs = new FunctionalSpiking(nd, Schedule.canonical(nd));
            final int[] s = predict("spiking, D=" + d, images, i -> fs.run(nd.encode(images.pixels()[i])).predictedClass());
            table.row("spiking, D=" + d + (d >= t - 1 ? " (exact)" : ""), "FunctionalSpiking", accuracy(s, images), agreement(s, reference));
        }
        table.print(out);
        out.println();
        out.println("D >= T-1 reproduces the integer network exactly (DESIGN §3.2); smaller D fires before the last inputs arrive.");
        return 0;
    }

    private ImageSet images(final ModelGraph g)
    {
        if (!full)
        {
            return inputs.load(g.input, g.classes());
        }
        if (inputs.input != null || inputs.synthetic != null)
        {
            throw new InvalidInputException("--full", "", "give --full or --input/--synthetic, not both");
        }
        final Path images = FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz");
        final Path labels = FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz");
        if (!Files.exists(images) || !Files.exists(labels))
        {
            throw new InvalidInputException(images.toString(), "", "not found; install Debian's dataset-fashion-mnist, or give --input and --labels");
        }
        ImageSet set = InputOptions.withLabels(InputLoader.load(images, g.input, inputs.resize), labels, g.classes());
        if (inputs.limit != null)
        {
            set = set.limit(inputs.limit);
        }
        return set;
    }

    private static int readoutIndex(final ModelGraph g)
    {
        for (int i = 0; i < g.nodes().size(); i++)
        {
            final GraphNode n = g.nodes().get(i);
            if (n.op == OpKind.READOUT)
            {
                return i;
            }
        }
        throw new InvalidInputException(g.name, "nodes", "the model has no readout; nothing to predict");
    }

    private static int argmax(final double[] v)
    {
        int best = 0;
        for (int i = 1; i < v.length; i++)
        {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    /** Predictions of every image, in parallel over images. */
    private int[] predict(final String what, final ImageSet images, final IntUnaryOperator classOf)
    {
        try (Progress p = new Progress(what, images.count()))
        {
            return ParallelSamples.map(images.count(), threads, classOf::applyAsInt, i -> p.step()).stream().mapToInt(Integer::intValue)
                .toArray();
        }
    }

    private static String accuracy(final int[] predicted, final ImageSet images)
    {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++)
        {
            correct += predicted[i] == images.labels()[i] ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%s (%d/%d)", TextTable.percent((double)correct / predicted.length), correct, predicted.length);
    }

    private static String agreement(final int[] a, final int[] b)
    {
        int same = 0;
        for (int i = 0; i < a.length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }
        return TextTable.percent((double)same / a.length);
    }
}
