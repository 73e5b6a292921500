package io.csdsim.models.neuron;

import io.csdsim.models.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-worked traces of every neuron model (docs/neuron-models.md): each tick's input, the state
 * after it and the ticks that fire, worked out by hand in the comments.
 */
class NeuronReferenceTracesTest
{
    /** Steps a unit through the inputs; returns v after each tick and adds the firing ticks to {@code fired}. */
    private static long[] run(final NeuronReference n, final long[] inputs, final java.util.List<Integer> fired)
    {
        final long[] v = new long[inputs.length];
        for (int t = 0; t < inputs.length; t++)
        {
            if (n.step(inputs[t]))
            {
                fired.add(t);
            }
            v[t] = n.membrane();
        }
        return v;
    }

    private static int[] ints(final java.util.List<Integer> l)
    {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void difFiresOnlyInItsWindowAndSaturates()
    {
        // θ = 4, v0 = 2, bias 1 → armed at v = 3; window [3, 6]; 8-bit membranes saturate at ±127.
        final NeuronReference n = NeuronModels.create("p", "dif", Map.of("theta", "4", "v0", "2", "bias", "1", "windowStart", "3", "T", "4"), 8);
        final java.util.List<Integer> fired = new java.util.ArrayList<>();
        // t0: 3+5 = 8 (outside the window: no spike); t1: 8; t2: 8−2 = 6; t3: 6 ≥ 4 → spike, 2; t4..t6: 2 < 4;
        // t7: 2+200 = 202 → 127 (saturation), outside the window; t8, t9: 127.
        final long[] v = run(n, new long[] {5, 0, -2, 0, 0, 0, 0, 200, 0, 0}, fired);
        assertArrayEquals(new long[] {8, 8, 6, 2, 2, 2, 2, 127, 127, 127}, v);
        assertArrayEquals(new int[] {3}, ints(fired));
        assertEquals(1, n.saturations());
    }

    @Test
    void ifWithALeakAFloorASoftResetAndSaturation()
    {
        // θ = 10, v ≥ θ, soft reset, bias −1 every tick (a leak), floor −5, 8-bit membranes (±127).
        final NeuronReference n = NeuronModels.create("p", "if", Map.of("theta", "10", "compare", "ge", "reset", "soft", "bias", "-1",
            "floor", "-5"), 8);
        final java.util.List<Integer> fired = new java.util.ArrayList<>();
        // t0: 0+4−1 = 3; t1: 6; t2: 9; t3..t7 leak by 1: 8, 7, 6, 5, 4;
        // t8: 4+200−1 = 203 → 127 (saturation) ≥ 10 → spike, 117; t9: 116 → spike, 106;
        // t10: 106−300−1 = −195 → −127 (saturation) → floor −5; t11: −5+3−1 = −3.
        final long[] v = run(n, new long[] {4, 4, 4, 0, 0, 0, 0, 0, 200, 0, -300, 3}, fired);
        assertArrayEquals(new long[] {3, 6, 9, 8, 7, 6, 5, 4, 117, 106, -5, -3}, v);
        assertArrayEquals(new int[] {8, 9}, ints(fired));
        assertEquals(2, n.saturations());
    }

    @Test
    void ifFiringAboveTheThresholdWithAHardReset()
    {
        // θ = 5, v > θ (SANA-FE's and Lava's comparison), hard reset to 1.
        final NeuronReference n = NeuronModels.create("p", "if", Map.of("theta", "5", "compare", "gt", "reset", "hard", "resetValue", "1"), 24);
        final java.util.List<Integer> fired = new java.util.ArrayList<>();
        // t0: 5 is not > 5; t1: 6 → spike, 1; t2: 1; t3: 7 → spike, 1; t4: −1; t5: 8 → spike, 1; t6..t9: 1.
        final long[] v = run(n, new long[] {5, 1, 0, 6, -2, 9, 0, 0, 0, 0}, fired);
        assertArrayEquals(new long[] {5, 1, 1, 1, -1, 1, 1, 1, 1, 1}, v);
        assertArrayEquals(new int[] {1, 3, 5}, ints(fired));
    }

    @Test
    void ifWithoutResetFiresEveryTickItStaysAtThreshold()
    {
        final NeuronReference n = NeuronModels.create("p", "if", Map.of("theta", "3", "reset", "none"), 24);
        final java.util.List<Integer> fired = new java.util.ArrayList<>();
        // t0: 3 → spike (v stays 3); t1: spike; t2: spike; t3: 2; t4..t9: 2.
        final long[] v = run(n, new long[] {3, 0, 0, -1, 0, 0, 0, 0, 0, 0}, fired);
        assertArrayEquals(new long[] {3, 3, 3, 2, 2, 2, 2, 2, 2, 2}, v);
        assertArrayEquals(new int[] {0, 1, 2}, ints(fired));
    }

    @Test
    void cubaLifDecaysBothStatesRoundingTowardZero()
    {
        // du = 1024 keeps 3/4 of u, dv = 2048 keeps 1/2 of v; θ = 100 (fires on v > θ).
        final CubaLifReference n = (CubaLifReference)NeuronModels.create("p", "cuba-lif", Map.of("du", "1024", "dv", "2048", "theta", "100"), 24);
        final long[] input = {80, 0, 0, 0, 0, 0, -50, 0, 0, 0, 0, 0};
        // u: 80; 80·3/4 = 60; 45; 33.75 → 33; 24.75 → 24; 18; 13.5 → 13, −50 → −37;
        //    −37·3/4 = −27.75 → −27 (toward zero; an arithmetic shift would give −28); −20.25 → −20; −15; −11.25 → −11; −8.25 → −8.
        // v: 80; 40+60 = 100 (not > 100); 50+45 = 95; 47.5 → 47, +33 = 80; 40+24 = 64; 32+18 = 50; 25−37 = −12;
        //    −6−27 = −33; −16.5 → −16, −20 = −36; −18−15 = −33; −16−11 = −27; −13.5 → −13, −8 = −21.
        final long[] u = new long[input.length];
        final long[] v = new long[input.length];
        for (int t = 0; t < input.length; t++)
        {
            assertTrue(!n.step(input[t]), "no spike at tick " + t);
            u[t] = n.current();
            v[t] = n.membrane();
        }
        assertArrayEquals(new long[] {80, 60, 45, 33, 24, 18, -37, -27, -20, -15, -11, -8}, u);
        assertArrayEquals(new long[] {80, 100, 95, 80, 64, 50, -12, -33, -36, -33, -27, -21}, v);
        assertEquals(-27, CubaLifReference.decay(-37, 1024));
        assertEquals(27, CubaLifReference.decay(37, 1024));
    }

    @Test
    void cubaLifResetsToZeroStaysQuietWhileRefractoryAndSaturates()
    {
        // du = 4096: u is this tick's input alone; dv = 0: v does not leak; θ = 10, bias 2, refractory 2, 8 bits (±127).
        final CubaLifReference n = (CubaLifReference)NeuronModels.create("p", "cuba-lif", Map.of("du", "4096", "dv", "0", "theta", "10",
            "bias", "2", "refractory", "2"), 8);
        final long[] input = {3, 3, 0, 0, 0, 0, 500, 0, 0, 0};
        // t0: u 3, v 0+3+2 = 5; t1: u 3, v 10 (not > 10); t2: u 0, v 12 → spike, v = 0, two quiet ticks;
        // t3, t4: quiet, v = 0; t5: v = 2; t6: u = 500 → 127 (saturation), v = 2+127+2 = 131 → 127 (saturation) → spike, 0;
        // t7, t8: quiet; t9: v = 2.
        final long[] u = new long[input.length];
        final long[] v = new long[input.length];
        final java.util.List<Integer> fired = new java.util.ArrayList<>();
        for (int t = 0; t < input.length; t++)
        {
            if (n.step(input[t]))
            {
                fired.add(t);
            }
            u[t] = n.current();
            v[t] = n.membrane();
        }
        assertArrayEquals(new long[] {3, 3, 0, 0, 0, 0, 127, 0, 0, 0}, u);
        assertArrayEquals(new long[] {5, 10, 0, 0, 0, 2, 0, 0, 0, 2}, v);
        assertArrayEquals(new int[] {2, 6}, ints(fired));
        assertEquals(2, n.saturations());
    }

    @Test
    void aSpikeSourceFiresExactlyInTheTicksOfPositiveInputAndTakesNoParameters()
    {
        final NeuronReference n = NeuronModels.create("pop 'in'", "spike-source", Map.of(), 24);
        final long[] inputs = {0, 1, 0, 0, 3, 1, -2, 0, 1, 0, 0, 1};
        final boolean[] fires = {false, true, false, false, true, true, false, false, true, false, false, true};
        for (int t = 0; t < inputs.length; t++)
        {
            assertEquals(fires[t], n.step(inputs[t]), "tick " + t);
        }
        assertEquals(0, n.saturations());
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'in'", "spike-source", Map.of("theta", "1"), 24))
            .getMessage().contains("theta: not a parameter of the spike-source neuron"));
    }

