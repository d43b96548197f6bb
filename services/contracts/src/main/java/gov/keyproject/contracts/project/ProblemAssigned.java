package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/** 问题交办: a problem was handed to a department with a handling deadline. */
public record ProblemAssigned(String projectCode, String unitCode, String problemId, String assignedDepartment,
                              LocalDate deadline) implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode;
    }
}
