package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

/** A project moved from one phase to another on {@code on} (the start date when it starts, the completion date when it completes). */
public record ProjectPhaseChanged(ProjectSnapshot project, ProjectPhase from, ProjectPhase to, java.time.LocalDate on) implements DomainEvent {
    @Override
    public String aggregateId() {
        return project.projectCode();
    }
}
