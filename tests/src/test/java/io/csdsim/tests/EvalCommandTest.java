package io.csdsim.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code csdsim eval}: accuracies of the shipped model, checked against the exporter's golden classes. */
class EvalCommandTest
{
    @Test
    void theIntegerAndTheExactSpikingAccuracyEqualTheGoldenClassesAccuracy() throws Exception
    {
        final int n = 60;
        final JsonNode golden = new ObjectMapper().readTree(Path.of(System.getProperty("csdsim.home"), "data/golden/fashion-mnist-golden.json")
            .toFile());
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            correct += golden.get("predicted").get(i).asInt() == golden.get("labels").get(i).asInt() ? 1 : 0;
        }
        final String expected = String.format(Locale.ROOT, "%.2f %% (%d/%d)", 100.0 * correct / n, correct, n);
        final Cli r = Cli.run("eval", "--limit", String.valueOf(n), "--delays", "0,3", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        final String integer = r.out().lines().filter(l -> l.startsWith("integer, no time")).findFirst().orElseThrow();
        final String exact = r.out().lines().filter(l -> l.startsWith("spiking, D=3 (exact)")).findFirst().orElseThrow();
        assertTrue(integer.contains(expected) && exact.contains(expected), expected + " in:\n" + r.out());
        assertTrue(exact.endsWith("100.00 %"), exact);
        assertTrue(r.out().contains("float (ANN, quantized activations)") && r.out().contains("spiking, D=0 "), r.out());
    }

    @Test
    void badInputsGetOneClearLine()
    {
        for (final String[] args : new String[][] {{"eval", "--synthetic", "2"}, {"eval", "--delays", "-1", "--limit", "2"},
            {"eval", "--full", "--synthetic", "2"}})
        {
            final Cli r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
            assertFalse(r.err().strip().contains("\n"), r.err());
        }
        assertTrue(Cli.run("eval", "--synthetic", "2").err().contains("no labels"));
    }
}
