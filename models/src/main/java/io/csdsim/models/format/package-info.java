/**
 * The model file: a JSON graph (docs/model-format.md) beside a safetensors file of weights. The reader
 * validates everything and answers a malformed file with one line naming the file and the field.
 */
package io.csdsim.models.format;
