/**
 * The chip: its specification ({@code spec}) and the program the mapper emits and the simulator
 * runs ({@code program}). Nothing here knows of transformers or of the model files.
 */
package io.csdsim.isa;
