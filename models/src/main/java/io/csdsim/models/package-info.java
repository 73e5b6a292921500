/**
 * The model side of csdsim: model files, the CSDformer graph and zoo, the integer network, the two
 * reference executors and the input readers. Nothing here knows of a chip.
 */
package io.csdsim.models;
