package gov.keyproject.contracts.assessment;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;
import java.util.List;

/** A project's warning colour changed as of {@code asOf}; {@code reasons} are all the rules that fire now. */
public record ColourChanged(String projectCode, String unitCode, WarningColour from, WarningColour to,
                            List<WarningReason> reasons, LocalDate asOf) implements DomainEvent {
    public ColourChanged {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String aggregateId() {
        return projectCode;
    }
}
