package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/** A problem (问题) was raised for a project, with or without a report; it may be handed to a department at once. */
public record ProblemRaised(String projectCode, String unitCode, String problemId, ProblemType type,
                            String description, String helpRequested, String assignedDepartment, LocalDate deadline,
                            LocalDate raisedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode;
    }
}
