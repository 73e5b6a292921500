package io.csdsim.tests;

import io.csdsim.models.neuron.NeuronModels;
import io.csdsim.models.neuron.NeuronReference;
import io.csdsim.simulator.neuron.NeuronKernel;
import io.csdsim.simulator.neuron.NeuronKernels;
import io.csdsim.simulator.neuron.UnitActivity;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's kernels read their parameters through isa's reader, the functional references through
 * models' (DESIGN §1 keeps the engine from importing models): both must know the same models, take and
 * refuse the same parameter maps with the same one line, and — taken — step a unit alike, so a default
 * or a bound written differently on one side is found here.
 */
class NeuronParametersAgreeTest
{
    private static final List<String> KEYS = List.of("theta", "v0", "bias", "windowStart", "T", "compare", "reset", "resetValue", "floor",
        "active", "du", "dv", "refractory", "u0", "payloadBits", "thresh");
    private static final List<String> VALUES = List.of("0", "1", "-1", "2", "7", "12", "32", "33", "64", "65", "400", "4096", "4097",
        "65536", "65537", "-300", " 5 ", "x", "ge", "gt", "soft", "hard", "none", "input", "nonzero", "9223372036854775807",
        "2147483648", "1e3");
    private static final int MEMBRANE_BITS = 24;

    @Test
    void bothSidesKnowTheSameModels()
    {
        assertEquals(NeuronModels.names(), NeuronKernels.names());
    }

    @Test
    void everyParameterMapIsTakenOrRefusedAliveAndTakenOnesStepAlike()
    {
        final SplittableRandom r = new SplittableRandom(29);
        int taken = 0;
        for (int trial = 0; trial < 10000; trial++)
        {
            final String model = List.copyOf(NeuronKernels.names()).get(r.nextInt(NeuronKernels.names().size()));
            final Map<String, String> p = new TreeMap<>();
            for (int k = r.nextInt(6); k > 0; k--)
            {
                p.put(KEYS.get(r.nextInt(KEYS.size())), VALUES.get(r.nextInt(VALUES.size())));
            }
            // Mostly the required ones, so that most maps are taken and stepped.
            if (r.nextInt(4) > 0)
            {
                required(model, r).forEach(p::putIfAbsent);
            }
            final String where = model + " " + p;
            String referenceRefusal = null;
            String kernelRefusal = null;
            NeuronReference unit = null;
            NeuronKernel kernel = null;
            try
            {
                unit = NeuronModels.create("population 'p'", model, p, MEMBRANE_BITS);
            }
            catch (final RuntimeException e)
            {
                referenceRefusal = e.getMessage();
            }
            try
            {
                kernel = NeuronKernels.create("population 'p'", model, p, 1, MEMBRANE_BITS);
            }
            catch (final RuntimeException e)
            {
                kernelRefusal = e.getMessage();
            }
            assertEquals(referenceRefusal, kernelRefusal, where);
            if (unit != null)
            {
                taken++;
                stepAlike(unit, kernel, r, where);
            }
        }
        // The battery must reach both sides' arithmetic, not only their refusals.
        assertEquals(true, taken > 1000, "taken " + taken);
    }

    private static Map<String, String> required(final String model, final SplittableRandom r)
    {
        return switch (model)
        {
            case "dif" -> Map.of("theta", String.valueOf(1 + r.nextInt(20)), "T", String.valueOf(1 + r.nextInt(8)));
            case "if" -> Map.of("theta", String.valueOf(1 + r.nextInt(20)));
            case "cuba-lif" -> Map.of("du", String.valueOf(r.nextInt(4097)), "dv", String.valueOf(r.nextInt(4097)), "theta",
                String.valueOf(1 + r.nextInt(40)));
            case "accumulator" -> Map.of("payloadBits", String.valueOf(2 + r.nextInt(31)));
            default -> Map.of();
        };
    }

    /** Steps the reference unit and a one-unit kernel, as the engine does, on the same random inputs; every tick's spike and payload agree. */
    private static void stepAlike(final NeuronReference unit, final NeuronKernel kernel, final SplittableRandom r, final String where)
    {
        final long[] input = new long[1];
        final int[] counts = new int[1];
        final int[] lastActive = {-1};
        final int[] groupOf = {0};
        final long[] active = new long[1];
        final IntArrayList fired = new IntArrayList();
        final IntArrayList payloads = new IntArrayList();
        final UnitActivity activity = new UnitActivity();
        for (int t = 0; t < 40; t++)
        {
            final long x = r.nextInt(3) == 0 ? 0 : r.nextInt(61) - 20;
            input[0] = x;
            fired.clear();
            payloads.clear();
            if (kernel.graded())
            {
                activity.reset(t, fired, payloads, counts, lastActive, groupOf, active);
            }
            else
            {
                activity.reset(t, fired, counts, lastActive, groupOf, active);
            }
            final boolean integrate = x != 0;
            final boolean fire = kernel.mayFire(t);
            if (integrate || fire || kernel.stepsEveryTick())
            {
                kernel.step(t, input, 0, 1, integrate, fire, activity);
            }
            final boolean spiked = unit.step(x);
            assertEquals(spiked, !fired.isEmpty(), where + ", tick " + t);
            if (spiked && kernel.graded())
            {
                assertEquals(unit.payload(), payloads.get(0), where + ", tick " + t);
            }
        }
    }
}
