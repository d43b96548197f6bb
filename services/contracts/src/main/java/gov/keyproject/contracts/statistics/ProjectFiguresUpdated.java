package gov.keyproject.contracts.statistics;

import gov.keyproject.contracts.DomainEvent;

import java.time.YearMonth;

/** A project's figures for a period changed (after a report, a correction, a feed row or a registry change). */
public record ProjectFiguresUpdated(String projectCode, String unitCode, YearMonth period, boolean counted,
                                    FigureValues figures) implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode;
    }
}
