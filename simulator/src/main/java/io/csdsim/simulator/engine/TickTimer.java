package io.csdsim.simulator.engine;

import io.csdsim.isa.program.Board;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.simulator.event.CountedEvents;
import io.csdsim.simulator.network.OnChipNetwork;
import io.csdsim.simulator.timing.CoreTiming;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.List;

/**
 * Times ticks on one thread: its own network, scratch and per-group sums, so that two ticks
 * can be timed at once. Per-group sums of all timers add up to the sample's (integer sums:
 * the order does not matter).
 */
final class TickTimer
{
    private final PreparedProgram model;
    private final CoreTiming timing;
    private final List<ProgramPopulation> pops;
    private final List<NeuronGroup> groups;
    /** The sample's spike trains, per population and tick: what the emission phase sends. */
    private final IntArrayList[][] trains;
    private final OnChipNetwork net;
    private final GroupSums perGroup;
    private final long messageIn;
    /** Cycles between two packets one core injects (1: one per cycle). */
    private final long messageOut;
    private final long[] ready;
    private final long[] readyOrder;
    /** Per group, this tick: the cycle its core is done receiving the messages so far. */
    private final long[] receivedUntil;
    /** Per sending group, this tick: its spikes are [firstSpike, lastSpike) of its population's list. */
    private final int[] firstSpike;
    private final int[] lastSpike;
    private final int[] relayStamp;
    private final long[] relayAt;
    /** Per route run: the spikes that took it (each sends one packet per route, one per relay), over the sample. */
    private final long[] runSpikes;
    private boolean receiptsCounted;
    private int relaySerial;
    private final Board board;
    /** The per-group sums' arrays, read once: what the phases add to. */
    private final long[] sumAccumulatorUpdates;
    private final long[] sumActiveUpdates;
    private final long[] sumBusyCycles;
    private final long[] sumChipCrossings;
    private final long[] sumDynamicOps;
    private final long[] sumGradedSpikes;
    private final long[] sumHopsX;
    private final long[] sumHopsY;
    private final long[] sumInputSpikes;
    private final long[] sumNeuronUpdates;
    private final long[] sumPackets;
    private final long[] sumPacketsReceived;
    private final long[] sumSops;
    private final long[] sumSpikes;

    TickTimer(final ChipProgram program, final PreparedProgram model, final CoreTiming timing, final IntArrayList[][] trains)
    {
        this.model = model;
        this.timing = timing;
        this.pops = program.populations();
        this.groups = program.groups();
        this.trains = trains;
        net = OnChipNetwork.of(program);
        if (model.recordLinkLoads)
        {
            net.recordLinkLoads();
        }
        board = program.board();
        perGroup = new GroupSums(groups.size());
        sumAccumulatorUpdates = perGroup.of(CountedEvents.ACCUMULATOR_UPDATES);
        sumActiveUpdates = perGroup.of(CountedEvents.ACTIVE_UPDATES);
        sumBusyCycles = perGroup.of(CountedEvents.BUSY_CYCLES);
        sumChipCrossings = perGroup.of(CountedEvents.CHIP_CROSSINGS);
        sumDynamicOps = perGroup.of(CountedEvents.DYNAMIC_OPS);
        sumGradedSpikes = perGroup.of(CountedEvents.GRADED_SPIKES);
        sumHopsX = perGroup.of(CountedEvents.HOPS_X);
        sumHopsY = perGroup.of(CountedEvents.HOPS_Y);
        sumInputSpikes = perGroup.of(CountedEvents.INPUT_SPIKES);
        sumNeuronUpdates = perGroup.of(CountedEvents.NEURON_UPDATES);
        sumPackets = perGroup.of(CountedEvents.PACKETS);
        sumPacketsReceived = perGroup.of(CountedEvents.PACKETS_RECEIVED);
        sumSops = perGroup.of(CountedEvents.SOPS);
        sumSpikes = perGroup.of(CountedEvents.SPIKES);
        messageIn = timing.messageInCycles();
        messageOut = timing.messageOutCycles();
        ready = new long[groups.size()];
        readyOrder = new long[groups.size()];
        receivedUntil = new long[groups.size()];
        firstSpike = new int[groups.size()];
        lastSpike = new int[groups.size()];
        relayStamp = new int[groups.size()];
        relayAt = new long[groups.size()];
        runSpikes = new long[model.segments.runLo.length];
    }

    /** @return per router, the packets the links leaving it carried in the ticks this timer timed; null unless recorded. */
    long[] routerLinkLoads()
    {
        return net.routerLinkLoads();
    }

