/**
 * The Spark runner of {@code simulator.cluster}: a {@code ClusterJob} broadcast once, its tasks one
 * partition each, their answers collected in task order, and the executors' run time per task taken
 * from Spark's own task metrics (docs/cluster.md).
 */
package io.csdsim.spark;
