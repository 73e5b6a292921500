package io.csdsim.isa.program;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The neuron model of a population and its integer parameters by name, as text (docs/neuron-models.md):
 * "cuba-lif" with du → "410", theta → "640". The chip program stores them as given; the engine's
 * kernel reads them through {@link NeuronParameters}, the functional reference through its own module's
 * reader; both refuse unknown names, and a cross-module test holds them to the same answers.
 */
public record NeuronSpec(String model, SortedMap<String, String> parameters)
{
    public NeuronSpec
    {
        if (model == null || model.isEmpty())
        {
            throw new IllegalArgumentException("a neuron model needs a name");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** @return a spec from a model name and parameters given as name, value, name, value, … */
    public static NeuronSpec of(final String model, final Object... nameValue)
    {
        final Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2)
        {
            m.put(nameValue[i].toString(), nameValue[i + 1].toString());
        }
        return new NeuronSpec(model, new TreeMap<>(m));
    }
}
