package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.NetworkCheck;
import io.csdsim.models.reference.Schedule;

import java.util.List;

/**
 * Compiles an integer network for a chip, in named passes ({@link #PASSES}): residual streams,
 * schedule, translation, partition, routing, placement; each adds its section to the compile report.
 */
public final class Mapper
{
    /**
     * The program, what it took, and the schedule the mapping gives the network (per-edge delays and
     * firing windows), under which FunctionalSpiking must equal the chip (DESIGN §4, invariant 2), and
     * whether the residual mapping was a choice: false when the network has no residual stream of two or
     * more writers to map either way.
     */
    public record Result(ChipProgram program, CompileReport report, Schedule schedule, boolean residualStream)
    {
    }

    private Mapper()
    {
    }

    /** The passes, in order; each writes its section of the compile report. */
    static final List<MapperPass.Named> PASSES = List.of(new MapperPass.Named("residual streams", new ResidualStreamPass()),
        new MapperPass.Named("schedule", new SchedulePass()), new MapperPass.Named("translation", new TranslationPass()),
        new MapperPass.Named("partition", new PartitionPass()), new MapperPass.Named("routing", new RoutingPass()),
        new MapperPass.Named("placement", new PlacementPass()));

    /**
     * @return the network compiled for the chip by {@link #PASSES}; a network the chip cannot take is
     * refused in one line naming the limit, the layer and what would fit
     */
    public static Result compile(final IntNetwork net, final ChipSpec spec, final MapperOptions options)
    {
        NetworkCheck.check(net);
        if (net.weightBits > spec.weightBits())
        {
            throw new ChipInputException(spec.name(), "core.weightBits", "the network has " + net.weightBits + "-bit weights and the chip takes "
                + spec.weightBits() + "; quantize with --weight-bits " + spec.weightBits());
        }
        if (net.membraneBits > spec.membraneBits())
        {
            throw new ChipInputException(spec.name(), "core.membraneBits", "the network needs " + net.membraneBits
                + "-bit membranes and the chip has " + spec.membraneBits() + "; quantize with --membrane-bits " + spec.membraneBits());
        }
        final Compilation c = new Compilation(net, spec, options);
        for (final MapperPass.Named pass : PASSES)
        {
            pass.pass().run(c);
        }
        return new Result(c.program, c.report(), c.schedule, c.residualSection.streamFound());
    }
}
