package io.csdsim.simulator.event;

import io.csdsim.isa.spec.ChipField;

import java.util.List;

import static io.csdsim.simulator.event.CountedEvent.Output.CORES;
import static io.csdsim.simulator.event.CountedEvent.Output.PAGE;
import static io.csdsim.simulator.event.CountedEvent.Output.SUMMARY;
import static io.csdsim.simulator.event.CountedEvent.Output.SWEEP;
import static io.csdsim.simulator.event.CountedEvent.Output.TICKS;
import static io.csdsim.simulator.event.CountedEvent.Output.TOTALS;

/**
 * The events csdsim counts, in report order: the one place each is declared (docs/report-format.md
 * names them as they appear here). Each output lists the events shown in it in this order.
 */
public final class CountedEvents
{
    /** Cycles a tick lasted, barrier included. */
    public static final CountedEvent CYCLES = CountedEvent.counted("cycles").csv("cycles").unit("cycles").perTick()
        .shown(TICKS, TOTALS).build();
    /** Synaptic operations: one weight read and added, per spike and target neuron. */
    public static final CountedEvent SOPS = CountedEvent.counted("sops").csv("sops").label("synaptic ops (SOPs)").unit("operations")
        .pricedBy(ChipField.ENERGY_SYN_OP_PJ).perTick().perCore().shown(TICKS, TOTALS, CORES, SUMMARY, PAGE, SWEEP).build();
    /** Dynamic (TDEC) operations: max-pool and attention-product updates. */
    public static final CountedEvent DYNAMIC_OPS = CountedEvent.counted("dynamicOps").csv("dynamic_ops").label("dynamic (TDEC) ops")
        .unit("operations").pricedBy(ChipField.ENERGY_DYNAMIC_OP_PJ).perTick().perCore()
        .shown(TICKS, TOTALS, CORES, SUMMARY, PAGE, SWEEP).build();
    /** Neurons updated (every neuron of an updating core, every tick), active or idle. */
    public static final CountedEvent NEURON_UPDATES = CountedEvent.counted("neuronUpdates").csv("neuron_updates").label("neuron updates")
        .unit("updates").pricedBy(ChipField.ENERGY_NEURON_ACCESS_PJ).perTick().perCore().shown(TICKS, TOTALS, CORES, SUMMARY).build();
    /** Of those, the ones that received input or fired. */
    public static final CountedEvent ACTIVE_UPDATES = CountedEvent.counted("activeUpdates").csv("active_updates").unit("updates")
        .pricedBy(ChipField.ENERGY_NEURON_ACTIVE_PJ).perTick().perCore().shown(TICKS, TOTALS, CORES).build();
    /** Of the neuron updates, those with neither input nor a spike. */
    public static final CountedEvent IDLE_UPDATES = CountedEvent.derived("idleUpdates", c -> c.count(CountedEvents.NEURON_UPDATES)
        - c.count(CountedEvents.ACTIVE_UPDATES)).csv("idle_updates").unit("updates").pricedBy(ChipField.ENERGY_NEURON_IDLE_PJ).build();
    /** Neurons that fired. */
    public static final CountedEvent SPIKES = CountedEvent.counted("spikes").csv("spikes").label("spikes").unit("spikes")
        .pricedBy(ChipField.ENERGY_NEURON_FIRE_PJ, ChipField.ENERGY_SPIKE_PJ).perTick().perCore()
        .shown(TICKS, TOTALS, CORES, SUMMARY, PAGE).build();
    /** Spikes of neurons and of the host's spike sources: what a sweep calls spikes. */
    public static final CountedEvent ALL_SPIKES = CountedEvent.derived("allSpikes", c -> c.count(CountedEvents.SPIKES)
        + c.count(CountedEvents.INPUT_SPIKES)).csv("spikes").unit("spikes").shown(SWEEP).build();
    /** Packets sent (to relays and dendrites included); each is received by exactly one core. */
    public static final CountedEvent PACKETS = CountedEvent.counted("packets").csv("packets").label("packets").unit("packets")
        .pricedBy(ChipField.ENERGY_MESSAGE_OUT_PJ).perTick().perCore("packetsSent").shown(TICKS, TOTALS, CORES, SUMMARY, PAGE, SWEEP).build();
    /** Packets a core received; over the chip, the packets sent. */
    public static final CountedEvent PACKETS_RECEIVED = CountedEvent.counted("packetsReceived").csv("packets_received").unit("packets")
        .pricedBy(ChipField.ENERGY_MESSAGE_IN_PJ).perCore().elsewhere(c -> c.count(CountedEvents.PACKETS)).shown(CORES).build();
    /** Hops along x of the packets sent. */
    public static final CountedEvent HOPS_X = CountedEvent.counted("hopsX").csv("hops_x").unit("hops").pricedBy(ChipField.ENERGY_HOP_X_PJ)
        .perTick().perCore().shown(TICKS, TOTALS, CORES, PAGE).build();
    /** Hops along y of the packets sent. */
    public static final CountedEvent HOPS_Y = CountedEvent.counted("hopsY").csv("hops_y").unit("hops").pricedBy(ChipField.ENERGY_HOP_Y_PJ)
        .perTick().perCore().shown(TICKS, TOTALS, CORES, PAGE).build();
    /** Hops in either direction. */
    public static final CountedEvent HOPS = CountedEvent.derived("hops", c -> c.count(CountedEvents.HOPS_X) + c.count(CountedEvents.HOPS_Y))
        .csv("hops").label("hops").unit("hops").shown(SUMMARY, SWEEP).build();
    /** Packets that crossed a chip-to-chip link. */
    public static final CountedEvent CHIP_CROSSINGS = CountedEvent.counted("chipCrossings").csv("chip_crossings").label("chip crossings")
        .unit("crossings").pricedBy(ChipField.ENERGY_CHIP_CROSSING_PJ).perTick().perCore().shown(TICKS, TOTALS, CORES, SUMMARY, PAGE)
        .build();
    /** Cycles packets waited for a busy link, summed over packets. */
    public static final CountedEvent WAIT_CYCLES = CountedEvent.counted("waitCycles").csv("wait_cycles").label("contention waits (cyc)")
        .unit("cycles").perTick().shown(TICKS, TOTALS, SUMMARY).build();
    /** Packets the busiest link carried in the tick. */
    public static final CountedEvent PEAK_LINK_LOAD = CountedEvent.counted("peakLinkLoad").csv("peak_link_load").unit("packets").perTick()
        .shown(TICKS, TOTALS).build();
    /** Membrane updates that saturated. */
    public static final CountedEvent SATURATIONS = CountedEvent.counted("saturations").csv("saturations").label("saturations")
        .unit("updates").perTick().shown(TICKS, TOTALS, SUMMARY).build();
    /** Spikes the host injected through spike sources: routed like any, but no neuron fired them. */
    public static final CountedEvent INPUT_SPIKES = CountedEvent.counted("inputSpikes").csv("input_spikes").label("input spikes (host)")
        .unit("spikes").perTick().perCore().omittedWhenZero().shown(TICKS, TOTALS, CORES, SUMMARY).build();
    /** Accumulator compartments that summed input and forwarded it (a residual stream summed once). */
    public static final CountedEvent ACCUMULATOR_UPDATES = CountedEvent.counted("accumulatorUpdates").csv("accumulator_updates")
        .unit("updates").pricedBy(ChipField.ENERGY_ACCUMULATOR_UPDATE_PJ).perTick().perCore().shown(TICKS, TOTALS, CORES).build();
    /** Of the spikes, those that carried a payload (graded spikes of accumulators). */
    public static final CountedEvent GRADED_SPIKES = CountedEvent.counted("gradedSpikes").csv("graded_spikes").unit("spikes")
        .pricedBy(ChipField.ENERGY_GRADED_PAYLOAD_PJ).perTick().perCore().shown(TICKS, TOTALS, CORES).build();
    /** Multiply-accumulates of the host's input stage, in the tick it feeds the chip. */
    public static final CountedEvent INPUT_MACS = CountedEvent.counted("inputMacs").csv("input_macs").label("input MACs (host)")
        .unit("MACs").pricedBy(ChipField.ENERGY_INPUT_MAC_PJ).perTick().shown(TOTALS, SUMMARY).build();
    /** Cycles from a tick's start until the core was done updating and firing, summed over ticks. */
    public static final CountedEvent BUSY_CYCLES = CountedEvent.counted("busyCycles").csv("busy_cycles").unit("cycles").perCore()
        .shown(CORES).build();

    /** Every standard event, in report order. */
    public static final List<CountedEvent> ALL = List.of(CYCLES, SOPS, DYNAMIC_OPS, NEURON_UPDATES, ACTIVE_UPDATES, IDLE_UPDATES, SPIKES,
        ALL_SPIKES, PACKETS, PACKETS_RECEIVED, HOPS_X, HOPS_Y, HOPS, CHIP_CROSSINGS, WAIT_CYCLES, PEAK_LINK_LOAD, SATURATIONS, INPUT_SPIKES,
        ACCUMULATOR_UPDATES, GRADED_SPIKES, INPUT_MACS, BUSY_CYCLES);

    private CountedEvents()
    {
    }
}
