package io.csdsim.mapper;

import io.csdsim.isa.spec.ChipSpec;
import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.models.graph.InputSpec;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntPopulation;
import io.csdsim.models.quant.Projection;

import java.util.ArrayList;
import java.util.List;

/** Chips with chosen limits and hand-made networks whose mappings are worked out by hand. */
final class TestChips
{
    private TestChips()
    {
    }

    /** Loihi with the given overrides ("core.maxNeurons=4", ...). */
    static ChipSpec loihi(final String... sets)
    {
        ChipSpec s = ChipSpecs.preset("loihi");
        for (final String o : sets)
        {
            s = ChipSpecs.override(s, o);
        }
        return s;
    }

    /**
     * input [tokens, k] → linear k→m → DIF "a" [tokens, m] → linear m→m2 → DIF "b" [tokens, m2].
     * Weights are all 1 (every synapse present); thresholds 1.
     */
    static IntNetwork twoLayers(final int tokens, final int k, final int m, final int m2)
    {
        final InputSpec spec = new InputSpec(tokens, 1, k, new double[k], ones(k));
        final List<IntPopulation> pops = new ArrayList<>();
        final List<Projection> projs = new ArrayList<>();
        pops.add(new IntPopulation(0, "input", IntPopulation.Kind.INPUT, new int[] {tokens, 1, k}));
        projs.add(new Projection(0, "fc1", Projection.Kind.LINEAR, 0, -1, tokens, 1, k, m, filled(k * m), tokens * m, 1));
        pops.add(dif(1, "a", new int[] {tokens, m}, 0));
        projs.add(new Projection(1, "fc2", Projection.Kind.LINEAR, 1, -1, tokens, 1, m, m2, filled(m * m2), tokens * m2, 1));
        pops.add(dif(2, "b", new int[] {tokens, m2}, 1));
        return new IntNetwork("two-layers", 4, 3, 8, 24, spec, pops, projs);
    }

    static IntPopulation dif(final int id, final String name, final int[] shape, final int projection)
    {
        final IntPopulation p = new IntPopulation(id, name, IntPopulation.Kind.DIF, shape);
        p.theta = 1;
        p.v0 = 0;
        p.inputs = new int[] {projection};
        p.inputShifts = new int[] {0};
        return p;
    }

    static short[] filled(final int n)
    {
        final short[] m = new short[n];
        java.util.Arrays.fill(m, (short)1);
        return m;
    }

    private static double[] ones(final int k)
    {
        final double[] a = new double[k];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
