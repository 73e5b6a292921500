/**
 * The network-on-chip models the timing phase sends packets through (docs/timing-model.md): an
 * abstract {@code OnChipNetwork} that counts hops, chip crossings and waits per packet, and one class per
 * model — {@code MeshNetwork} (dimension-order routing with link contention, the default) and
 * {@code LatencyOnlyNetwork} (hops × hop latency, no contention) — chosen by the spec's
 * {@code timing.network}.
 */
package io.csdsim.simulator.network;
