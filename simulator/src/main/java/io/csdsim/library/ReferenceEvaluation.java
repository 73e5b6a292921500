package io.csdsim.library;

import io.csdsim.models.InvalidInputException;
import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.OpKind;
import io.csdsim.models.input.ImageSet;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.reference.FloatReference;
import io.csdsim.models.reference.FunctionalSpiking;
import io.csdsim.models.reference.QuantizedReference;
import io.csdsim.models.reference.Schedule;
import io.csdsim.simulator.engine.ParallelSamples;

import java.util.function.IntUnaryOperator;

/**
 * A model's predicted classes on images by its reference executors (DESIGN §4), each image on any
 * thread, the answer the same for any thread count: the float model, the integer network without
 * time, and the integer network spiking under a DIF delay. Accuracy and agreement are read from the
 * predictions.
 *
 * @param images labelled or not; {@link #correct} needs labels
 * @param threads images predicted at once
 */
public record ReferenceEvaluation(ImageSet images, int threads)
{
    /** @return the float model's class for every image (the readout's largest value). */
    public int[] floatModel(final ModelGraph g, final Runnable imageDone)
    {
        final FloatReference fr = new FloatReference(g);
        final int readout = readoutIndex(g);
        return predict(i -> argmax(fr.runAll(images.pixels()[i]).value(readout)), imageDone);
    }

    /** @return the integer network's class for every image, without time (QuantizedReference). */
    public int[] integer(final IntNetwork net, final Runnable imageDone)
    {
        final QuantizedReference qr = new QuantizedReference(net);
        return predict(i -> qr.run(net.encode(images.pixels()[i])).predictedClass(), imageDone);
    }

    /** @return the spiking network's class for every image, under the canonical schedule of its delay (FunctionalSpiking). */
    public int[] spiking(final IntNetwork net, final Runnable imageDone)
    {
        final FunctionalSpiking fs = new FunctionalSpiking(net, Schedule.canonical(net));
        return predict(i -> fs.run(net.encode(images.pixels()[i])).predictedClass(), imageDone);
    }

    /** @return how many of the predictions equal the images' labels. */
    public int correct(final int[] predicted)
    {
        if (images.labels() == null)
        {
            throw new InvalidInputException(images.source(), "", "no labels; give --labels FILE (IDX) to measure accuracy");
        }
        int correct = 0;
        for (int i = 0; i < predicted.length; i++)
        {
            correct += predicted[i] == images.labels()[i] ? 1 : 0;
        }
        return correct;
    }

    /** @return the fraction of images on which two executors predict the same class. */
    public static double agreement(final int[] a, final int[] b)
    {
        int same = 0;
        for (int i = 0; i < a.length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double)same / a.length;
    }

    private int[] predict(final IntUnaryOperator classOf, final Runnable imageDone)
    {
        return ParallelSamples.map(images.count(), threads, classOf::applyAsInt, i -> imageDone.run()).stream().mapToInt(Integer::intValue)
            .toArray();
    }

    private static int readoutIndex(final ModelGraph g)
    {
        for (int i = 0; i < g.nodes().size(); i++)
        {
            final GraphNode n = g.nodes().get(i);
            if (n.op == OpKind.READOUT)
            {
                return i;
            }
        }
        throw new InvalidInputException(g.name, "nodes", "the model has no readout; nothing to predict");
    }

    private static int argmax(final double[] v)
    {
        int best = 0;
        for (int i = 1; i < v.length; i++)
        {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
