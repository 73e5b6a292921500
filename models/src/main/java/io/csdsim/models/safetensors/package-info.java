/**
 * Our own reader and writer of the safetensors format: an 8-byte little-endian header length, a JSON
 * header of dtype, shape and data offsets, then raw little-endian tensor data, every offset checked.
 */
package io.csdsim.models.safetensors;
