package io.csdsim.simulator.neuron;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronParameters;
import io.csdsim.isa.program.NeuronSpec;
import io.csdsim.isa.program.ProgramPopulation;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The chip's neuron kernels by model name, each one class and one line of {@link #MODELS}. Their
 * names, parameters, defaults and bounds are the functional references' (docs/neuron-models.md;
 * {@code models.neuron}, which the engine does not import: DESIGN §1), which a cross-module test
 * holds them to, name by name and message by message.
 */
public final class NeuronKernels
{
    /** Makes a population's kernel from its named parameters. */
    @FunctionalInterface
    private interface Factory
    {
        NeuronKernel create(int units, NeuronParameters parameters, int membraneBits);
    }

    private static final Map<String, Factory> MODELS = new TreeMap<>(Map.of(
        DifKernel.NAME, DifKernel::create,
        IfKernel.NAME, (n, p, bits) -> new IfKernel(n, IfKernel.parameters(p), bits),
        CubaLifKernel.NAME, (n, p, bits) -> new CubaLifKernel(n, CubaLifKernel.parameters(p), bits),
        SpikeSourceKernel.NAME, (n, p, bits) -> new SpikeSourceKernel(bits),
        AccumulatorKernel.NAME, (n, p, bits) -> AccumulatorKernel.create(p, bits)));

    private NeuronKernels()
    {
    }

    /** @return the names of every model, in order. */
    public static Set<String> names()
    {
        return MODELS.keySet();
    }

    /**
     * @return whether the population is a spike source: a neuron population whose kernel takes the host's
     * spike trains (asked of a one-unit kernel of its model: a capability costs no population's state)
     */
    public static boolean takesStimulus(final ChipProgram program, final ProgramPopulation p)
    {
        return p.kind() == ProgramPopulation.Kind.NEURONS && probe(program, p).takesStimulus();
    }

    /** @return whether the population's spikes are graded: they carry a payload its readers' synapses multiply by. */
    public static boolean graded(final ChipProgram program, final ProgramPopulation p)
    {
        return p.kind() == ProgramPopulation.Kind.NEURONS && probe(program, p).graded();
    }

    private static NeuronKernel probe(final ChipProgram program, final ProgramPopulation p)
    {
        return create("population '" + p.name() + "' (" + p.neuron().model() + ")", p.neuron().model(), p.neuron().parameters(), 1,
            program.spec.membraneBits());
    }

    /**
     * @return the kernel of a neuron population ({@link ProgramPopulation.Kind#isNeurons}) or of the
     * readout's accumulators: a DIF population's from its own fields, a readout's {@link ReadoutKernel},
     * any other's from its {@link NeuronSpec}; an unknown model or parameter is refused in one line
     * naming the population.
     */
    public static NeuronKernel create(final ChipProgram program, final ProgramPopulation p)
    {
        final int bits = program.spec.membraneBits();
        if (p.kind() == ProgramPopulation.Kind.DIF)
        {
            return new DifKernel(p.size(), p.channels(), p.theta(), p.v0(), p.bias(), p.windowStart(), program.timeWindow, bits);
        }
        if (p.kind() == ProgramPopulation.Kind.ACCUMULATOR)
        {
            return new ReadoutKernel(p.size(), bits);
        }
        final NeuronSpec spec = p.neuron();
        return create("population '" + p.name() + "' (" + spec.model() + ")", spec.model(), spec.parameters(), p.size(), bits);
    }

    /**
     * @param src names the population in messages
     * @return {@code units} units of the named model; an unknown model or parameter is one line naming it
     */
    public static NeuronKernel create(final String src, final String model, final Map<String, String> parameters, final int units,
        final int membraneBits)
    {
        final Factory f = MODELS.get(model);
        if (f == null)
        {
            throw new ChipInputException(src, "model", "'" + model + "'; expected one of " + MODELS.keySet());
        }
        final NeuronParameters named = new NeuronParameters(src, parameters);
        final NeuronKernel k = f.create(units, named, membraneBits);
        named.noOthers(model);
        return k;
    }
}
