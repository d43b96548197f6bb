package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ProjectPhase;

import java.util.Set;

/** A phase move the rules do not allow. Answered with 409, naming the current phase and the allowed ones. */
public class IllegalPhaseMove extends RuntimeException {

    private final ProjectPhase current;
    private final ProjectPhase requested;
    private final Set<ProjectPhase> allowed;

    public IllegalPhaseMove(ProjectPhase current, ProjectPhase requested, Set<ProjectPhase> allowed) {
        super("项目当前阶段为 %s，不能转为 %s；允许的阶段: %s".formatted(Phases.label(current), Phases.label(requested),
                allowed.isEmpty() ? "无 (终态)" : String.join("、", allowed.stream().map(Phases::label).toList())));
        this.current = current;
        this.requested = requested;
        this.allowed = allowed;
    }

    public ProjectPhase current() {
        return current;
    }

    public ProjectPhase requested() {
        return requested;
    }

    public Set<ProjectPhase> allowed() {
        return allowed;
    }
}
