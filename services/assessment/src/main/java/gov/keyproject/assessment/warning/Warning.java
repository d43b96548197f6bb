package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;

import java.util.List;

/**
 * A project's warning (预警) as of a day: its colour and every reason that fires. {@code coloured} is false for a
 * project the rules do not colour (not counted, or not in PREPARATION, READY or UNDER_CONSTRUCTION); it is then
 * GREEN with no reasons.
 */
public record Warning(WarningColour colour, List<WarningReason> reasons, boolean coloured) {

    public static final Warning NOT_COLOURED = new Warning(WarningColour.GREEN, List.of(), false);

    public Warning {
        reasons = List.copyOf(reasons);
    }

    static Warning of(List<WarningReason> reasons) {
        WarningColour colour = WarningColour.GREEN;
        for (WarningReason r : reasons) {
            if (r.level().compareTo(colour) > 0) {
                colour = r.level();
            }
        }
        return new Warning(colour, reasons, true);
    }
}
