package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronSpec;
import io.csdsim.isa.program.ProgramPopulation;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** NEUR (since version 2): the neuron model and named parameters of every population that names one, by population id. */
final class NeuronModelsSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        final List<ProgramPopulation> named = p.populations().stream().filter(q -> q.neuron() != null).toList();
        return SectionPayload.list(named, (out, q) ->
        {
            out.i32(q.id()).str(q.neuron().model()).i32(q.neuron().parameters().size());
            q.neuron().parameters().forEach((k, v) -> out.str(k).str(v));
        });
    }

    @Override
    public void read(final SectionReader nr, final ProgramParts parts)
    {
        final List<ProgramPopulation> pops = parts.populations;
        nr.list(i ->
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
        });
    }
}
