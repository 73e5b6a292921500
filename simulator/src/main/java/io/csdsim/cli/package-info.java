/**
 * The {@code csdsim} command line: picocli commands, the text tables and JSON they print, progress
 * bars, and the one rule for errors (one line, exit code 2, a stack trace only with --verbose).
 */
package io.csdsim.cli;
