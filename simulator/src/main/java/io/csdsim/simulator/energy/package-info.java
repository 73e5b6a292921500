/**
 * Energy (DESIGN §6): the categories it is reported in, the counted events it is computed from, and
 * the models that price them — an abstract {@code EnergyModel} and one class per model
 * ({@code PerEventEnergy}), chosen by the spec's {@code energy.model}. The engine prices every
 * tick; the report prices every core, population and run from the same integer counts.
 */
package io.csdsim.simulator.energy;
