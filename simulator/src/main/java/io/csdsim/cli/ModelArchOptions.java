package io.csdsim.cli;

import io.csdsim.models.InvalidInputException;
import io.csdsim.models.csdformer.CsdformerConfig;
import picocli.CommandLine.Option;


/** The configuration options shared by create and info. */
final class ModelArchOptions
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
