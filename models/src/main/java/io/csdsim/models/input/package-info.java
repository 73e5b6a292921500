/**
 * Input images: IDX files (MNIST format, plain or gzip), NumPy .npy arrays (uint8 or float32 in [0, 1])
 * and PNG/JPEG files, brought to the model's height, width and channels as 8-bit [H, W, C] pixels.
 */
package io.csdsim.models.input;
