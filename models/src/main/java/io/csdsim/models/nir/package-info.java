/**
 * NIR graphs (the Neuromorphic Intermediate Representation's HDF5 files) read, checked and turned
 * into csdsim's integer network by one documented discretisation (docs/nir.md), and run in doubles
 * by a float reference against which the quantisation's error is measured.
 */
package io.csdsim.models.nir;
