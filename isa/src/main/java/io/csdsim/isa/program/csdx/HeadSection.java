package io.csdsim.isa.program.csdx;

import io.csdsim.isa.program.ChipProgram;

/** HEAD: the program's name, time window T, DIF delay D, chips, the tick its output is ready and its initiation interval. */
final class HeadSection implements CsdxSection
{
    @Override
    public SectionPayload write(final ChipProgram p)
    {
        return new SectionPayload().str(p.name).i32(p.timeWindow).i32(p.delay).i32(p.chips).i32(p.outputReadyTick).i32(p.initiationInterval);
    }

    @Override
    public void read(final SectionReader h, final ProgramParts parts)
    {
        final String name = h.str();
        final int t = h.i32();
        final int d = h.i32();
        final int chips = h.i32();
        final int ready = h.i32();
        final int ii = h.i32();
        // Every HEAD field is bounded before it sizes any work: T and D as in a model file, a board the mapper could make.
        h.expectAt(0, t >= 1 && t <= ChipProgram.MAX_RUN_TICKS, "T = " + t + "; expected 1.." + ChipProgram.MAX_TIME_WINDOW
            + " (a program of DIF neurons) or 1.." + ChipProgram.MAX_RUN_TICKS + " (ticks of other neuron models; docs/reliability.md)");
        h.expectAt(0, d >= 0 && d <= ChipProgram.MAX_DELAY, "D = " + d + "; expected 0.." + ChipProgram.MAX_DELAY);
        h.expectAt(0, chips >= 1, "chips = " + chips + "; expected >= 1");
        h.expectAt(0, ready >= t && ready <= ChipProgram.MAX_READY_TICK, "output ready at tick " + ready + "; expected " + t + ".."
            + ChipProgram.MAX_READY_TICK);
        h.expectAt(0, ii >= 1 && ii <= ChipProgram.MAX_READY_TICK, "initiation interval " + ii + "; expected 1.." + ChipProgram.MAX_READY_TICK);
        h.end();
        parts.head = h;
        parts.name = name;
        parts.timeWindow = t;
        parts.delay = d;
        parts.chips = chips;
        parts.outputReadyTick = ready;
        parts.initiationInterval = ii;
    }
}
