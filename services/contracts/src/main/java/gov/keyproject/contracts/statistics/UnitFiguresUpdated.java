package gov.keyproject.contracts.statistics;

import gov.keyproject.contracts.DomainEvent;

import java.time.YearMonth;

/** A unit's figures for a period changed; {@code causedBy} names the project whose change moved them. */
public record UnitFiguresUpdated(String unitCode, YearMonth period, String causedBy, FigureValues figures)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return unitCode;
    }
}
