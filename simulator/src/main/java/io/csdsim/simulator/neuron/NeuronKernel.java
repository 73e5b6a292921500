package io.csdsim.simulator.neuron;

/**
 * The neurons of one population on the chip, one neuron model: its state as primitive arrays (one
 * per state variable, indexed by unit), stepped over a range of units per call so that threads can
 * share a population by whole cores. The engine sums each tick's synaptic input per unit, then asks
 * the kernel to step the units that need it; the kernel integrates the input (clearing it), updates
 * its state, fires, and reports through {@link UnitActivity} which units were active. Arithmetic
 * is exactly the model's functional reference's (docs/neuron-models.md), so invariant 2 holds.
 */
public abstract class NeuronKernel
{
    /** The largest membrane magnitude: state saturates at ±(2^(membraneBits−1) − 1). */
    protected final long max;

    protected NeuronKernel(final int membraneBits)
    {
        max = (1L << (membraneBits - 1)) - 1;
    }

    /**
     * @return whether every unit must be stepped every tick, input or not — because its state
     * changes by itself (a leak, a bias, a refractory count) or it may fire without new input.
     */
    public abstract boolean stepsEveryTick();

    /** @return whether units may fire in tick t. */
    public abstract boolean mayFire(int t);

    /**
     * @return whether its spikes carry an integer payload (graded spikes), reported through
     * {@link UnitActivity#firedGraded}; a binary spike's payload is 1
     */
    public boolean graded()
    {
        return false;
    }

    /** @return whether the host injects a sample's spike trains into these units (a network's spike-train input). */
    public boolean takesStimulus()
    {
        return false;
    }

    /**
     * Steps units [lo, hi) for tick t. {@code input[i]} is unit i's summed synaptic input (0 when
     * none), which the kernel clears; {@code integrate} says whether any unit of the population has
     * input this tick, {@code fire} whether {@link #mayFire} holds. @return the saturations.
     */
    public abstract long step(int t, long[] input, int lo, int hi, boolean integrate, boolean fire, UnitActivity activity);

    /** @return x clamped to ±max. */
    protected final long clamp(final long x)
    {
        return x > max ? max : Math.max(x, -max);
    }
}
