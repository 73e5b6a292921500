/**
 * Core timing (docs/timing-model.md): the cycles a core spends per phase of a tick, behind an
 * abstract {@code CoreTiming} with one class per model ({@code SerialCoreTiming}), chosen by the
 * spec's {@code timing.core}.
 */
package io.csdsim.simulator.timing;
