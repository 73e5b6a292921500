package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronSpec;
import io.csdsim.isa.program.ProgramPopulation;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** NEUR (since version 2): the neuron model and named parameters of every population that names one, by population id. */
final class NeuronModelsSection extends CsdxSection
{
    NeuronModelsSection()
    {
        super("NEUR", 2);
    }

    @Override
    SectionPayload write(final ChipProgram p)
    {
        final List<ProgramPopulation> named = p.populations().stream().filter(q -> q.neuron() != null).toList();
        final SectionPayload out = new SectionPayload().i32(named.size());
        for (final ProgramPopulation q : named)
        {
            out.i32(q.id()).str(q.neuron().model()).i32(q.neuron().parameters().size());
            q.neuron().parameters().forEach((k, v) -> out.str(k).str(v));
        }
        return out;
    }

    @Override
    void read(final SectionReader nr, final ProgramParts parts)
    {
        final List<ProgramPopulation> pops = parts.populations;
        for (int i = 0, n = nr.count(); i < n; i++)
        {
            final int id = nr.i32();
            nr.expect(id >= 0 && id < pops.size() && pops.get(id).neuron() == null, "neuron model of population " + id
                + ": no such population, or a second model");
            final String model = nr.str();
            final SortedMap<String, String> parameters = new TreeMap<>();
            for (int k = 0, np = nr.count(); k < np; k++)
            {
                final String key = nr.str();
                nr.expect(parameters.put(key, nr.str()) == null, "neuron parameter '" + key + "' given twice");
            }
            nr.expect(!model.isEmpty(), "population " + id + ": a neuron model needs a name");
            final ProgramPopulation q = pops.get(id);
            pops.set(id, new ProgramPopulation(q.id(), q.name(), q.kind(), q.shape(), q.theta(), q.v0(), q.bias(), q.windowStart(),
                new NeuronSpec(model, parameters)));
        }
        nr.end();
    }
}
