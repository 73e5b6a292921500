package io.csdsim.simulator.engine;

import io.csdsim.isa.geometry.FanOutCursor;
import io.csdsim.isa.program.ChipProgram;
import io.csdsim.isa.program.NeuronGroup;
import io.csdsim.isa.program.ProgramEdge;
import io.csdsim.isa.program.ProgramPopulation;
import io.csdsim.isa.program.SynapseTable;
import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.simulator.energy.EnergyModel;
import io.csdsim.simulator.neuron.NeuronKernel;
import io.csdsim.simulator.neuron.NeuronKernels;
import io.csdsim.simulator.neuron.UnitActivity;
import io.csdsim.simulator.timing.CoreTiming;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.util.List;

/**
 * Runs a chip program, one sample at a time, tick by tick. Each tick has four phases with cycle
 * timestamps: (1) every core integrates the spikes delivered to it — synaptic operations of its
 * tables, dynamic operations of its TDEC units; (2) dendrites send their partial currents to their
 * somas over the network; (3) every core updates its neurons, which fire within their windows;
 * (4) spikes leave as packets, through relays where the program has them. The tick ends when every
 * core is done and the network has drained, plus the barrier. Spikes of tick t are integrated in
 * tick t + delay. The arithmetic is the integer network's, so spike trains equal FunctionalSpiking's
 * under the program's schedule (DESIGN §4, invariant 2).
 */
public final class ChipEngine
{
    private final EngineModel model;
    private final ChipProgram program;
    private final List<ProgramPopulation> pops;
    private final List<NeuronGroup> groups;
    private final CoreTiming timing;
    private final EnergyModel energy;
    /** Cores the program occupies (a core may hold more than one group). */
    private final int cores;
    private final int parallelMinUnits;
    /** The population a sample's spike trains are injected into, or -1 (docs/neuron-models.md, spike-source). */
    private final int stimulusPopulation;

    public ChipEngine(final ChipProgram program)
    {
        this(program, PARALLEL_MIN_UNITS);
    }

    /**
     * @param parallelMinUnits populations with fewer units are updated on one thread even when
     *     workers are given (tests set 1 to send every population through the parallel path)
     */
    public ChipEngine(final ChipProgram program, final int parallelMinUnits)
    {
        this.parallelMinUnits = parallelMinUnits;
        this.program = program;
        this.model = new EngineModel(program);
        this.pops = program.populations();
        this.groups = program.groups();
        final ChipSpec s = program.spec;
        timing = CoreTiming.of(s);
        energy = EnergyModel.of(s);
        cores = program.occupiedCores();
        // The first spike source: the model has found them (each kernel is made once per population).
        int source = -1;
        for (int p = pops.size() - 1; p >= 0; p--)
        {
            source = model.spikeSource[p] ? p : source;
        }
        stimulusPopulation = source;
    }

    public ChipProgram program()
    {
        return program;
    }

    /** Ticks whose counters may wait to be timed while the caller computes later ticks. */
    private static final int TIMING_SETS = 4;

    /** Populations smaller than this integrate on one thread: a phase hand-off costs more than they do. */
    private static final int PARALLEL_MIN_UNITS = 4096;
    private int[][] chunkBounds;
    private int chunkCount;

    /**
     * Per population, k chunks of its units that start and end on its neuron groups' boundaries (so
     * no core is split between threads), balanced by units.
     */
    private synchronized int[][] chunkBounds(final int k)
    {
        if (chunkBounds != null && chunkCount == k)
        {
            return chunkBounds;
        }
        final int[][] bounds = new int[pops.size()][];
        final int[][] groupOf = model.groupOfUnit;
        for (final ProgramPopulation p : pops)
        {
            final int size = p.size();
            final int[] b = new int[k + 1];
            b[k] = size;
            final int[] of = groupOf[p.id()];
            int at = 0;
            for (int j = 1; j < k; j++)
            {
                at = Math.max(at, (int)((long)size * j / k));
                while (of != null && at > 0 && at < size && of[at] == of[at - 1])
                {
                    at++;
                }
                b[j] = Math.min(at, size);
            }
            bounds[p.id()] = b;
        }
        chunkBounds = bounds;
        chunkCount = k;
        return bounds;
    }

