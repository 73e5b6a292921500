package io.csdsim.models.csdformer;

import io.csdsim.models.graph.GraphNode;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.graph.ModelSummary;
import io.csdsim.models.graph.OpKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph against the paper: parameter counts of Tables 1–2 (within 0.01 M, as DESIGN §3.5 allows
 * for the two figures carried over from Spikformer) and the dense MACs of Table 3.
 */
class PublishedFiguresTest
{
    @ParameterizedTest
    @CsvSource({"4-256,cifar10,4.15", "2-384,cifar10,5.76", "4-384,cifar10,9.32", "8-384,imagenet,16.81",
        "8-512,imagenet,29.68", "8-768,imagenet,66.34"})
    void parametersMatchThePaper(final String arch, final String dataset, final double millions)
    {
        final ModelGraph g = CsdformerGraphBuilder.build(CsdformerConfig.of(arch, dataset, 0, 4, 3), arch);
        final double m = new ModelSummary(g).params() / 1e6;
        assertEquals(millions, m, 0.01 + 1e-9, arch + " has " + m + " M parameters");
    }

    @ParameterizedTest
    @CsvSource({"8-512,8.26", "8-768,18.51"})
    void denseMacsMatchTable3(final String arch, final double giga)
    {
        final ModelGraph g = CsdformerGraphBuilder.build(CsdformerConfig.of(arch, "imagenet", 0, 4, 3), arch);
        final ModelSummary s = new ModelSummary(g);
        assertEquals(giga, Math.round(s.macs() / 1e7) / 100.0, 1e-9, arch + ": " + s.macs());
        assertTrue(s.attentionOps() > 0);
    }

    @Test
    void fourThreeEightyFourCountsByHand()
    {
        // Tokenizer 3→48→96→192→384→384 (3×3, BN): 2,199,312 weights + 2,208 BN; per block
        // 3·(D² + 2D) + (D² + 3D) + (4D² + 12D) + (4D² + 3D) = 1,778,688; head 3,850.
        final ModelGraph g = CsdformerGraphBuilder.build(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), "x");
        final ModelSummary s = new ModelSummary(g);
        assertEquals(2_199_312 + 2_208 + 4 * 1_778_688 + 3_850, s.params());
        // 64 tokens, attention: Q·Kᵀ and A·V each N²·D per block.
        assertEquals(4L * 2 * 64 * 64 * 384, s.attentionOps());
    }

    @Test
    void poolsSitAsOnCifarAndOnImagenet()
    {
        final ModelGraph cifar = CsdformerGraphBuilder.build(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), "c");
        final ModelGraph imnet = CsdformerGraphBuilder.build(CsdformerConfig.of("8-768", "imagenet", 0, 4, 3), "i");
        assertEquals(2, cifar.nodes().stream().filter(n -> n.op == OpKind.MAXPOOL).count());
        assertEquals(4, imnet.nodes().stream().filter(n -> n.op == OpKind.MAXPOOL).count());
        assertEquals(64, cifar.node("blk0.sn_in").shape[0]);
        assertEquals(196, imnet.node("blk0.sn_in").shape[0]);
        assertEquals(12, cifar.node("blk0.qk").heads);
        assertEquals(8, imnet.node("blk0.qk").heads);
        assertEquals(16, CsdformerGraphBuilder.build(CsdformerConfig.of("4-256", "cifar10", 0, 4, 3), "c").node("blk0.qk").heads);
    }

    @Test
    void residualReadersTakeEveryEarlierWriter()
    {
        final ModelGraph g = CsdformerGraphBuilder.build(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), "c");
        final GraphNode in3 = g.node("blk3.sn_in");
        assertEquals(java.util.List.of("tok.conv4", "blk0.proj", "blk0.fc2", "blk1.proj", "blk1.fc2", "blk2.proj", "blk2.fc2"),
            java.util.List.of(in3.inputs));
        assertEquals(8, g.node("blk3.sn_in2").inputs.length);
        assertEquals(9, g.node("readout").inputs.length);
        // (Q·Kᵀ)·V: the av product reads the attention neurons and V, never Kᵀ·V.
        assertEquals(java.util.List.of("blk0.sn_a", "blk0.sn_v"), java.util.List.of(g.node("blk0.av").inputs));
    }
}
