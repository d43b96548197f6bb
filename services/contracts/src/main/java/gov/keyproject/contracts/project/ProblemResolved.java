package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/** A problem was resolved (办结). */
public record ProblemResolved(String projectCode, String unitCode, String problemId, String resolution,
                              LocalDate resolvedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode;
    }
}
