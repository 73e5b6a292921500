package io.csdsim.tests;

import io.csdsim.isa.spec.ChipSpecs;
import io.csdsim.mapper.Mapper;
import io.csdsim.mapper.MapperOptions;
import io.csdsim.models.csdformer.CsdformerConfig;
import io.csdsim.models.csdformer.SyntheticImages;
import io.csdsim.models.csdformer.ZooModels;
import io.csdsim.models.graph.ModelGraph;
import io.csdsim.models.quant.IntNetwork;
import io.csdsim.models.quant.IntQuantizer;
import io.csdsim.models.quant.QuantizationParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariant 2 on the CSDformer-4-384 CIFAR-10 zoo model, compiled for Loihi 2 with TDEC units. */
class ZooChipEquivalenceTest
{
    @Test
    void theFourThreeEightyFourZooModelSpikesOnTheChipAsInFunctionalSpiking()
    {
        final ModelGraph g = ZooModels.create(CsdformerConfig.of("4-384", "cifar10", 0, 4, 3), 1, ZooModels.DEFAULT_TARGET_RATE, 2, null);
        final IntNetwork net = IntQuantizer.quantize(g, QuantizationParams.DEFAULT);
        final var spec = ChipSpecs.override(ChipSpecs.preset("loihi2"), "core.tdecUnits=8192");
        for (final MapperOptions.Residual residual : MapperOptions.Residual.values())
        {
            if (residual == MapperOptions.Residual.AUTO)
            {
                continue;
            }
            final Mapper.Result compiled = Mapper.compile(net, spec, MapperOptions.DEFAULT.withResidual(residual));
            assertTrue(compiled.report().residual().startsWith(residual.label + (residual == MapperOptions.Residual.ACCUMULATE ? " (" : "")),
                compiled.report().residual());
            final long spikes = ChipEquivalenceTest.compare(net, compiled, SyntheticImages.generate(net.input, 1, 11), "4-384 on loihi2, "
                + compiled.report().residual());
            assertTrue(spikes > 100_000, "spikes: " + spikes);
        }
    }
}
