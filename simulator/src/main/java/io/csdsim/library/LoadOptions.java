package io.csdsim.library;

/**
 * How a network is read: the integer widths a model file or NIR graph is quantized to, a model's DIF
 * delay, the ticks a NIR graph or SANA-FE network runs and a NIR graph's time step. A null field was
 * not given: the format's default applies, and a format that fixes it itself (a network file's
 * widths, a SANA-FE network's delays) refuses it only when it is given.
 */
public record LoadOptions(Integer weightBits, Integer membraneBits, Integer delay, Integer timesteps, Double dt)
{
    /** Nothing given: every format's defaults. */
    public static final LoadOptions DEFAULT = new LoadOptions(null, null, null, null, null);
    /** A model file's weight bits when none are given. */
    public static final int WEIGHT_BITS = 8;
    /** A model file's membrane bits when none are given. */
    public static final int MEMBRANE_BITS = 24;
    /** A NIR graph's time step when none is given, in seconds. */
    public static final double DT = 1e-3;
    /** Ticks a NIR graph runs when none are given. */
    public static final int NIR_TICKS = 100;
}
