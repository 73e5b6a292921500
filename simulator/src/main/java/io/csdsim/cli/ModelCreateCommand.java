package io.csdsim.cli;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.CsdformerGraphBuilder;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.format.ModelFileWriter;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code csdsim model create}: a CSDformer of the zoo with seeded synthetic weights and calibrated thresholds. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = {"Create a CSDformer with seeded synthetic weights and calibrated thresholds.",
        "Thresholds are set on synthetic images so that every population fires at a chosen rate, as a trained",
        "spiking transformer's 5-30 %% would, so that energy figures of the model mean something.",
        "Writes MODEL.json and MODEL.safetensors beside it."},
    footer = {"", "Example:", "  csdsim model create --arch 4-384 --dataset cifar10 --seed 1 -o m.json"})
final class ModelCreateCommand extends CommandBase implements Callable<Integer>
{
    /** Most synthetic images the thresholds are calibrated on. */
    static final int MAX_CALIBRATION_IMAGES = 256;

    @Mixin
    ModelArchOptions arch = new ModelArchOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and calibration images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "0.15", description = "Target firing rate of every population (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--calibration-images", defaultValue = "2", description = "Synthetic images the thresholds are calibrated on (default: ${DEFAULT-VALUE}).")
    int calibrationImages;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.json", description = "Model file to write.")
    Path output;

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
