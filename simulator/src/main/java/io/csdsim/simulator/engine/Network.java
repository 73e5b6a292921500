package io.csdsim.simulator.engine;

import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.spec.ChipField;

import java.util.Map;
import java.util.function.Function;

/**
 * The network-on-chip of a board as the timing phase sees it: packets sent between router places
 * ({@link MeshNetwork#place}) in injection order, each returning the cycle it arrives. Models are
 * chosen by the spec's {@code timing.network}; each is one class and one line of {@link #MODELS}.
 * Every model counts what a report needs per packet: hops along x and y, chip crossings, cycles
 * spent waiting for links.
 */
abstract class Network
{
    /** The models by the name {@code timing.network} gives. */
    private static final Map<String, Function<ChipProgram, Network>> MODELS = Map.of(
        "mesh", MeshNetwork::new,
        "latency-only", LatencyOnlyNetwork::new);

    long packets;
    long hopsX;
    long hopsY;
    long crossings;
    long waitCycles;

    /** @return the network model the program's chip names. */
    static Network of(final ChipProgram program)
    {
        final String name = ChipField.TIMING_NETWORK.choiceName(program.spec.get(ChipField.TIMING_NETWORK));
        final Function<ChipProgram, Network> model = MODELS.get(name);
        if (model == null)
        {
            throw new IllegalStateException("no network model '" + name + "'");
        }
        return model.apply(program);
    }

    /** A new tick: every link is free from cycle 0. */
    abstract void startTick();

    /** Sends one packet between two router places; @return the cycle it arrives. */
    abstract long send(int from, int to, long inject);

    /** @return the most packets any link carried this tick (0 where the model keeps no links). */
    abstract int peakLinkLoad();
}
