package io.csdsim.mapper;

import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Where a network's residual streams can be summed once (docs/residual-stream.md): a writer is a
 * weighted projection that several populations read, and a stream is a chain of accumulators, each
 * holding the sum of a growing set of writers — the set one or more spiking readers read. Accumulator
 * q takes the previous accumulator's graded spikes (one synapse per unit) and its new writers'
 * synapses; a reader then reads the largest accumulator whose writers it reads, with one synapse per
 * unit, and the rest of its writers directly. Chaining (rather than every reader reading a prefix of
 * single-writer accumulators) keeps one synapse per unit per reader and one graded message per unit
 * per accumulator and tick, whatever the number of writers.
 *
 * <p>Exactness needs each reader's shifts to be one power-of-two scale per writer: reader r's shift of
 * writer j is c_j − u_r. An accumulator holds its writers at their relative shifts c_j − min c and
 * the reader shifts the sum by what remains; a set whose readers disagree is left to fan-in.
 */
final class ResidualStreams
{
    /** One accumulator: its writers (input projections), which it takes from the previous one in its chain, and its readers. */
    static final class Accumulator
    {
        final int id;
        final BitSet writers;
        /** The accumulator before it in the chain, or -1 for a chain's first. */
        final int previous;
        /** Shift of the previous accumulator's sum into this one. */
        final int previousShift;
        /** Per projection id: the shift of that writer into this accumulator (only for writers not held by the previous one). */
        final int[] writerShift;
        /** Per projection id: the shift of that writer within this accumulator's sum (c_j − min c), for every writer it holds. */
        final int[] relative;
        /** Ticks from a writer's spike to its part of this accumulator's graded spike, per projection id. */
        final int[] reach;
        /** The population a reader of it comes after: it is placed before its first reader. */
        final int firstReader;
        final int units;

        Accumulator(final int id, final BitSet writers, final int previous, final int previousShift, final int[] writerShift,
            final int[] relative, final int[] reach, final int firstReader, final int units)
        {
            this.id = id;
            this.writers = writers;
            this.previous = previous;
            this.previousShift = previousShift;
            this.writerShift = writerShift;
            this.relative = relative;
            this.reach = reach;
            this.firstReader = firstReader;
            this.units = units;
        }
    }

    final List<Accumulator> accumulators = new ArrayList<>();
    /** Per population: the accumulator it reads (−1: none), and the shift of its graded spikes. */
    final int[] readsAccumulator;
    final int[] accumulatorShift;
    /** Per population and input slot: ticks from the writer's spike to its integration under this mapping. */
    final int[][] delays;

    private final IntNetwork net;

    private ResidualStreams(final IntNetwork net)
    {
        this.net = net;
        final int n = net.populationCount();
        readsAccumulator = new int[n];
        accumulatorShift = new int[n];
        Arrays.fill(readsAccumulator, -1);
        delays = new int[n][];
        for (int id = 0; id < n; id++)
        {
            final IntPopulation p = net.population(id);
            delays[id] = new int[p.inputs.length];
            for (int k = 0; k < p.inputs.length; k++)
            {
                delays[id][k] = directDelay(net.projection(p.inputs[k]));
            }
        }
    }

    /** @return the fan-in mapping: no accumulator, every reader holds its writers' synapses. */
    static ResidualStreams fanIn(final IntNetwork net)
    {
        return new ResidualStreams(net);
    }

    /** @return the accumulate mapping: chains of accumulators wherever a set of two or more writers is read. */
    static ResidualStreams accumulate(final IntNetwork net)
    {
        final ResidualStreams s = new ResidualStreams(net);
        s.build();
        return s;
    }

    /** @return whether any reader reads an accumulator. */
    boolean any()
    {
        return !accumulators.isEmpty();
    }

    private static int directDelay(final Projection pr)
    {
        return pr.delay > 0 ? pr.delay : 1;
    }

