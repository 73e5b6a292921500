package io.csdsim.models.quant;

import io.csdsim.models.InvalidInputException;
import io.csdsim.models.neuron.NeuronModels;

/**
 * The integer network checked as a graph, whoever produced it (the CSDformer quantizer, a model file,
 * an importer, a test): every population's inputs name projections into it of its size, every
 * projection's sources exist and match its sizes, sparse rows are well formed, shifts and delays are
 * in range, and every named neuron model takes its parameters. One line names the first part that
 * disagrees. The mapper runs it before compiling.
 */
public final class NetworkCheck
{
    /** Shifts larger than this would push a 16-bit mantissa past a 62-bit membrane. */
    public static final int MAX_SHIFT = 46;
    /** Delays beyond any chip's axons (Loihi: 62 ticks) and any schedule's bound. */
    public static final int MAX_DELAY = 1 << 16;

    private NetworkCheck()
    {
    }

    /** Throws {@link InvalidInputException} naming the first population or projection that is wrong. */
    public static void check(final IntNetwork net)
    {
        check("network '" + net.name + "'", net);
    }

    /** As {@link #check(IntNetwork)}, naming {@code src} (the file the network came from) in the message. */
    public static void check(final String src, final IntNetwork net)
    {
        for (int id = 0; id < net.populationCount(); id++)
        {
            final IntPopulation p = net.population(id);
            expect(src, "population " + id + " '" + p.name + "'", p.kind != IntPopulation.Kind.INPUT || net.input != null,
                "an input population needs the network's image stage");
            expect(src, "population " + id + " '" + p.name + "'", !io.csdsim.models.neuron.SpikeSourceReference.NAME.equals(p.neuronModel)
                || p.inputs.length == 0, "a spike source takes the host's spike trains, not projections");
            if (p.kind == IntPopulation.Kind.INPUT && net.input != null)
            {
                expect(src, "population " + id + " '" + p.name + "'", (long)p.size == (long)net.input.height() * net.input.width()
                    * net.input.channels(), p.size + " input units; the input stage delivers " + net.input.height() + " × "
                    + net.input.width() + " × " + net.input.channels());
            }
        }
        for (int k = 0; k < net.projectionCount(); k++)
        {
            projection(src, net, net.projection(k), k);
        }
        for (int id = 0; id < net.populationCount(); id++)
        {
            population(src, net, net.population(id), id);
        }
    }

    private static void projection(final String src, final IntNetwork net, final Projection p, final int k)
    {
        final String where = "projection " + k + " '" + p.name + "'";
        expect(src, where, p.id == k, "carries id " + p.id);
        expect(src, where, p.delay >= 0 && p.delay <= MAX_DELAY, "delay " + p.delay + "; expected 0 (the schedule's) or 1.." + MAX_DELAY);
        if (p.kind == Projection.Kind.HEAD)
        {
            // The readout's classifier reads accumulated column sums, not a population.
            expect(src, where, p.mantissa != null && p.mantissa.length == (long)p.inFeatures * p.outFeatures, "a classifier of "
                + p.inFeatures + " × " + p.outFeatures + " holds " + (p.mantissa == null ? 0 : p.mantissa.length) + " mantissas");
            return;
        }
        expect(src, where, p.sourceA >= 0 && p.sourceA < net.populationCount() && p.sourceB >= -1 && p.sourceB < net.populationCount(),
            "sources " + p.sourceA + ", " + p.sourceB + " do not exist");
        final IntPopulation a = net.population(p.sourceA);
        switch (p.kind)
        {
            case SPARSE -> {
                expect(src, where, a.size == p.inFeatures && p.rowStart != null && p.targets != null && p.mantissa != null
                    && p.rowStart.length == p.inFeatures + 1 && p.rowStart[0] == 0 && p.rowStart[p.inFeatures] == p.targets.length
                    && p.targets.length == p.mantissa.length, "sparse rows of " + p.inFeatures + " sources from '" + a.name + "' ("
                    + a.size + " units): expected one row start per source and one past, from 0 to the synapse count, one weight per synapse");
                for (int s = 0; s < p.inFeatures; s++)
                {
                    expect(src, where, p.rowStart[s] <= p.rowStart[s + 1], "row " + s + " starts after the next");
                }
                for (final int t : p.targets)
                {
                    expect(src, where, t >= 0 && t < p.outputSize, "a synapse targets unit " + t + " of " + p.outputSize);
                }
            }
            case LINEAR, CONV3X3 -> expect(src, where, p.mantissa != null && p.mantissa.length == (p.kind == Projection.Kind.CONV3X3 ? 9L : 1L)
                * p.inFeatures * p.outFeatures, "weights of " + (p.mantissa == null ? 0 : p.mantissa.length) + " mantissas; expected "
                + (p.kind == Projection.Kind.CONV3X3 ? "9 × " : "") + p.inFeatures + " × " + p.outFeatures);
            case CONV -> {
                expect(src, where, p.kernel >= 1 && p.stride >= 1 && p.pad >= 0 && p.pad < p.kernel && p.groups >= 1
                    && p.inFeatures % p.groups == 0 && p.outFeatures % p.groups == 0 && p.outHeight() >= 1 && p.outWidth() >= 1,
                    "a convolution of kernel " + p.kernel + ", stride " + p.stride + ", padding " + p.pad + ", " + p.groups + " groups on a "
                        + p.height + "×" + p.width + "×" + p.inFeatures + " map does not fit");
                expect(src, where, p.mantissa != null && p.mantissa.length == (long)p.kernel * p.kernel * (p.inFeatures / p.groups) * p.outFeatures,
                    "weights of " + (p.mantissa == null ? 0 : p.mantissa.length) + " mantissas; expected " + p.kernel + " × " + p.kernel + " × "
                        + p.inFeatures / p.groups + " × " + p.outFeatures);
                expect(src, where, a.size == p.height * p.width * p.inFeatures, "'" + a.name + "' has " + a.size + " units; the convolution reads "
                    + p.height + " × " + p.width + " × " + p.inFeatures);
            }
            case PRODUCT -> {
                expect(src, where, p.sourceB >= 0 && p.product != null, "a product takes two sources and an index map");
                final String problem = p.product.problem();
                expect(src, where, problem == null, "product map " + p.product + ": " + problem);
                final IntPopulation b = net.population(p.sourceB);
                expect(src, where, a.size == p.product.size(p.product.a()) && b.size == p.product.size(p.product.b())
                    && p.outputSize == p.product.size(p.product.out()), "the product " + p.product + " takes " + p.product.size(p.product.a())
                    + " and " + p.product.size(p.product.b()) + " units into " + p.product.size(p.product.out()) + "; '" + a.name + "' has "
                    + a.size + ", '" + b.name + "' " + b.size + ", the current " + p.outputSize);
            }
            default -> throw new IllegalStateException(p.kind.name());
        }
        if (p.kind == Projection.Kind.LINEAR || p.kind == Projection.Kind.CONV3X3)
        {
            expect(src, where, (long)a.size == (long)p.tokens() * p.inFeatures, "'" + a.name + "' has " + a.size + " units; the projection reads "
                + p.tokens() + " × " + p.inFeatures);
        }
    }