    /**
     * Makes every sample run from now on add up, per router, the packets the links leaving it carry
     * ({@link SampleResult#routerLinkLoads}); off by default, since it costs a pass over the links per tick.
     */
    public void recordLinkLoads()
    {
        model.recordLinkLoads = true;
    }

    /** @return ticks one sample takes: every window closed and every spike delivered. */
    public int ticksPerSample()
    {
        return ticksPerSample(program);
    }

    /** @return ticks one sample of the program takes, without building an engine. */
    public static int ticksPerSample(final ChipProgram program)
    {
        int ticks = program.outputReadyTick;
        for (final ProgramEdge e : program.edges())
        {
            final ProgramPopulation src = program.populations().get(e.sourceA());
            ticks = Math.max(ticks, src.windowStart() + program.timeWindow + e.delay());
        }
        return ticks;
    }

    /**
     * @return the population a sample's spike trains go into — the first spike source — or -1, without
     * building an engine (a driver that ships its program to a cluster builds none).
     */
    public static int stimulusPopulation(final ChipProgram program)
    {
        for (final ProgramPopulation p : program.populations())
        {
            if (io.csdsim.simulator.neuron.NeuronKernels.takesStimulus(program, p))
            {
                return p.id();
            }
        }
        return -1;
    }

    /** Runs one sample given as the input population's integer values, on the calling thread. */
    public SampleResult run(final int[] input, final boolean keepTrains)
    {
        try (TickWorkers one = new TickWorkers(1))
        {
            return run(input, keepTrains, one);
        }
    }

    /**
     * Runs one sample with the tick's integration and neuron updates shared by {@code workers}, each
     * on whole cores; the result is the same for any number of workers.
     */
    public SampleResult run(final int[] input, final boolean keepTrains, final TickWorkers workers)
    {
        return run(input, keepTrains, workers, null);
    }

    /** As {@link #run(int[], boolean, TickWorkers)}, calling {@code tickDone} (when not null) after every tick. */
    public SampleResult run(final int[] input, final boolean keepTrains, final TickWorkers workers, final Runnable tickDone)
    {
        return new Run(input, null, workers).execute(keepTrains, tickDone);
    }

    /**
     * Runs one sample of a network whose input is spike trains: {@code spikes[t]} lists the units of the
     * spike-source population that fire in tick t (ticks past the array's end are silent); the host
     * injects them, and the sources fire them on the chip.
     */
    public SampleResult runSpikes(final int[][] spikes, final boolean keepTrains, final TickWorkers workers, final Runnable tickDone)
    {
        return new Run(null, spikes, workers).execute(keepTrains, tickDone);
    }

    /** @return the spike-source population that takes a sample's spike trains, or -1 when the program has none. */
    public int stimulusPopulation()
    {
        return stimulusPopulation;
    }

    private final class Run
    {
        private final int[] input;
        /** Spike-train input: per tick, the spike-source units that fire; null for a program fed values. */
        private final int[][] stimulus;
        private final int np = pops.size();
        private final int ticks = ticksPerSample();
        private final IntArrayList[][] trains = new IntArrayList[np][];
        /** Graded populations: per tick, each spike's payload, parallel to its train. */
        private final IntArrayList[][] payloads = new IntArrayList[np][];
        private final long[][] membrane = new long[np][];
        private final long[][] pending = new long[np][];
        private final int[][] counts = new int[np][];
        private final EngineProducts[] products = new EngineProducts[program.edges().size()];
        private final FanOutCursor[] cursors = new FanOutCursor[2 * program.edges().size()];
        private final EnginePool[] pools = new EnginePool[np];
        /** Per neuron population: its model's kernel, which holds the units' state. */
        private final NeuronKernel[] kernels = new NeuronKernel[np];
        /**
         * Per group, this tick: SOPs, dynamic ops, active neurons. Sets in turn (one per tick that may
         * wait to be timed): the arithmetic of tick t fills set t mod sets while earlier ticks are still
         * being timed; timing clears a set when done with it.
         */
        private final long[][][] tickSets;
        private final java.util.concurrent.Future<?>[] timingDone;
        /** Per set: the tick log row its timing produced. */
        private final TickRow[] rows;
        /** One per thread that times ticks: the caller's, and the lane's when there is one. */
        private final TickTimer callerTimer;
        private final TickTimer laneTimer;
        private long[] sops;
        private long[] dyn;
        private long[] active;
        /** Per population and unit: the last tick it received input or fired (an active update). */
        private final int[][] activeTick = new int[np][];
        private final long[] popSops = new long[np];
        /** Per group, summed over ticks: SOPs, dynamic ops, spikes, packets sent, busy cycles. */
        private final TickLog log = new TickLog(energy, cores, ticks);
        private final TickWorkers workers;
        private final int[][] bounds;
        /** Per chunk of the current phase: saturations and fired units, merged in chunk order. */
        private final long[] chunkSaturations;
        private final IntArrayList[] chunkFired;
        private final IntArrayList[] chunkPayloads;
        private final UnitActivity[] chunkActivity;
        /** The current phase: population, tick, the edges with input this tick, what to do. */
        private ProgramPopulation phasePop;
        private int phaseTick;
        private final IntArrayList phaseEdges = new IntArrayList();
        private boolean phaseIntegrates;
        private boolean phaseFires;
        private final TickWorkers.ChunkTask updateChunk = this::updateChunk;
        private long saturations;
        private long tickSaturations;