    private static boolean reader(final IntPopulation p)
    {
        return p.kind == IntPopulation.Kind.DIF || p.kind == IntPopulation.Kind.NEURONS || p.kind == IntPopulation.Kind.READOUT;
    }

    /** Per population: the input slots whose projection is a residual writer (weighted, read by two or more populations). */
    private BitSet writersOf(final IntPopulation p, final int[] readers)
    {
        final BitSet w = new BitSet();
        for (final int pr : p.inputs)
        {
            final Projection proj = net.projection(pr);
            if (proj.kind != Projection.Kind.PRODUCT && proj.mantissa != null && readers[pr] >= 2
                && net.population(proj.sourceA).kind != IntPopulation.Kind.INPUT)
            {
                w.set(pr);
            }
        }
        return w;
    }

    /** @return reader r's shift of projection pr. */
    private int shiftOf(final IntPopulation r, final int pr)
    {
        for (int k = 0; k < r.inputs.length; k++)
        {
            if (r.inputs[k] == pr)
            {
                return r.inputShifts[k];
            }
        }
        throw new IllegalStateException(r.name + " does not read " + pr);
    }

    /** @return the relative shifts (shift − least shift) reader r gives the writers of set, or null if a writer appears twice. */
    private int[] relativeShifts(final IntPopulation r, final BitSet set)
    {
        int least = Integer.MAX_VALUE;
        for (int pr = set.nextSetBit(0); pr >= 0; pr = set.nextSetBit(pr + 1))
        {
            least = Math.min(least, shiftOf(r, pr));
        }
        final int[] rel = new int[net.projectionCount()];
        Arrays.fill(rel, -1);
        for (int pr = set.nextSetBit(0); pr >= 0; pr = set.nextSetBit(pr + 1))
        {
            rel[pr] = shiftOf(r, pr) - least;
        }
        return rel;
    }