    @Test
    void anAccumulatorForwardsEachTicksSumAsOnePayloadSaturatedToItsBits()
    {
        final NeuronReference n = NeuronModels.create("pop 'acc'", "accumulator", Map.of("payloadBits", "8"), 24);
        final long[] inputs = {0, 5, -3, 200, -200, 127, 0};
        final boolean[] fires = {false, true, true, true, true, true, false};
        final long[] payloads = {0, 5, -3, 127, -127, 127, 127};
        for (int t = 0; t < inputs.length; t++)
        {
            assertEquals(fires[t], n.step(inputs[t]), "tick " + t);
            if (fires[t])
            {
                assertEquals(payloads[t], n.payload(), "payload of tick " + t);
            }
        }
        assertEquals(2, n.payloadSaturations(), "200 and -200 do not fit 8 signed bits");
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'acc'", "accumulator", Map.of("payloadBits", "40"), 24))
            .getMessage().contains("payloadBits"));
    }

    @Test
    void unknownModelsAndMisspeltParametersAreOneLine()
    {
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'x'", "lif", Map.of(), 24)).getMessage()
            .contains("'lif'; expected one of [accumulator, cuba-lif, dif, if, spike-source]"));
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'x'", "if", Map.of("theta", "3", "thresh", "4"), 24))
            .getMessage().contains("thresh: not a parameter of the if neuron"));
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'x'", "if", Map.of("theta", "3", "reset", "zero"), 24))
            .getMessage().contains("'zero'; expected one of [hard, none, soft]"));
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'x'", "cuba-lif", Map.of("du", "5000", "dv", "0",
            "theta", "3"), 24)).getMessage().contains("du: 5000; expected 0..4096"));
        assertTrue(assertThrows(InvalidInputException.class, () -> NeuronModels.create("pop 'x'", "if", Map.of(), 24)).getMessage()
            .contains("theta: missing"));
    }
}
