/**
 * SANA-FE's SNN files read as csdsim networks (docs/sanafe.md): groups as populations, edges as
 * synapses acting in the next tick, mappings as the cores each neuron sits on, input units'
 * spike trains as the run's input. Its architecture files are read in {@code io.csdsim.isa.spec.sanafe}.
 */
package io.csdsim.models.sanafe;
