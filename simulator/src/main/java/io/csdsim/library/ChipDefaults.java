package io.csdsim.library;

import io.csdsim.isa.spec.ChipField;
import io.csdsim.isa.spec.ChipSpec;

/**
 * The defaults csdsim adds to a chip, decided here once for {@code compile}, {@code simulate} and a
 * study alike: a preset without TDEC units (real Loihi and TrueNorth have none) gets
 * {@value #TDEC_UNITS} per core unless the user set {@code core.tdecUnits}, so that CSDformer's
 * max-pools and attention products have a place to run.
 */
public final class ChipDefaults
{
    /** TDEC units per core a preset gets when it has none. */
    public static final int TDEC_UNITS = 8192;
    /** Where the spec says the TDEC units came from. */
    public static final String TDEC_SOURCE = "csdsim default: " + TDEC_UNITS + " TDEC units per core (real Loihi and TrueNorth have none)";

    private ChipDefaults()
    {
    }

    /**
     * @param spec the chip as the user gave it (preset or file, then its overrides)
     * @param preset whether it is a preset (a file says what it has; csdsim adds nothing to it)
     * @param tdecGiven whether the user set {@code core.tdecUnits}
     * @return the chip with csdsim's defaults: the spec itself when none applies
     */
    public static ChipSpec apply(final ChipSpec spec, final boolean preset, final boolean tdecGiven)
    {
        return addsTdecUnits(spec, preset, tdecGiven) ? spec.with(ChipField.CORE_TDEC_UNITS, TDEC_UNITS, TDEC_SOURCE) : spec;
    }

    /** @return whether {@link #apply} adds TDEC units to this chip (a note the command line prints). */
    public static boolean addsTdecUnits(final ChipSpec spec, final boolean preset, final boolean tdecGiven)
    {
        return preset && !tdecGiven && spec.tdecUnits() == 0;
    }
}