        Run(final int[] input, final int[][] stimulus, final TickWorkers workers)
        {
            this.input = input;
            this.stimulus = stimulus;
            if ((stimulus == null) != (stimulusPopulation < 0))
            {
                throw new IllegalArgumentException(stimulusPopulation < 0 ? "the program has no spike-source population for spike trains"
                    : "the program's input is spike trains into '" + pops.get(stimulusPopulation).name() + "'");
            }
            this.workers = workers;
            this.bounds = chunkBounds(workers.chunks());
            // With a lane, a few ticks may wait to be timed while the caller computes the next ones.
            final int sets = workers.lane() == null ? 1 : TIMING_SETS;
            tickSets = new long[sets][3][groups.size()];
            timingDone = new java.util.concurrent.Future<?>[sets];
            rows = new TickRow[sets];
            callerTimer = new TickTimer(program, model, timing, trains);
            laneTimer = workers.lane() == null ? null : new TickTimer(program, model, timing, trains);
            chunkSaturations = new long[workers.chunks()];
            chunkFired = new IntArrayList[workers.chunks()];
            chunkPayloads = new IntArrayList[workers.chunks()];
            chunkActivity = new UnitActivity[workers.chunks()];
            for (int c = 0; c < chunkFired.length; c++)
            {
                chunkFired[c] = new IntArrayList();
                chunkPayloads[c] = new IntArrayList();
                chunkActivity[c] = new UnitActivity();
            }
        }

        SampleResult execute(final boolean keepTrains, final Runnable tickDone)
        {
            for (final ProgramPopulation p : pops)
            {
                final int id = p.id();
                switch (p.kind())
                {
                    case INPUT -> counts[id] = input;
                    case DIF, NEURONS -> {
                        trains[id] = new IntArrayList[ticks];
                        counts[id] = new int[p.size()];
                        pending[id] = new long[p.size()];
                        kernels[id] = NeuronKernels.create(program, p);
                    }
                    case ACCUMULATOR -> {
                        pending[id] = new long[p.size()];
                        membrane[id] = new long[p.size()];
                    }
                    case TDEC_MAXPOOL -> {
                        trains[id] = new IntArrayList[ticks];
                        final ProgramEdge pool = model.incoming.get(id).get(0);
                        final ProgramPopulation src = pops.get(pool.sourceA());
                        pools[id] = new EnginePool(src.shape()[0], src.shape()[1], src.shape()[2], pool.pool());
                        counts[id] = pools[id].outputCounts();
                    }
                    default -> { }
                }
                if (membrane[id] != null || kernels[id] != null)
                {
                    activeTick[id] = new int[p.size()];
                    java.util.Arrays.fill(activeTick[id], -1);
                }
                if (kernels[id] != null && kernels[id].graded())
                {
                    payloads[id] = new IntArrayList[ticks];
                }
            }
            for (final ProgramEdge e : program.edges())
            {
                if (e.kind() == ProgramEdge.Kind.TDEC_PRODUCT)
                {
                    products[e.id()] = new EngineProducts(e.product());
                }
            }
            for (int t = 0; t < ticks; t++)
            {
                tick(t);
                if (tickDone != null)
                {
                    tickDone.run();
                }
            }
            for (int t = Math.max(0, ticks - tickSets.length); t < ticks; t++)
            {
                awaitTiming(t % tickSets.length);
            }
            final GroupSums perGroup = callerTimer.perGroup(laneTimer);
            long[] links = callerTimer.routerLinkLoads();
            if (links != null && laneTimer != null)
            {
                final long[] other = laneTimer.routerLinkLoads();
                for (int k = 0; k < links.length; k++)
                {
                    links[k] += other[k];
                }
            }
            return new SampleResult(counts, membrane, saturations, log, popSops, model.inputMacs, keepTrains ? trains : null, perGroup, links);
        }

