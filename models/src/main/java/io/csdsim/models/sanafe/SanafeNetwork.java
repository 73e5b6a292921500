package io.csdsim.models.sanafe;

import io.csdsim.models.input.SpikeTrainSet;
import io.csdsim.models.quant.IntNetwork;

import java.util.List;

/**
 * A SANA-FE SNN file as csdsim runs it ({@link SanafeNetworkReader}, docs/sanafe.md).
 *
 * @param network   the integer network: one population per group, the input group first as spike sources
 * @param coreOfUnit per population of the network, per unit: the csdsim core the file maps it to
 * @param trains    the input units' spike trains from the file (one sample), or null when it gives none
 * @param groupNames per population: the SANA-FE group it comes from
 * @param warnings  what the file gives that csdsim does not model, each said once
 */
public record SanafeNetwork(IntNetwork network, int[][] coreOfUnit, SpikeTrainSet trains, List<String> groupNames, List<String> warnings)
{
}
