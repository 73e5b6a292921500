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

    /** @return the figure of a log column: the one place a column is matched with its field. */
    long get(final TickLog.Column c)
    {
        return switch (c)
        {
            case CYCLES -> cycles;
            case SOPS -> sops;
            case DYNAMIC_OPS -> dynamicOps;
            case NEURON_UPDATES -> neuronUpdates;
            case ACTIVE_UPDATES -> activeUpdates;
            case SPIKES -> spikes;
            case PACKETS -> packets;
            case HOPS_X -> hopsX;
            case HOPS_Y -> hopsY;
            case CHIP_CROSSINGS -> chipCrossings;
            case WAIT_CYCLES -> waitCycles;
            case PEAK_LINK_LOAD -> peakLinkLoad;
            case SATURATIONS -> saturations;
            case INPUT_SPIKES -> inputSpikes;
            case ACCUMULATOR_UPDATES -> accumulatorUpdates;
            case GRADED_SPIKES -> gradedSpikes;
        };
    }
}
