package io.csdsim.cli;

import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.reference.QuantizationError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim model error}: what the integer rule costs a model, per population, on images. */
@Command(name = "error", mixinStandardHelpOptions = true,
    description = {"Report the error the integer rule adds to a model, on images.",
        "Per population: the largest pre-activation difference when fed the float model's own spikes, in ANN",
        "units and in thresholds, and the share of neurons whose count differs end to end. Also how often both",
        "models predict the same class, and both accuracies when labels exist."},
    footer = {"", "Example:", "  csdsim model error m.json --synthetic 4 --weight-bits 6"})
final class ModelErrorCommand extends CommandBase implements Callable<Integer>
{
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    InputOptions inputs = new InputOptions();

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