    private static void population(final String src, final IntNetwork net, final IntPopulation p, final int id)
    {
        final String where = "population " + id + " '" + p.name + "'";
        expect(src, where, p.id == id, "carries id " + p.id);
        expect(src, where, p.inputs.length == p.inputShifts.length, p.inputs.length + " inputs and " + p.inputShifts.length + " shifts");
        for (int k = 0; k < p.inputs.length; k++)
        {
            final int pr = p.inputs[k];
            expect(src, where, pr >= 0 && pr < net.projectionCount(), "input " + k + " names projection " + pr + ", which does not exist");
            final Projection proj = net.projection(pr);
            expect(src, where, proj.outputSize == p.size || p.kind == IntPopulation.Kind.READOUT, "input '" + proj.name + "' makes "
                + proj.outputSize + " currents for " + p.size + " units");
            expect(src, where, net.population(proj.sourceA).spiking() || net.population(proj.sourceA).kind == IntPopulation.Kind.INPUT,
                "input '" + proj.name + "' comes from '" + net.population(proj.sourceA).name + "', which does not spike");
            expect(src, where, p.inputShifts[k] >= 0 && p.inputShifts[k] <= MAX_SHIFT, "shift " + p.inputShifts[k] + " of input " + k
                + "; expected 0.." + MAX_SHIFT);
        }
        if (p.kind == IntPopulation.Kind.NEURONS)
        {
            expect(src, where, p.neuronModel != null, "a NEURONS population names its neuron model");
            // Its graded spikes are the mapper's (--residual accumulate); the network's executors send binary ones.
            expect(src, where, !io.csdsim.models.neuron.AccumulatorReference.NAME.equals(p.neuronModel), "the accumulator model is placed by "
                + "the mapper (--residual accumulate), not held by a network; expected one of if, cuba-lif, dif, spike-source");
            // One unit made and dropped: an unknown model or parameter is refused here, naming the population.
            NeuronModels.create(src + ": " + where, p.neuronModel, p.neuronParameters, net.membraneBits);
        }
        if (p.kind == IntPopulation.Kind.MAX_POOL)
        {
            expect(src, where, p.source >= 0 && p.source < net.populationCount() && net.population(p.source).spiking()
                && net.population(p.source).shape.length == 3, "a max-pool pools a spiking [H, W, C] population; source " + p.source);
            expect(src, where, p.poolKernel >= 1 && p.poolStride >= 1 && p.poolPad >= 0 && p.poolPad < p.poolKernel, "window "
                + p.poolKernel + "/" + p.poolStride + "/pad " + p.poolPad + "; expected kernel and stride >= 1, padding below the kernel");
            final int[] s = net.population(p.source).shape;
            final int ho = Projection.outSide(s[0], p.poolKernel, p.poolStride, p.poolPad);
            final int wo = Projection.outSide(s[1], p.poolKernel, p.poolStride, p.poolPad);
            expect(src, where, java.util.Arrays.equals(p.shape, new int[] {ho, wo, s[2]}), "shape " + java.util.Arrays.toString(p.shape)
                + "; the window makes " + java.util.Arrays.toString(new int[] {ho, wo, s[2]}));
        }
        if (p.kind == IntPopulation.Kind.DIF)
        {
            expect(src, where, p.theta > 0, "threshold " + p.theta + "; expected > 0");
        }
    }

    private static void expect(final String src, final String where, final boolean ok, final String what)
    {
        if (!ok)
        {
            throw new InvalidInputException(src, where, what);
        }
    }
}
