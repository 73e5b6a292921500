package io.csdsim.cli;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.reference.ExecutionResult;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.QuantizedReference;
import io.csdsim.models.reference.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim model run}: a model on the reference executors, with its classes, logits and spike counts. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a model on images with a reference executor.",
        "Prints the predicted classes, the integer logits and every population's spike counts.",
        "With no arguments: the shipped default model on the shipped images."},
    footer = {"", "Executors:", "  quantized   DESIGN §3.1 layer by layer, no time (the ground truth for D >= T-1)",
        "  spiking     DESIGN §3.2-3.6 tick by tick: DIF neurons, TDEC max-pool and attention, canonical schedule",
        "", "Examples:", "  csdsim model run", "  csdsim model run m.json --input cat.png", "  csdsim model run m.json --synthetic 4 --executor spiking -D 0"})
final class ModelRunCommand extends CommandBase implements Callable<Integer>
{
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    InputOptions inputs = new InputOptions();

    @Option(names = "--executor", defaultValue = "quantized", description = "quantized or spiking (default: ${DEFAULT-VALUE}).")
    String executor;

    @Option(names = "--counts", description = "Print per-population spike counts for every image, not only the first.")
    boolean allCounts;

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
                t.row(p.name, kindLabel(p), TextTable.count(p.size), TextTable.count(s),
                    TextTable.percent((double)s / ((double)p.size * net.timeWindow)));
            }
        }
        t.print(out);
        out.println();
    }

    /** @return what a population is, as the table calls it: DIF, a TDEC max-pool, or the neuron model it names. */
    private static String kindLabel(final IntPopulation p)
    {
        return switch (p.kind)
        {
            case DIF -> "DIF";
            case MAX_POOL -> "TDEC-MP";
            case NEURONS -> p.neuronModel;
            default -> p.kind.name();
        };
    }
}
