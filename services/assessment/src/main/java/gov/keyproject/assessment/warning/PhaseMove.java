package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.project.ProjectPhase;

import java.time.LocalDate;

/** The project entered {@code phase} on {@code on} (its registration counts as the first move). */
public record PhaseMove(LocalDate on, ProjectPhase phase) {
}
