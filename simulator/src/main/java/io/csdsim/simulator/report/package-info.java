/**
 * What a simulation measured, for people and for tools: totals, energy by category from the chip
 * spec beside the paper-style estimate, latency and throughput, per-population firing; as a text
 * summary, a versioned JSON report (docs/report-format.md) and a CSV row per tick.
 */
package io.csdsim.simulator.report;