    /**
     * @return the per-group sums over the ticks this timer and {@code other} (null when none) timed,
     * once they are over: the packets each group received from spikes are added from the spikes per
     * route run, both timers' together in one pass — every route of a run delivers one packet per
     * spike to its receiver, or through a relay one to the relay per spike and one from the relay to
     * the receiver (that leg's packets, hops and crossings are moved from the spike's sender to the
     * relay here).
     */
    GroupSums perGroup(final TickTimer other)
    {
        if (!receiptsCounted)
        {
            receiptsCounted = true;
            if (other != null)
            {
                perGroup.add(other.perGroup);
                final long[] mine = runSpikes;
                final long[] theirs = other.runSpikes;
                for (int r = 0; r < mine.length; r++)
                {
                    mine[r] += theirs[r];
                }
            }
            final RouteSegments runs = model.segments;
            final long[] received = sumPacketsReceived;
            int stamp = 0;
            for (int g = 0; g < groups.size(); g++)
            {
                for (int run = runs.groupFirst[g]; run < runs.groupFirst[g + 1]; run++)
                {
                    final long n = runSpikes[run];
                    if (n == 0)
                    {
                        continue;
                    }
                    stamp++;
                    final int r0 = model.routeStart[g];
                    final int at = runs.runBits[run];
                    for (int w = 0; w < runs.words(g); w++)
                    {
                        for (long b = runs.bits[at + w]; b != 0; b &= b - 1)
                        {
                            final int r = r0 + (w << 6) + Long.numberOfTrailingZeros(b);
                            final int sender = model.routeSender[r];
                            if (sender == g)
                            {
                                received[model.routeReceiver[r]] += n;
                            }
                            else
                            {
                                if (relayStamp[sender] != -stamp)
                                {
                                    // Stamps here are negative: the emission's relay serials are positive.
                                    relayStamp[sender] = -stamp;
                                    received[sender] += n;
                                }
                                relayLeg(g, sender, model.routeReceiver[r], n);
                            }
                        }
                    }
                }
            }
        }
        return perGroup;
    }

    /**
     * Moves n packets of a relay's forward leg — counted in the network's totals over the spikes'
     * sender's emission — from the sender to the relay, with their hops and crossings (fixed per pair
     * of places: dimension-order routes), and counts their receipt.
     */
    private void relayLeg(final int sender, final int relay, final int receiver, final long n)
    {
        final int from = model.placeOfGroup[relay];
        final int to = model.placeOfGroup[receiver];
        final long dx = n * Math.abs((from >>> 16) - (to >>> 16));
        final long dy = n * Math.abs((from & 0xFFFF) - (to & 0xFFFF));
        final long dc = n * board.crossings(groups.get(relay).core(), groups.get(receiver).core());
        sumPackets[sender] -= n;
        sumHopsX[sender] -= dx;
        sumHopsY[sender] -= dy;
        sumChipCrossings[sender] -= dc;
        sumPackets[relay] += n;
        sumHopsX[relay] += dx;
        sumHopsY[relay] += dy;
        sumChipCrossings[relay] += dc;
        sumPacketsReceived[receiver] += n;
    }

    /** @return the cycle group {@code to}'s core is done receiving a message that arrives then: one message at a time. */
    private long receive(final int to, final long arrival)
    {
        if (messageIn == 0)
        {
            return arrival;
        }
        final long done = Math.max(arrival, receivedUntil[to]) + messageIn;
        receivedUntil[to] = done;
        return done;
    }

    /**
     * Phases with cycle timestamps, once tick t's arithmetic is done; clears the tick's counters;
     * @return its log row. Each phase is its own method: a few small methods are compiled early in a
     * run, where one large one ran as slower, profiled code for most of a short run.
     */
    TickRow time(final int t, final long[] sops, final long[] dyn, final long[] active, final long tickSaturations)
    {
        final TickRow row = new TickRow();
        net.startTick();
        final long packets0 = net.packets();
        final long hopsX0 = net.hopsX();
        final long hopsY0 = net.hopsY();
        final long cross0 = net.crossings();
        final long wait0 = net.waitCycles();
        integrate(sops, dyn, row);
        long last = dendrites(sops);
        update(active, row);
        final int senders = fire(t, row);
        for (int g = 0; g < groups.size(); g++)
        {
            last = Math.max(last, ready[g]);
            sumBusyCycles[g] += ready[g];
        }
        java.util.Arrays.sort(readyOrder, 0, senders);
        for (int o = 0; o < senders; o++)
        {
            last = Math.max(last, emit((int)(readyOrder[o] & ((1 << 23) - 1)), t));
        }
        java.util.Arrays.fill(sops, 0);
        java.util.Arrays.fill(dyn, 0);
        java.util.Arrays.fill(active, 0);
        java.util.Arrays.fill(ready, 0);
        if (messageIn != 0)
        {
            java.util.Arrays.fill(receivedUntil, 0);
        }
        row.set(CountedEvents.CYCLES, last + timing.barrierCycles());
        row.set(CountedEvents.PACKETS, net.packets() - packets0);
        row.set(CountedEvents.HOPS_X, net.hopsX() - hopsX0);
        row.set(CountedEvents.HOPS_Y, net.hopsY() - hopsY0);
        row.set(CountedEvents.CHIP_CROSSINGS, net.crossings() - cross0);
        row.set(CountedEvents.WAIT_CYCLES, net.waitCycles() - wait0);
        row.set(CountedEvents.PEAK_LINK_LOAD, net.peakLinkLoad());
        row.set(CountedEvents.SATURATIONS, tickSaturations);
        return row;
    }

