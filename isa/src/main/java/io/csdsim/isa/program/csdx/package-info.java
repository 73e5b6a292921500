/**
 * The binary chip program, {@code .csdx}: its framing ({@link io.csdsim.isa.program.csdx.CsdxFile})
 * and one reader/writer per section (HEAD, SPEC, TABL, POPS, NEUR, EDGE, POOL, PROD, GRPS, ROUT).
 */
package io.csdsim.isa.program.csdx;
