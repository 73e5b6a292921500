package io.csdsim.simulator.engine;

/**
 * One tick's figures by name: what the timing phase hands the {@link TickLog}, so that neither side
 * depends on the order of the log's columns.
 */
final class TickRow
{
    long cycles;
    long sops;
    long dynamicOps;
    long neuronUpdates;
    long activeUpdates;
    long spikes;
    long packets;
    long hopsX;
    long hopsY;
    long chipCrossings;
    long waitCycles;
    long peakLinkLoad;
    long saturations;
    long inputSpikes;
    long accumulatorUpdates;
    long gradedSpikes;
}
