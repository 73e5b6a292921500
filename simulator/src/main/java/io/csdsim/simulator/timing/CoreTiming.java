package io.csdsim.simulator.timing;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

import java.util.Map;
import java.util.function.Function;

/**
 * The cycles a core spends in each phase of a tick (docs/timing-model.md), from what it did in the
 * phase. Models are chosen by the spec's {@code timing.core}; each is one class and one line of
 * {@link #MODELS}. The engine asks per core and phase, never per spike, except for
 * {@link #messageInCycles()}, which it reads once.
 */
public abstract class CoreTiming
{
    private static final Map<String, Function<ChipSpec, CoreTiming>> MODELS = Map.of(
        "serial", SerialCoreTiming::new,
        "overlapped", OverlappedCoreTiming::new);

    /** @return the core timing model the spec names. */
    public static CoreTiming of(final ChipSpec spec)
    {
        return ChipField.TIMING_CORE.chosen(spec, MODELS).apply(spec);
    }

    /** Phase 1: cycles to integrate this tick's synaptic and dynamic operations. */
    public abstract long integrateCycles(long sops, long dynamicOps);

    /** Phase 2: cycles a soma takes to add the partial currents of one dendrite's compartments. */
    public abstract long partialSumCycles(int compartments);

    /** Phase 3: cycles to update a core's neurons, some active (input or firing), the rest idle. */
    public abstract long updateCycles(long active, long idle);

    /**
     * @return when a core is done updating its neurons, given when it was done integrating and the
     * update's cycles: after it (a serial core), or side by side with it (separate synapse and soma units).
     */
    public long afterUpdate(final long integrated, final long updateCycles)
    {
        return integrated + updateCycles;
    }

    /** Phase 4: cycles before the spikes of this many fired neurons may leave. */
    public abstract long fireCycles(long fired);

    /** @return cycles for so many accumulator compartments that sum their input and forward it (graded spikes). */
    public abstract long accumulatorCycles(long updates);

    /** @return cycles for so many graded spikes' payloads, beside their firing ({@link #fireCycles}). */
    public abstract long gradedSpikeCycles(long graded);

    /** Cycles a core takes to receive one message; messages are received one at a time. */
    public abstract long messageInCycles();

    /** @return cycles between two packets a core sends: at least 1 (one packet per cycle). */
    public abstract long messageOutCycles();

    /** Cycles of the barrier that ends every tick. */
    public abstract long barrierCycles();
}
