package io.csdsim.models.neuron;

import io.csdsim.models.InvalidInputException;

import java.util.Map;
import java.util.TreeMap;

/**
 * The neuron models by name, each one class and one line here: a new model registers its factory
 * and nothing else changes.
 */
public final class NeuronModels
{
    /** Makes one unit of a model from its named parameters. */
    @FunctionalInterface
    public interface Factory
    {
        NeuronReference create(NamedParameters parameters, int membraneBits);
    }

    private static final Map<String, Factory> MODELS = new TreeMap<>(Map.of(
        "dif", DifReference::create,
        "if", IfReference::create,
        "cuba-lif", CubaLifReference::create,
        SpikeSourceReference.NAME, SpikeSourceReference::create,
        AccumulatorReference.NAME, AccumulatorReference::create));

    private NeuronModels()
    {
    }

    /** @return the names of every model, in order. */
    public static java.util.Set<String> names()
    {
        return MODELS.keySet();
    }

    /** @return one unit of the named model; an unknown name or parameter is one line naming it. */
    public static NeuronReference create(final String src, final String model, final Map<String, String> parameters, final int membraneBits)
    {
        final Factory f = MODELS.get(model);
        if (f == null)
        {
            throw new InvalidInputException(src, "model", "'" + model + "'; expected one of " + MODELS.keySet());
        }
        final NamedParameters p = new NamedParameters(src, parameters);
        final NeuronReference unit = f.create(p, membraneBits);
        p.noOthers(model);
        return unit;
    }
}