    /** Phase 1: synaptic (and product) operations; each group is ready when its own are done. */
    private void integrate(final long[] sops, final long[] dyn, final TickRow row)
    {
        final long[] groupSops = sumSops;
        final long[] groupDyn = sumDynamicOps;
        long tickSops = 0;
        long tickDyn = 0;
        for (int g = 0; g < groups.size(); g++)
        {
            ready[g] = timing.integrateCycles(sops[g], dyn[g]);
            tickSops += sops[g];
            tickDyn += dyn[g];
            groupSops[g] += sops[g];
            groupDyn[g] += dyn[g];
        }
        row.set(CountedEvents.SOPS, tickSops);
        row.set(CountedEvents.DYNAMIC_OPS, tickDyn);
    }

    /** Phase 2: dendrites with input send a partial current per compartment to their soma. @return the last arrival. */
    private long dendrites(final long[] sops)
    {
        long last = 0;
        final int[] size = model.groupSize;
        final int[] somaOf = model.somaOfDendrite;
        final OnChipNetwork n = net;
        for (int g = 0; g < groups.size(); g++)
        {
            final int soma = somaOf[g];
            if (soma >= 0 && sops[g] > 0)
            {
                // One packet per compartment: counted for the group from the network's counts over the burst.
                final long hx = n.hopsX();
                final long hy = n.hopsY();
                final long cx = n.crossings();
                final int from = model.placeOfGroup[g];
                final int to = model.placeOfGroup[soma];
                long arrive = 0;
                for (int k = 0; k < size[g]; k++)
                {
                    arrive = Math.max(arrive, receive(soma, n.send(from, to, ready[g] + k)));
                }
                sumPackets[g] += size[g];
                sumPacketsReceived[soma] += size[g];
                sumHopsX[g] += n.hopsX() - hx;
                sumHopsY[g] += n.hopsY() - hy;
                sumChipCrossings[g] += n.crossings() - cx;
                ready[soma] = Math.max(ready[soma], arrive) + timing.partialSumCycles(size[g]);
                last = Math.max(last, arrive);
            }
        }
        return last;
    }

    /** Phase 3: neuron updates (accumulators: only those with input). */
    private void update(final long[] active, final TickRow row)
    {
        final int[] size = model.groupSize;
        long neuronUpdates = 0;
        long activeUpdates = 0;
        final boolean[] updates = model.updates;
        final long[] groupUpdates = sumNeuronUpdates;
        final long[] groupActive = sumActiveUpdates;
        final boolean[] accumulates = model.accumulates;
        long accumulatorUpdates = 0;
        for (int g = 0; g < groups.size(); g++)
        {
            if (accumulates[g])
            {
                // Accumulator compartments: only those with input sum and forward (no idle update).
                ready[g] = timing.afterUpdate(ready[g], timing.accumulatorCycles(active[g]));
                accumulatorUpdates += active[g];
                sumAccumulatorUpdates[g] += active[g];
            }
            else if (updates[g])
            {
                final long act = Math.min(active[g], size[g]);
                ready[g] = timing.afterUpdate(ready[g], timing.updateCycles(act, size[g] - act));
                neuronUpdates += size[g];
                activeUpdates += act;
                groupUpdates[g] += size[g];
                groupActive[g] += act;
            }
        }
        row.set(CountedEvents.NEURON_UPDATES, neuronUpdates);
        row.set(CountedEvents.ACTIVE_UPDATES, activeUpdates);
        row.set(CountedEvents.ACCUMULATOR_UPDATES, accumulatorUpdates);
    }

