/**
 * The chip specification of DESIGN §5 (docs/chip-spec.md): every figure a named {@code ChipField}
 * with its unit and its source, the presets built from shared/chip-figures.md, and the JSON form
 * with overrides by file or by {@code --set key=value}.
 */
package io.csdsim.isa.spec;