    private void build()
    {
        final int n = net.populationCount();
        final int[] readers = new int[net.projectionCount()];
        for (int id = 0; id < n; id++)
        {
            final IntPopulation p = net.population(id);
            if (reader(p))
            {
                for (final int pr : p.inputs)
                {
                    readers[pr]++;
                }
            }
        }
        // Distinct writer sets of spiking readers, smallest first (ties: the first reader's order), each with its readers.
        final List<BitSet> sets = new ArrayList<>();
        final List<List<Integer>> readersOf = new ArrayList<>();
        final BitSet[] setOf = new BitSet[n];
        for (int id = 0; id < n; id++)
        {
            final IntPopulation p = net.population(id);
            if (!reader(p))
            {
                continue;
            }
            final BitSet w = writersOf(p, readers);
            if (w.cardinality() < 2)
            {
                continue;
            }
            setOf[id] = w;
            if (p.kind == IntPopulation.Kind.READOUT)
            {
                // The readout's compartments sum by themselves: it reads an accumulator but needs none of its own.
                continue;
            }
            final int at = sets.indexOf(w);
            if (at < 0)
            {
                sets.add(w);
                readersOf.add(new ArrayList<>(List.of(id)));
            }
            else
            {
                readersOf.get(at).add(id);
            }
        }
        final Integer[] order = new Integer[sets.size()];
        for (int i = 0; i < order.length; i++)
        {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(sets.get(a).cardinality(), sets.get(b).cardinality()));
        for (final int si : order)
        {
            final BitSet set = sets.get(si);
            final List<Integer> rs = readersOf.get(si);
            final IntPopulation first = net.population(rs.get(0));
            final int[] rel = relativeShifts(first, set);
            boolean agree = true;
            for (final int r : rs)
            {
                agree &= Arrays.equals(rel, relativeShifts(net.population(r), set)) && net.population(r).size == first.size;
            }
            if (!agree)
            {
                continue;
            }
            // The longest earlier accumulator whose writers this set holds, at shifts that differ from ours by one constant.
            int prev = -1;
            int prevShift = 0;
            for (final Accumulator a : accumulators)
            {
                if (a.units != first.size || !subset(a.writers, set) || (prev >= 0 && accumulators.get(prev).writers.cardinality() >= a.writers.cardinality()))
                {
                    continue;
                }
                final int d = constantDifference(rel, a.relative, a.writers);
                if (d != Integer.MIN_VALUE && d >= 0)
                {
                    prev = a.id;
                    prevShift = d;
                }
            }
            final int[] writerShift = new int[net.projectionCount()];
            final int[] reach = new int[net.projectionCount()];
            Arrays.fill(writerShift, -1);
            Arrays.fill(reach, -1);
            for (int pr = set.nextSetBit(0); pr >= 0; pr = set.nextSetBit(pr + 1))
            {
                if (prev >= 0 && accumulators.get(prev).writers.get(pr))
                {
                    // One tick more: the previous accumulator's graded spike of its tick reaches this one the next.
                    reach[pr] = accumulators.get(prev).reach[pr] + 1;
                }
                else
                {
                    writerShift[pr] = rel[pr];
                    reach[pr] = directDelay(net.projection(pr));
                }
            }
            int firstReader = Integer.MAX_VALUE;
            for (final int r : rs)
            {
                firstReader = Math.min(firstReader, r);
            }
            accumulators.add(new Accumulator(accumulators.size(), set, prev, prevShift, writerShift, rel, reach, firstReader, first.size));
        }
        // Every reader reads the largest accumulator it can, and its other writers directly.
        for (int id = 0; id < n; id++)
        {
            final BitSet set = setOf[id];
            if (set == null)
            {
                continue;
            }
            final IntPopulation p = net.population(id);
            final int[] rel = relativeShifts(p, set);
            int best = -1;
            int shift = 0;
            for (final Accumulator a : accumulators)
            {
                if (a.units != p.size && p.kind != IntPopulation.Kind.READOUT || !subset(a.writers, set) || a.firstReader > id && p.kind != IntPopulation.Kind.READOUT)
                {
                    continue;
                }
                if (best >= 0 && accumulators.get(best).writers.cardinality() >= a.writers.cardinality())
                {
                    continue;
                }
                final int d = constantDifference(rel, a.relative, a.writers);
                if (d != Integer.MIN_VALUE && d >= 0)
                {
                    best = a.id;
                    shift = d;
                }
            }
            if (best < 0)
            {
                continue;
            }
            final Accumulator a = accumulators.get(best);
            final int least = leastShift(p, set);
            readsAccumulator[id] = best;
            accumulatorShift[id] = least + shift;
            for (int k = 0; k < p.inputs.length; k++)
            {
                if (a.writers.get(p.inputs[k]))
                {
                    delays[id][k] = a.reach[p.inputs[k]] + 1;
                }
            }
        }
        // An accumulator no reader reads (its set's readers all found a larger one) is still a link of its chain.
    }

    private int leastShift(final IntPopulation p, final BitSet set)
    {
        int least = Integer.MAX_VALUE;
        for (int pr = set.nextSetBit(0); pr >= 0; pr = set.nextSetBit(pr + 1))
        {
            least = Math.min(least, shiftOf(p, pr));
        }
        return least;
    }

    /** @return d such that mine[j] = theirs[j] + d for every writer j of set, or Integer.MIN_VALUE when there is none. */
    private static int constantDifference(final int[] mine, final int[] theirs, final BitSet set)
    {
        int d = Integer.MIN_VALUE;
        for (int pr = set.nextSetBit(0); pr >= 0; pr = set.nextSetBit(pr + 1))
        {
            final int x = mine[pr] - theirs[pr];
            if (d != Integer.MIN_VALUE && x != d)
            {
                return Integer.MIN_VALUE;
            }
            d = x;
        }
        return d;
    }

    private static boolean subset(final BitSet a, final BitSet b)
    {
        final BitSet c = (BitSet)a.clone();
        c.andNot(b);
        return c.isEmpty();
    }
}
