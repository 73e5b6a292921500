/**
 * The mapper (DESIGN §1, §5): an {@code IntNetwork} and a {@code ChipSpec} in, a {@code ChipProgram}
 * out. It translates populations and projections into program populations, edges and tables stored
 * once; partitions every population into neuron groups that respect every core limit; places groups
 * on the mesh to cut spike traffic × hops — or keeps cores given by the file ({@code GivenPlacement});
 * emits routes and the schedule; and reports what it used.
 */
package io.csdsim.mapper;