        private void tick(final int t)
        {
            openSpikeLists(t);
            final int set = t % tickSets.length;
            awaitTiming(set);
            sops = tickSets[set][0];
            dyn = tickSets[set][1];
            active = tickSets[set][2];
            tickSaturations = 0;
            for (final ProgramPopulation p : pops)
            {
                switch (p.kind())
                {
                    case DIF, NEURONS, ACCUMULATOR -> integrateAndUpdate(p, t);
                    case TDEC_MAXPOOL -> {
                        final ProgramEdge e = model.incoming.get(p.id()).get(0);
                        final IntArrayList in = trains[e.sourceA()][t];
                        if (!in.isEmpty())
                        {
                            attribute(e, in, false, dyn);
                            pools[p.id()].tick(in, trains[p.id()][t]);
                        }
                    }
                    default -> { }
                }
            }
            final long[] s = sops;
            final long[] d = dyn;
            final long[] a = active;
            final long sat = tickSaturations;
            final TimingLane lane = workers.lane();
            if (lane == null)
            {
                rows[set] = callerTimer.time(t, s, d, a, sat);
                log.add(rows[set]);
            }
            else
            {
                final java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(
                    () -> rows[set] = (lane.isLaneThread() ? laneTimer : callerTimer).time(t, s, d, a, sat), null);
                timingDone[set] = task;
                lane.submit(task);
            }
        }

        /**
         * Makes every population's spike list of tick t, before any population of the tick runs, each
         * with room for as many spikes as the population fired in the tick before and a quarter more,
         * so that a list rarely grows spike by spike.
         */
        private void openSpikeLists(final int t)
        {
            for (int id = 0; id < np; id++)
            {
                if (trains[id] != null)
                {
                    trains[id][t] = new IntArrayList(spikeListRoom(trains[id], t));
                }
                if (payloads[id] != null)
                {
                    payloads[id][t] = new IntArrayList(spikeListRoom(payloads[id], t));
                }
            }
        }

        private static int spikeListRoom(final IntArrayList[] lists, final int t)
        {
            final int last = t == 0 ? 0 : lists[t - 1].size();
            return last + (last >> 2) + 4;
        }

        /**
         * Waits until a set of tick counters is timed — running, meanwhile, ticks nobody has started —
         * and adds its row to the log. Called in tick order, so the log is too.
         */
        private void awaitTiming(final int set)
        {
            final java.util.concurrent.Future<?> f = timingDone[set];
            if (f == null)
            {
                return;
            }
            timingDone[set] = null;
            while (!f.isDone() && workers.lane().runOne())
            {
                // The caller times a later tick instead of waiting for this one.
            }
            ParallelSamples.join(f);
            log.add(rows[set]);
        }

