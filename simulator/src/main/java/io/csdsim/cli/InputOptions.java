package io.csdsim.cli;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.input.IdxReader;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.input.InputLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which images a command runs: a file, seeded synthetic images, or the shipped default inputs. */
final class InputOptions
{
    /** The shipped inputs of the default model, under the installation root. */
    static final String DEFAULT_INPUTS = "data/inputs/fashion-mnist-test-1000-images-idx3-ubyte.gz";
    /** Their labels, used when the shipped inputs are. */
    static final String DEFAULT_LABELS = "data/inputs/fashion-mnist-test-1000-labels-idx1-ubyte.gz";

    @Option(names = "--input", paramLabel = "FILE", description = "Images: IDX (.idx, .gz, *-ubyte), .npy (uint8 or float32 in [0, 1]), .png, .jpg.")
    Path input;

    @Option(names = "--labels", paramLabel = "FILE", description = "IDX labels for the images, to report accuracy.")
    Path labels;

    @Option(names = "--synthetic", paramLabel = "N", description = "Use N seeded synthetic images instead of a file.")
    Integer synthetic;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic images (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N images.")
    Integer limit;

    @Option(names = "--resize", description = {"Convert images of another size or channel count to the model's input (bilinear",
        "resampling; grey to RGB and back). Without it such images are refused."})
    boolean resize;

    /** How many of the shipped images a command takes when no --limit is given (0: all). */
    int shippedLimit;

    /** Set by {@link #load} when the shipped images were cut to {@link #shippedLimit}: a line for the user. */
    String note = "";

    /**
     * @return the images, of the model's input shape (or resized to it with --resize); the shipped
     * inputs when none are named.
     * @param classes the model's classes: labels must lie in 0..classes-1.
     */
    ImageSet load(final InputSpec spec, final int classes)
    {
        if (input != null && synthetic != null)
        {
            throw new InvalidInputException("--input/--synthetic", "", "give one of them, not both");
        }
        if (labels != null && synthetic != null)
        {
            throw new InvalidInputException("--labels", "", "labels go with images from --input; synthetic images have none");
        }
        ImageSet set;
        if (synthetic != null)
        {
            if (synthetic < 1 || synthetic > InputLimits.MAX_SAMPLES)
            {
                throw new InvalidInputException("--synthetic", "", synthetic + "; expected N in 1.." + InputLimits.MAX_SAMPLES
                    + " (docs/reliability.md)");
            }
            final int n = limit != null && limit >= 1 ? Math.min(limit, synthetic) : synthetic;
            InputLimits.requireHeap("--synthetic", String.format(java.util.Locale.ROOT, "%,d synthetic images of %d×%d×%d", n, spec.height(),
                spec.width(), spec.channels()), n * (16L + 4L * spec.height() * spec.width() * spec.channels()), "fewer images (--synthetic N, --limit N)");
            set = new ImageSet(spec.height(), spec.width(), spec.channels(), SyntheticImages.generate(spec, synthetic, seed), null,
                synthetic + " synthetic images (seed " + seed + ")");
        }
        else
        {
            Path p = input;
            Path l = labels;
            if (p == null)
            {
                p = CsdsimCommand.home().resolve(DEFAULT_INPUTS);
                if (!Files.exists(p))
                {
                    throw new InvalidInputException(p.toString(), "", "the shipped inputs are missing; name images with --input or use --synthetic N");
                }
                if (l == null && Files.exists(CsdsimCommand.home().resolve(DEFAULT_LABELS)))
                {
                    l = CsdsimCommand.home().resolve(DEFAULT_LABELS);
                }
            }
            set = withLabels(InputLoader.load(p, spec, resize), l, classes);
            if (input == null && limit == null && shippedLimit > 0 && set.count() > shippedLimit)
            {
                note = String.format(java.util.Locale.ROOT, "note: the first %d of the %,d shipped images (--limit N for more)%n", shippedLimit,
                    set.count());
                set = set.limit(shippedLimit);
            }
        }
        if (limit != null)
        {
            if (limit < 1)
            {
                throw new InvalidInputException("--limit", "", limit + "; expected N >= 1");
            }
            set = set.limit(limit);
        }
        if (set.count() == 0)
        {
            throw new InvalidInputException(set.source(), "", "holds no images");
        }
        return set;
    }

    /** @return the images with labels read from a file: one per image, each a class of the model. */
    static ImageSet withLabels(final ImageSet set, final Path labels, final int classes)
    {
        if (labels == null)
        {
            return set;
        }
        final int[] l = IdxReader.readLabels(labels);
        if (l.length != set.count())
        {
            throw new InvalidInputException(labels.toString(), "offset 4", l.length + " labels for the " + set.count() + " images of "
                + set.source() + "; expected one label per image");
        }
        for (int i = 0; i < l.length; i++)
        {
            if (l[i] >= classes)
            {
                throw new InvalidInputException(labels.toString(), "label " + i, l[i] + "; the model has " + classes
                    + " classes: expected 0.." + (classes - 1));
            }
        }
        return set.withLabels(l);
    }
}
