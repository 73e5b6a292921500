/** Cross-module tests: the command line end to end, and (as they land) chip-level equivalence and golden files. */
package io.csdsim.tests;