        /** Counts the operations each receiving group does for these spikes of edge e's source (side). */
        private void attribute(final ProgramEdge e, final IntArrayList spikes, final boolean sideB, final long[] ops)
        {
            final int src = sideB ? e.sourceB() : e.sourceA();
            if (!model.hasRoutes[src])
            {
                return;
            }
            final int key = e.id() * 2 + (sideB ? 1 : 0);
            final int[] groupOf = model.groupOfUnit[src];
            final ProgramPopulation source = pops.get(src);
            final ProgramPopulation target = pops.get(e.target());
            final SynapseTable table = e.table() < 0 ? null : program.tables().get(e.table());
            FanOutCursor fan = cursors[key];
            if (fan == null)
            {
                // One per edge side and run: a product's cursor holds its map's walk, built once.
                fan = new FanOutCursor(e, target, source, table, sideB, e.table() >= 0 && model.rowsAscend[e.table()]);
                cursors[key] = fan;
            }
            final RouteSegments runs = model.segments;
            final long[] bits = runs.bits;
            final int[] edgeSide = model.routeEdgeSide;
            final int[] receiver = model.routeReceiver;
            final int[] start = model.groupStart;
            final int[] end = model.groupEnd;
            long total = 0;
            final int only = model.onlyReceiver[key];
            if (only >= 0)
            {
                // One receiving group: each spike's operations are its fan-out into it, no route looked up.
                final int a = start[only];
                final int b = end[only];
                for (int k = 0; k < spikes.size(); k++)
                {
                    fan.at(spikes.get(k));
                    total += fan.count(a, b);
                }
                ops[only] += total;
                if (ops == sops)
                {
                    popSops[e.target()] += total;
                }
                return;
            }
            int run = -1;
            for (int k = 0; k < spikes.size(); k++)
            {
                final int s = spikes.get(k);
                final int g = groupOf[s];
                final int r0 = model.routeStart[g];
                final int words = runs.words(g);
                run = runs.runOf(g, s, run);
                final int at = runs.runBits[run];
                fan.at(s);
                for (int w = 0; w < words; w++)
                {
                    for (long b = bits[at + w]; b != 0; b &= b - 1)
                    {
                        final int r = r0 + (w << 6) + Long.numberOfTrailingZeros(b);
                        if (edgeSide[r] == key)
                        {
                            final int to = receiver[r];
                            final int n = fan.count(start[to], end[to]);
                            ops[to] += n;
                            total += n;
                        }
                    }
                }
            }
            if (ops == sops)
            {
                popSops[e.target()] += total;
            }
        }

        /**
         * One population's share of a tick. Serially: which edges bring input, the operations they
         * cost each core, the product units' new b counts. Then per chunk of cores, in parallel:
         * synaptic integration into its own units, membrane update, firing. Then the merge.
         */
        private void integrateAndUpdate(final ProgramPopulation p, final int t)
        {
            final int id = p.id();
            phaseEdges.clear();
            for (final ProgramEdge e : model.incoming.get(id))
            {
                final int ts = t - e.delay();
                if (ts < 0)
                {
                    continue;
                }
                final ProgramPopulation src = pops.get(e.sourceA());
                if (e.kind() == ProgramEdge.Kind.TABLE)
                {
                    if (src.kind() == ProgramPopulation.Kind.INPUT)
                    {
                        if (ts == src.windowStart())
                        {
                            phaseEdges.add(e.id());
                            log.inputStage(t, model.inputMacs);
                        }
                        continue;
                    }
                    final IntArrayList spikes = trains[src.id()][ts];
                    if (!spikes.isEmpty())
                    {
                        attribute(e, spikes, false, sops);
                        phaseEdges.add(e.id());
                    }
                }
                else
                {
                    final IntArrayList a = trains[e.sourceA()][ts];
                    final IntArrayList b = trains[e.sourceB()][ts];
                    if (!a.isEmpty() || !b.isEmpty())
                    {
                        attribute(e, a, false, dyn);
                        attribute(e, b, true, dyn);
                        products[e.id()].addB(b);
                        phaseEdges.add(e.id());
                    }
                }
            }
            phaseIntegrates = !phaseEdges.isEmpty();
            if (id == stimulusPopulation && t < stimulus.length && stimulus[t].length > 0)
            {
                final long[] cur = pending[id];
                for (final int u : stimulus[t])
                {
                    cur[u]++;
                }
                phaseIntegrates = true;
            }
            final NeuronKernel kernel = kernels[id];
            phaseFires = kernel != null && kernel.mayFire(t);
            if (!phaseIntegrates && !phaseFires && (kernel == null || !kernel.stepsEveryTick()))
            {
                return;
            }
            phasePop = p;
            phaseTick = t;
            if (workers.chunks() > 1 && p.size() >= parallelMinUnits)
            {
                workers.run(updateChunk);
            }
            else
            {
                for (int c = 0; c < workers.chunks(); c++)
                {
                    updateChunk(c);
                }
            }
            final IntArrayList out = trains[id] == null ? null : trains[id][t];
            final IntArrayList outPayloads = payloads[id] == null ? null : payloads[id][t];
            for (int c = 0; c < chunkFired.length; c++)
            {
                if (outPayloads != null && !chunkPayloads[c].isEmpty())
                {
                    outPayloads.addAll(chunkPayloads[c]);
                    chunkPayloads[c].clear();
                }
                saturations += chunkSaturations[c];
                tickSaturations += chunkSaturations[c];
                chunkSaturations[c] = 0;
                if (!chunkFired[c].isEmpty())
                {
                    if (out != null)
                    {
                        out.addAll(chunkFired[c]);
                    }
                    chunkFired[c].clear();
                }
            }
            for (int k = 0; k < phaseEdges.size(); k++)
            {
                final ProgramEdge e = program.edges().get(phaseEdges.get(k));
                if (e.kind() != ProgramEdge.Kind.TABLE)
                {
                    products[e.id()].addA(trains[e.sourceA()][t - e.delay()]);
                }
            }
        }

