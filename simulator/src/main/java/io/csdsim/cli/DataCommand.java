package io.csdsim.cli;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.format.ModelFileReader;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.NpyWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code csdsim data ...}: make input files. */
@Command(name = "data", description = "Make input files.", mixinStandardHelpOptions = true, subcommands = DataCommand.Synthetic.class)
final class DataCommand extends CommandBase implements Runnable
{

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "synthetic", mixinStandardHelpOptions = true,
        description = "Write seeded synthetic 8-bit images, shaped for a model, as a uint8 .npy array [n, h, w, c].",
        footer = {"", "Example:", "  csdsim data synthetic --model m.json -n 8 -o images.npy"})
    static final class Synthetic extends CommandBase implements Callable<Integer>
    {
        @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "Model whose input shape the images take.")
        Path model;

        @Option(names = "-n", defaultValue = "8", description = "Number of images (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.npy", description = "File to write.")
        Path output;

        @Override
        public Integer call() throws Exception
        {
            if (count < 1 || count > InputLimits.MAX_SAMPLES)
            {
                throw new InvalidInputException("-n", "", count + "; expected 1.." + InputLimits.MAX_SAMPLES + " (docs/reliability.md)");
            }
            try (OutputFiles files = new OutputFiles())
            {
                final OutputFiles.Output file = files.model(model).add("-o", output);
                final InputSpec in = ModelFileReader.readStructure(model).input;
                InputLimits.requireHeap("-n", String.format(java.util.Locale.ROOT, "%,d synthetic images of %d×%d×%d", count, in.height(),
                    in.width(), in.channels()), count * (16L + 5L * in.height() * in.width() * in.channels()), "a smaller -n");
                final ImageSet set = new ImageSet(in.height(), in.width(), in.channels(), SyntheticImages.generate(in, count, seed), null, "synthetic");
                try (OutputStream out = file.open())
                {
                    NpyWriter.write(set, out);
                }
                files.publish();
                spec.commandLine().getOut().printf("wrote %d images %dx%dx%d to %s%n", count, in.height(), in.width(), in.channels(), output);
            }
            return 0;
        }
    }
}
