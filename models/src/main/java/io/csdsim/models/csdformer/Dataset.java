package io.csdsim.models.csdformer;

/**
 * The datasets a CSDformer is configured for: image size, channels, classes, normalisation, and where
 * the tokenizer's max-pools sit (before conv1..conv4 on ImageNet, before conv3 and conv4 elsewhere).
 */
public enum Dataset
{
    CIFAR10("cifar10", 32, 3, 10, false, new double[] {0.4914, 0.4822, 0.4465}, new double[] {0.2470, 0.2435, 0.2616}),
    CIFAR100("cifar100", 32, 3, 100, false, new double[] {0.5071, 0.4865, 0.4409}, new double[] {0.2673, 0.2564, 0.2762}),
    IMAGENET("imagenet", 224, 3, 1000, true, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}),
    FASHION_MNIST("fashion-mnist", 28, 1, 10, false, new double[] {0.2860}, new double[] {0.3530});

    public final String id;
    public final int imageSize;
    public final int channels;
    public final int classes;
    /** True: pools before conv1..conv4 (ImageNet); false: before conv3 and conv4 (CIFAR). */
    public final boolean imagenetPooling;
    public final double[] mean;
    public final double[] std;

    Dataset(final String id, final int imageSize, final int channels, final int classes, final boolean imagenetPooling,
        final double[] mean, final double[] std)
    {
        this.id = id;
        this.imageSize = imageSize;
        this.channels = channels;
        this.classes = classes;
        this.imagenetPooling = imagenetPooling;
        this.mean = mean;
        this.std = std;
    }

    public static Dataset byId(final String id)
    {
        for (final Dataset d : values())
        {
            if (d.id.equalsIgnoreCase(id))
            {
                return d;
            }
        }
        return null;
    }

    public static String ids()
    {
        final StringBuilder sb = new StringBuilder();
        for (final Dataset d : values())
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(d.id);
        }
        return sb.toString();
    }
}
