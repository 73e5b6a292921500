package io.csdsim.mapper;

import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramPopulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Partition: every population into neuron groups that respect every core limit (or the cores the
 * file gives), each range a soma and, where its fan-in does not fit one core, dendrites holding
 * pieces of it; the groups in topological order.
 */
final class PartitionPass implements MapperPass
{
    @Override
    public void run(final Compilation c)
    {
        final Partitioner part = c.mapping.partitioner;
        c.partitioner = part;
        if (c.givenCores == null)
        {
            // Auto has partitioned both mappings already to compare them: the chosen one is not partitioned again.
            if (!c.mapping.partitioned)
            {
                part.run();
            }
        }
        else
        {
            part.runGiven(c.givenCores, c.options.given().source());
        }
        final ProgramTranslation tr = c.translation;
        final List<NeuronGroup> groups = c.groups;
        c.somaOf = new int[tr.populations.size()][];
        c.dendritesOf = new int[tr.populations.size()][][];
        final List<CompileReport.Layer> layers = new ArrayList<>();
        for (final ProgramPopulation p : tr.populations)
        {
            final List<ChunkPlan> plans = part.plans.get(p.id());
            c.somaOf[p.id()] = new int[plans.size()];
            c.dendritesOf[p.id()] = new int[plans.size()][];
            int cores = 0;
            for (int k = 0; k < plans.size(); k++)
            {
                final ChunkPlan plan = plans.get(k);
                cores += plan.groups();
                final int soma = groups.size();
                c.somaOf[p.id()][k] = soma;
                groups.add(new NeuronGroup(soma, p.id(), plan.a(), plan.b(), -1));
                c.uses.add(plan.soma());
                c.dendritesOf[p.id()][k] = new int[plan.dendritePieces().size()];
                for (int d = 0; d < plan.dendritePieces().size(); d++)
                {
                    c.dendritesOf[p.id()][k][d] = groups.size();
                    groups.add(new NeuronGroup(groups.size(), p.id(), plan.a(), plan.b(), -1, NeuronGroup.Role.DENDRITE, soma,
                        plan.dendritePieces().get(d)));
                    c.uses.add(plan.dendriteUse().get(d));
                }
            }
            if (part.groupSize[p.id()] > 0)
            {
                layers.add(new CompileReport.Layer(p.name(), p.kind().name(), p.size(), cores, part.groupSize[p.id()]));
            }
        }
        c.groupsBeforeRelays = groups.size();
        c.partitionSection = new CompileReport.PartitionSection(layers, groups.size());
    }
}
