/**
 * JMH benchmarks: the synaptic kernel against the machine's primitive accumulate loop, the whole
 * engine on the 4-384 CIFAR zoo model (network-on-chip modelled) and on a small recurrent net of the
 * SANA-FE side-by-side's shape (ticks per second), the mapper on 8-512 ImageNet, and model loading. Built into bench/target/benchmarks.jar; run with bench/run (README, "Benchmarks").
 */
package io.csdsim.bench;
