/**
 * csdsim's library, under the command line: the choices made once for every way in (the defaults a
 * preset chip gets, {@link io.csdsim.library.ChipDefaults}) and, in {@code library.study}, design
 * studies — a grid of settings, each point compiled once and simulated, its figures, the Pareto front
 * and the tables they are written as. The command line parses options and prints; what it computes
 * is here (docs/api.md).
 */
package io.csdsim.library;
