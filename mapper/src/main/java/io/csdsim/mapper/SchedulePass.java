package io.csdsim.mapper;

import io.csdsim.isa.ChipInputException;
import io.csdsim.isa.program.ProgramEdge;

/**
 * Schedule: the firing windows and per-edge delays the chosen residual mapping's paths give (DESIGN
 * §3.6), under which the reference executors must equal the chip; every delay must fit the chip's axons.
 */
final class SchedulePass implements MapperPass
{
    @Override
    public void run(final Compilation c)
    {
        c.schedule = c.mapping.schedule;
        final ProgramTranslation tr = c.mapping.translation;
        for (final ProgramEdge e : tr.edges)
        {
            if (e.delay() > c.spec.maxAxonDelay())
            {
                throw new ChipInputException(c.spec.name(), "core.maxAxonDelay", "edge into '" + tr.populations.get(e.target()).name()
                    + "' needs a delay of " + e.delay() + " ticks; the chip's axons delay at most " + c.spec.maxAxonDelay());
            }
        }
        c.scheduleSection = new CompileReport.ScheduleSection(c.schedule.outputReadyTick(), c.net.timeWindow + c.net.delay, c.net.timeWindow,
            c.net.delay);
    }
}
