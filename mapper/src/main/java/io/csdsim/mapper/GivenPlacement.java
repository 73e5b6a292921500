package io.csdsim.mapper;

/**
 * Cores chosen outside csdsim — a SANA-FE file's mappings — kept as given: each maximal run of a
 * population's units on one core becomes one neuron group there, and several groups may share a
 * core (its limits then hold for their sum).
 *
 * @param source     where the cores come from, for error lines
 * @param coreOfUnit per population of the network (null for the host's), per unit: its core
 */
public record GivenPlacement(String source, int[][] coreOfUnit)
{
}