    /**
     * Phase 4a: fired neurons emit. Firing groups are found from the tick's spikes, each group's
     * spikes a run of its population's list; the groups that send are queued by readiness.
     * @return how many groups send
     */
    private int fire(final int t, final TickRow row)
    {
        long spikes = 0;
        long inputSpikes = 0;
        long gradedSpikes = 0;
        int senders = 0;
        final long[] groupSpikes = sumSpikes;
        for (final ProgramPopulation pop : pops)
        {
            final int p = pop.id();
            if (trains[p] == null || model.groupOfUnit[p] == null)
            {
                continue;
            }
            final IntArrayList fired = trains[p][t];
            final boolean source = model.spikeSource[p];
            if (source)
            {
                inputSpikes += fired.size();
            }
            else
            {
                spikes += fired.size();
                gradedSpikes += model.graded[p] ? fired.size() : 0;
            }
            final long[] groupGraded = model.graded[p] ? sumGradedSpikes : null;
            final int[] groupOf = model.groupOfUnit[p];
            final boolean sends = model.hasRoutes[p];
            final int nf = fired.size();
            for (int k = 0, j; k < nf; k = j)
            {
                // A run of spikes of one group: [k, j).
                final int g = groupOf[fired.get(k)];
                j = k + 1;
                while (j < nf && groupOf[fired.get(j)] == g)
                {
                    j++;
                }
                firstSpike[g] = k;
                lastSpike[g] = j;
                final int n = j - k;
                if (source)
                {
                    // The host's spikes: their packets leave at once, no neuron fired them.
                    sumInputSpikes[g] += n;
                }
                else
                {
                    groupSpikes[g] += n;
                    ready[g] += timing.fireCycles(n);
                    if (groupGraded != null)
                    {
                        groupGraded[g] += n;
                        ready[g] += timing.gradedSpikeCycles(n);
                    }
                }
                if (sends)
                {
                    // Readiness then group id, packed in one sortable long: ready cycles < 2^40, groups < 2^23.
                    readyOrder[senders++] = ready[g] << 23 | g;
                }
            }
        }
        row.set(CountedEvents.SPIKES, spikes);
        row.set(CountedEvents.INPUT_SPIKES, inputSpikes);
        row.set(CountedEvents.GRADED_SPIKES, gradedSpikes);
        return senders;
    }

    /**
     * Phase 4b: group g's spikes of tick t leave as packets, one per route each takes, through relays
     * where needed. @return the last arrival. The group's packets, hops and crossings are the
     * network's counts over its emission: no per-packet bookkeeping here. What its relays forward is
     * moved to them once the sample is over, from the spikes per route run ({@link #perGroup}).
     */
    private long emit(final int g, final int t)
    {
        final OnChipNetwork n = net;
        final int[] place = model.placeOfGroup;
        final IntArrayList fired = trains[groups.get(g).population()][t];
        final RouteSegments runs = model.segments;
        final long packetsBefore = n.packets();
        final long hopsXBefore = n.hopsX();
        final long hopsYBefore = n.hopsY();
        final long crossingsBefore = n.crossings();
        long last = 0;
        long inject = ready[g];
        int run = -1;
        final int r0 = model.routeStart[g];
        final int words = runs.words(g);
        for (int k = firstSpike[g]; k < lastSpike[g]; k++)
        {
            final int s = fired.get(k);
            final int serial = ++relaySerial;
            run = runs.runOf(g, s, run);
            // Receipts are counted per run when the sample is over, not per packet.
            runSpikes[run]++;
            final int at = runs.runBits[run];
            for (int w = 0; w < words; w++)
            {
                for (long b = runs.bits[at + w]; b != 0; b &= b - 1)
                {
                    final int r = r0 + (w << 6) + Long.numberOfTrailingZeros(b);
                    final int sender = model.routeSender[r];
                    final int receiver = model.routeReceiver[r];
                    final long from = inject;
                    inject += messageOut;
                    if (sender != g)
                    {
                        // One packet to each relay per spike, however many receivers it serves.
                        if (relayStamp[sender] != serial)
                        {
                            relayStamp[sender] = serial;
                            relayAt[sender] = receive(sender, n.send(place[g], place[sender], from)) + 1;
                        }
                        last = Math.max(last, receive(receiver, n.send(place[sender], place[receiver], relayAt[sender])));
                        continue;
                    }
                    last = Math.max(last, receive(receiver, n.send(place[g], place[receiver], from)));
                }
            }
        }
        sumPackets[g] += n.packets() - packetsBefore;
        sumHopsX[g] += n.hopsX() - hopsXBefore;
        sumHopsY[g] += n.hopsY() - hopsYBefore;
        sumChipCrossings[g] += n.crossings() - crossingsBefore;
        return last;
    }
}
