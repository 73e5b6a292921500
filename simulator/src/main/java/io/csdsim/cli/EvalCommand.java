package io.csdsim.cli;

import io.csdsim.library.ReferenceEvaluation;
import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.InputLoader;
import io.csdsim.models.quant.IntNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

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
        final ReferenceEvaluation eval = new ReferenceEvaluation(images, threads);
        final int[] reference = predict("integer network", images, step -> eval.integer(model.quantize(g), step));
        if (!noFloat)
        {
            final int[] f = predict("float model", images, step -> eval.floatModel(g, step));
            table.row("float (ANN, quantized activations)", "FloatReference", accuracy(eval, f), TextTable.percent(ReferenceEvaluation.agreement(f, reference)));
        }
        table.row("integer, no time", "QuantizedReference", accuracy(eval, reference), TextTable.percent(1.0));
        for (final int d : ds)
        {
            final IntNetwork nd = model.quantize(g.withDelay(d));
            final int[] s = predict("spiking, D=" + d, images, step -> eval.spiking(nd, step));
            table.row("spiking, D=" + d + (d >= t - 1 ? " (exact)" : ""), "FunctionalSpiking", accuracy(eval, s),
                TextTable.percent(ReferenceEvaluation.agreement(s, reference)));
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

    /** Predictions of every image under a progress bar. */
    private static int[] predict(final String what, final ImageSet images, final java.util.function.Function<Runnable, int[]> run)
    {
        try (Progress p = new Progress(what, images.count()))
        {
            return run.apply(p::step);
        }
    }

    private static String accuracy(final ReferenceEvaluation eval, final int[] predicted)
    {
        final int correct = eval.correct(predicted);
        return String.format(Locale.ROOT, "%s (%d/%d)", TextTable.percent((double)correct / predicted.length), correct, predicted.length);
    }
}
