/**
 * Coverage-guided fuzz targets (Jazzer) for every parser of user input, and their saved corpus and
 * crashes, which every test run replays as regression tests.
 */
package io.csdsim.tests.fuzz;
