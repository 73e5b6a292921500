/**
 * Runs whose samples or sweep points outgrow one machine: a {@code ClusterJob} (the compiled
 * programs and the samples, shipped once) split into {@code ClusterTask}s that any JVM can run and
 * answer with encoded results, and the {@code ClusterRunner} seam a cluster framework plugs into
 * (found with {@link java.util.ServiceLoader}; Spark's is in the nested module {@code simulator/spark},
 * so that the command line's own jar carries no cluster framework). The results are merged in task
 * order, so a report does not depend on where or in what order the tasks ran.
 */
package io.csdsim.simulator.cluster;
