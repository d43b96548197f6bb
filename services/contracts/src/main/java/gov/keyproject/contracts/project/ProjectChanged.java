package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

/** A project's descriptive data, milestones or approvals changed; {@code changes} names what. */
public record ProjectChanged(ProjectSnapshot project, java.util.List<String> changes) implements DomainEvent {
    @Override
    public String aggregateId() {
        return project.projectCode();
    }
}
