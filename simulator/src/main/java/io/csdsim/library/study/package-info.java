/**
 * Design studies: the points of a grid ({@link io.csdsim.library.study.StudyGrid}), each compiled once
 * per distinct chip configuration ({@link io.csdsim.library.study.CompileCache}) and simulated, the
 * figures of each ({@link io.csdsim.library.study.StudyFigures}), the Pareto front of energy, latency
 * and accuracy ({@link io.csdsim.library.study.ParetoFront}), and the CSV and JSON tables of the rows
 * ({@link io.csdsim.library.study.StudyTables}).
 */
package io.csdsim.library.study;
