/**
 * CSDformer: its configurations (the six published ones and custom sizes), the builder of its graph as
 * DESIGN §3.5 draws it, seeded synthetic weights, threshold calibration to a firing-rate band, and
 * the per-layer summary behind {@code csdsim model info}.
 */
package io.csdsim.models.csdformer;
