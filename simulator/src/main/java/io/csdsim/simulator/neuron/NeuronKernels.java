package io.csdsim.simulator.neuron;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronSpec;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.models.neuron.CubaLifReference;
import io.csdsim.models.neuron.DifReference;
import io.csdsim.models.neuron.IfReference;
import io.csdsim.models.neuron.NamedParameters;
import io.csdsim.models.neuron.NeuronModels;

import java.util.Map;

/**
 * The chip's neuron kernels by model name — the names of {@link NeuronModels}, whose functional
 * references they must equal — each one class and one line of {@link #MODELS}. A model's
 * parameters are read by its reference's parser, so the two never disagree on a name or a default.
 */
public final class NeuronKernels
{
    /** Makes a population's kernel from its named parameters. */
    @FunctionalInterface
    private interface Factory
    {
        NeuronKernel create(int units, NamedParameters parameters, int membraneBits);
    }

    private static final Map<String, Factory> MODELS = Map.of(
        "dif", (n, p, bits) -> {
            final DifReference.Parameters d = DifReference.parameters(p);
            return new DifKernel(n, 1, d.theta(), d.v0(), new long[] {d.bias()}, d.windowStart(), d.timeWindow(), bits);
        },
        "if", (n, p, bits) -> new IfKernel(n, IfReference.parameters(p), bits),
        "cuba-lif", (n, p, bits) -> new CubaLifKernel(n, CubaLifReference.parameters(p), bits),
        io.csdsim.models.neuron.SpikeSourceReference.NAME, (n, p, bits) -> new SpikeSourceKernel(bits),
        io.csdsim.models.neuron.AccumulatorReference.NAME, (n, p, bits) -> AccumulatorKernel.create(p, bits));

    private NeuronKernels()
    {
    }

    /** @return whether the population is a spike source: a neuron population whose kernel takes the host's spike trains. */
    public static boolean takesStimulus(final ChipProgram program, final ProgramPopulation p)
    {
        return p.kind() == ProgramPopulation.Kind.NEURONS && create(program, p).takesStimulus();
    }

    /** @return whether the population's spikes are graded: they carry a payload its readers' synapses multiply by. */
    public static boolean graded(final ChipProgram program, final ProgramPopulation p)
    {
        return p.kind() == ProgramPopulation.Kind.NEURONS && create(program, p).graded();
    }

    /**
     * @return the kernel of a neuron population ({@link ProgramPopulation.Kind#isNeurons}) or of the
     * readout's accumulators: a DIF population's from its own fields, a readout's {@link ReadoutKernel},
     * any other's from its {@link NeuronSpec}; an unknown model or
     * parameter is refused in one line naming the population.
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
        final String src = "population '" + p.name() + "' (" + spec.model() + ")";
        final Factory f = MODELS.get(spec.model());
        if (f == null)
        {
            throw new io.csdsim.models.InvalidInputException(src, "model", "'" + spec.model() + "'; expected one of "
                + new java.util.TreeSet<>(MODELS.keySet()));
        }
        final NamedParameters named = new NamedParameters(src, spec.parameters());
        final NeuronKernel k = f.create(p.size(), named, bits);
        named.noOthers(spec.model());
        return k;
    }
}
