package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

/** A project was registered in the 项目库. */
public record ProjectRegistered(ProjectSnapshot project) implements DomainEvent {
    @Override
    public String aggregateId() {
        return project.projectCode();
    }
}
