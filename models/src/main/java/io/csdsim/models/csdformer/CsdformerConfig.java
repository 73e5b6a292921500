package io.csdsim.models.csdformer;

import io.csdsim.models.InputLimits;
import io.csdsim.models.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters of one CSDformer: blocks, embedding width, heads, the image it takes and its
 * classes, where its pools sit, and the time window T and DIF delay D it runs with.
 */
public record CsdformerConfig(int blocks, int embed, int heads, String dataset, int imageSize, int channels, int classes,
    boolean imagenetPooling, double[] mean, double[] std, int timeWindow, int delay)
{
    /** The six published configurations, as "blocks-embedding" with their dataset family. */
    public static final String[][] PUBLISHED = {
        {"4-256", "cifar"}, {"2-384", "cifar"}, {"4-384", "cifar"},
        {"8-384", "imagenet"}, {"8-512", "imagenet"}, {"8-768", "imagenet"}};

    public CsdformerConfig
    {
        if (blocks < 0 || embed < 8 || embed % 8 != 0 || heads < 1 || embed % heads != 0)
        {
            throw new IllegalArgumentException("invalid CSDformer " + blocks + "-" + embed + " with " + heads + " heads");
        }
    }

    /** Most blocks of a configuration named by --arch (the published ones have 2 to 8). */
    public static final int MAX_BLOCKS = 64;
    /** Largest embedding of a configuration named by --arch (the published ones reach 768). */
    public static final int MAX_EMBEDDING = 4096;

    /**
     * The configuration named by {@code --arch L-D} on a dataset, with the paper's heads (8 on ImageNet,
     * 16 for 4-256, 12 for the other CIFAR models) unless {@code heads > 0} overrides them.
     */
    public static CsdformerConfig of(final String arch, final String datasetId, final int heads, final int timeWindow,
        final int delay)
    {
        final String[] parts = arch.split("-");
        final int l;
        final int d;
        try
        {
            if (parts.length != 2)
            {
                throw new NumberFormatException();
            }
            l = Integer.parseInt(parts[0]);
            d = Integer.parseInt(parts[1]);
        }
        catch (final NumberFormatException e)
        {
            throw new InvalidInputException("--arch", "", "'" + arch + "' is not BLOCKS-EMBEDDING, e.g. 4-384");
        }
        final Dataset ds = Dataset.byId(datasetId);
        if (ds == null)
        {
            throw new InvalidInputException("--dataset", "", "'" + datasetId + "' is not one of " + Dataset.ids());
        }
        if (l < 1 || l > MAX_BLOCKS || d < 8 || d > MAX_EMBEDDING || d % 8 != 0)
        {
            throw new InvalidInputException("--arch", "", "'" + arch + "': expected 1.." + MAX_BLOCKS + " blocks and an embedding that is a "
                + "multiple of 8 in 8.." + MAX_EMBEDDING + " (docs/reliability.md)");
        }
        final int h = heads > 0 ? heads : ds.imagenetPooling ? 8 : d == 256 ? 16 : d % 12 == 0 ? 12 : 8;
        if (h > InputLimits.MAX_HEADS || d % h != 0)
        {
            throw new InvalidInputException("--heads", "", h + " heads do not divide the embedding " + d);
        }
        InputLimits.checkTimeWindow("-T", "", timeWindow);
        InputLimits.checkDelay("--delay", "", delay);
        return new CsdformerConfig(l, d, h, ds.id, ds.imageSize, ds.channels, ds.classes, ds.imagenetPooling, ds.mean,
            ds.std, timeWindow, delay);
    }

    /** A custom small configuration (tests, random graphs): any image size, mean 0.5 and std 0.25. */
    public static CsdformerConfig custom(final int blocks, final int embed, final int heads, final int imageSize,
        final int channels, final int classes, final boolean imagenetPooling, final int timeWindow, final int delay)
    {
        final double[] mean = new double[channels];
        final double[] std = new double[channels];
        java.util.Arrays.fill(mean, 0.5);
        java.util.Arrays.fill(std, 0.25);
        return new CsdformerConfig(blocks, embed, heads, "custom", imageSize, channels, classes, imagenetPooling, mean, std,
            timeWindow, delay);
    }

    public String archName()
    {
        return blocks + "-" + embed;
    }

    /** @return the hyper-parameters as the model file's "architecture" object. */
    public Map<String, Object> asMap()
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", "csdformer");
        m.put("blocks", blocks);
        m.put("embed", embed);
        m.put("heads", heads);
        m.put("mlpRatio", 4);
        m.put("dataset", dataset);
        m.put("classes", classes);
        m.put("pooling", imagenetPooling ? "imagenet" : "cifar");
        return m;
    }
}
