/**
 * SANA-FE's architecture files read as chip specs (docs/sanafe.md), and the YAML conventions its
 * architecture and SNN files share: names that expand to ranges, attributes as maps or lists of pairs.
 */
package io.csdsim.isa.spec.sanafe;
