package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ProjectPhase;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A project as the API shows it. */
public record ProjectView(String code, ProjectData data, String dealId, ProjectPhase phase, String phaseLabel,
                          ProjectPhase suspendedFrom, LocalDate registeredOn, LocalDate startDate,
                          LocalDate completionDate, List<ProjectState.Milestone> milestones,
                          List<ProjectState.Approval> approvals, Map<String, ProjectState.ProgressReport> reports,
                          List<ProjectState.Problem> problems) {

    static ProjectView of(Project p) {
        ProjectState s = p.state();
        return new ProjectView(s.code(), s.data(), s.dealId(), s.phase(), Phases.label(s.phase()), s.suspendedFrom(),
                s.registeredOn(), s.startDate(), s.completionDate(), s.milestones(), s.approvals(), s.reports(),
                s.problems());
    }
}
