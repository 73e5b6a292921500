package io.csdsim.simulator.cluster;

import java.io.Serializable;

/**
 * One unit of a cluster run: some samples on one of the job's programs (a sample of a simulation,
 * or every sample of a sweep point).
 *
 * @param program the index of the program in the job
 * @param samples the samples, as indices into the job's inputs, in the order their results come back
 */
public record ClusterTask(int program, int[] samples) implements Serializable
{
}
