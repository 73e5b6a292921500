package io.csdsim.isa.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csdsim.isa.ChipInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presets, JSON round trips, overrides and invalid specs. */
class ChipSpecsTest
{
    private static String error(final String json)
    {
        try
        {
            return assertThrows(ChipInputException.class, () -> ChipSpecs.parse("my.json", new ObjectMapper().readTree(json))).getMessage();
        }
        catch (final Exception e)
        {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"loihi", "loihi2", "loihi-sanafe", "truenorth"})
    void presetsNameASourceBesideEveryFigureAndRoundTrip(final String name) throws Exception
    {
        final ChipSpec s = ChipSpecs.preset(name);
        for (final ChipField f : ChipField.values())
        {
            assertFalse(s.source(f).isBlank(), name + " " + f.key);
            assertFalse(s.source(f).startsWith("unsourced"), name + " " + f.key);
        }
        final ChipSpec back = ChipSpecs.parse("x", new ObjectMapper().readTree(ChipSpecs.toJson(s).toString()));
        assertEquals(s, back);
        for (final ChipField f : ChipField.values())
        {
            assertEquals(s.source(f), back.source(f));
        }
    }

    @Test
    void presetsCarryThePublishedFigures()
    {
        final ChipSpec loihi = ChipSpecs.preset("loihi");
        assertEquals(128, loihi.coresPerChip());
        assertEquals(1024, loihi.maxNeurons());
        assertEquals(128 * 1024 * 8, loihi.synapseMemoryBits());
        assertEquals(23.6, loihi.get(ChipField.ENERGY_SYN_OP_PJ));
        assertEquals(0, loihi.tdecUnits(), "real Loihi has no TDEC unit");
        assertFalse(loihi.sharedTables());
        final ChipSpec l2 = ChipSpecs.preset("loihi2");
        assertEquals(8192, l2.maxNeurons());
        assertTrue(l2.sharedTables());
        assertTrue(l2.source(ChipField.ENERGY_SYN_OP_PJ).contains("Loihi 1"));
        final ChipSpec tn = ChipSpecs.preset("truenorth");
        assertEquals(4096, tn.coresPerChip());
        assertEquals(256, tn.maxInputAxons());
        assertEquals(1, tn.getInt(ChipField.CORE_MAX_ROUTES_PER_NEURON));
        assertTrue(tn.flag(ChipField.CORE_CROSSBAR));
    }

    @Test
    void aFileMayOverrideAPresetAndSetMayOverrideAField() throws Exception
    {
        final ChipSpec s = ChipSpecs.parse("my.json", new ObjectMapper().readTree(
            "{\"base\": \"loihi\", \"name\": \"big\", \"core\": {\"maxNeurons\": 4096, \"tdecUnits\": 256}}"));
        assertEquals("big", s.name());
        assertEquals(4096, s.maxNeurons());
        assertEquals(256, s.tdecUnits());
        assertEquals("override in my.json", s.source(ChipField.CORE_MAX_NEURONS));
        assertEquals(ChipSpecs.preset("loihi").source(ChipField.CORE_MAX_INPUT_AXONS), s.source(ChipField.CORE_MAX_INPUT_AXONS));
        final ChipSpec t = ChipSpecs.override(s, "core.maxNeurons=2048");
        assertEquals(2048, t.maxNeurons());
        assertEquals("--set core.maxNeurons=2048", t.source(ChipField.CORE_MAX_NEURONS));
        assertTrue(ChipSpecs.override(s, "core.sharedSynapseTables=true").sharedTables());
    }

    @Test
    void invalidSpecsGetAClearError() throws Exception
    {
        assertTrue(error("{\"base\": \"loihi\", \"core\": {\"maxNeurons\": -5}}").contains("my.json: core.maxNeurons: -5; expected an integer >= 1"));
        assertTrue(error("{\"base\": \"loihi\", \"mesh\": {\"tilesX\": 0}}").contains("mesh.tilesX: 0; expected an integer >= 1"));
        assertTrue(error("{\"base\": \"loihi\", \"core\": {\"maxNeuron\": 5}}").contains("core.maxNeuron: unknown key"));
        assertTrue(error("{\"base\": \"loihi\", \"cache\": {}}").contains("cache: unknown key"));
        assertTrue(error("{\"base\": \"loihi\", \"energy\": {\"synOpPJ\": \"cheap\"}}").contains("energy.synOpPJ"));
        assertTrue(error("{\"base\": \"loihi\", \"core\": {\"sharedSynapseTables\": 1}}").contains("true or false"));
        assertTrue(error("{\"base\": \"loihi3\"}").contains("'loihi3'"));
        final ObjectNode full = ChipSpecs.toJson(ChipSpecs.preset("loihi"));
        ((ObjectNode)full.get("timing")).remove("barrierCycles");
        assertTrue(error(full.toString()).contains("timing.barrierCycles: missing"));
        assertTrue(assertThrows(ChipInputException.class, () -> ChipSpecs.override(ChipSpecs.preset("loihi"), "core.maxNeurons")).getMessage().contains("group.field=value"));
        assertTrue(assertThrows(ChipInputException.class, () -> ChipSpecs.override(ChipSpecs.preset("loihi"), "core.x=1")).getMessage().contains("unknown field"));
    }

    @Test
    void theSchemaDocumentNamesEveryField() throws Exception
    {
        final String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "chip-spec.md"));
        for (final ChipField f : ChipField.values())
        {
            assertTrue(doc.contains("`" + f.key + "`"), f.key + " is not documented in docs/chip-spec.md");
        }
    }
}