        /** Integration, update and firing of the current phase's units in chunk c; touches only those units. */
        private void updateChunk(final int c)
        {
            final ProgramPopulation p = phasePop;
            final int t = phaseTick;
            final int id = p.id();
            final int lo = bounds[id][c];
            final int hi = bounds[id][c + 1];
            if (lo >= hi)
            {
                return;
            }
            final long[] cur = pending[id];
            for (int k = 0; k < phaseEdges.size(); k++)
            {
                final ProgramEdge e = program.edges().get(phaseEdges.get(k));
                final int ts = t - e.delay();
                final long unit = 1L << e.shift();
                if (e.kind() == ProgramEdge.Kind.TABLE)
                {
                    final SynapseTable table = program.tables().get(e.table());
                    if (pops.get(e.sourceA()).kind() == ProgramPopulation.Kind.INPUT)
                    {
                        for (int i = 0; i < input.length; i++)
                        {
                            if (input[i] != 0)
                            {
                                EngineTables.scatter(table, i, unit * input[i], cur, lo, hi);
                            }
                        }
                    }
                    else if (payloads[e.sourceA()] != null)
                    {
                        // Graded spikes: each synapse adds its weight times the spike's payload.
                        final IntArrayList spikes = trains[e.sourceA()][ts];
                        final IntArrayList carried = payloads[e.sourceA()][ts];
                        for (int j = 0; j < spikes.size(); j++)
                        {
                            EngineTables.scatter(table, spikes.get(j), unit * carried.get(j), cur, lo, hi);
                        }
                    }
                    else
                    {
                        final IntArrayList spikes = trains[e.sourceA()][ts];
                        for (int j = 0; j < spikes.size(); j++)
                        {
                            EngineTables.scatter(table, spikes.get(j), unit, cur, lo, hi);
                        }
                    }
                }
                else
                {
                    products[e.id()].accumulate(trains[e.sourceA()][ts], trains[e.sourceB()][ts], unit, cur, lo, hi);
                }
            }
            final NeuronKernel kernel = kernels[id];
            if (kernel != null)
            {
                final UnitActivity activity = chunkActivity[c];
                // One chunk: its fired units go straight into the tick's spike list (no copy, no clearing).
                final boolean direct = chunkFired.length == 1 && trains[id] != null;
                final IntArrayList firedInto = direct ? trains[id][t] : chunkFired[c];
                if (payloads[id] != null)
                {
                    activity.reset(t, firedInto, direct ? payloads[id][t] : chunkPayloads[c], counts[id], activeTick[id], model.groupOfUnit[id],
                        active);
                }
                else
                {
                    activity.reset(t, firedInto, counts[id], activeTick[id], model.groupOfUnit[id], active);
                }
                chunkSaturations[c] = kernel.step(t, cur, lo, hi, phaseIntegrates, phaseFires, activity);
            }
            else if (phaseIntegrates)
            {
                // Readout accumulators: integrate without bound, never fire.
                final long[] v = membrane[id];
                final int[] groupOf = model.groupOfUnit[id];
                final int[] lastActive = activeTick[id];
                for (int i = lo; i < hi; i++)
                {
                    if (cur[i] != 0)
                    {
                        v[i] += cur[i];
                        cur[i] = 0;
                        lastActive[i] = t;
                        active[groupOf[i]]++;
                    }
                }
            }
        }
    }
}
