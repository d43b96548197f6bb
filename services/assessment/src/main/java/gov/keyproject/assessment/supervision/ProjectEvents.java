package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.warning.MonthlyReport;
import gov.keyproject.assessment.warning.PhaseMove;
import gov.keyproject.assessment.warning.ProblemState;
import gov.keyproject.assessment.warning.ProjectFile;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProblemAssigned;
import gov.keyproject.contracts.project.ProblemRaised;
import gov.keyproject.contracts.project.ProblemResolved;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How each registry event changes what assessment knows of a project. */
final class ProjectEvents {

    private ProjectEvents() {
    }

    /** The project an event is about, or null for events assessment does not use (photos). */
    static String codeOf(DomainEvent data) {
        if (data instanceof ProjectRegistered r) {
            return r.project().projectCode();
        } else if (data instanceof ProjectChanged c) {
            return c.project().projectCode();
        } else if (data instanceof ProjectPhaseChanged m) {
            return m.project().projectCode();
        } else if (data instanceof ProgressReported p) {
            return p.projectCode();
        } else if (data instanceof ProblemRaised p) {
            return p.projectCode();
        } else if (data instanceof ProblemAssigned p) {
            return p.projectCode();
        } else if (data instanceof ProblemResolved p) {
            return p.projectCode();
        }
        return null;
    }

    /** A short zh-CN description of the event, for explanations. */
    static String what(DomainEvent data) {
        if (data instanceof ProjectRegistered) {
            return "入库";
        } else if (data instanceof ProjectChanged) {
            return "信息变更";
        } else if (data instanceof ProjectPhaseChanged m) {
            return "阶段变更为 " + m.to().name();
        } else if (data instanceof ProgressReported p) {
            return (p.revision() == 1 ? "填报 " : "更正 ") + p.period() + " 进度";
        } else if (data instanceof ProblemRaised) {
            return "提出问题";
        } else if (data instanceof ProblemAssigned) {
            return "问题交办";
        } else if (data instanceof ProblemResolved) {
            return "问题办结";
        }
        return null;
    }

    static ProjectFile placeholder(String code) {
        return new ProjectFile(code, null, null, null, ProjectPhase.RESERVE, ConstructionType.NEW, Map.of(), null,
                null, null, null, List.of(), List.of(), Map.of(), Map.of(), List.of());
    }

    static ProjectFile apply(ProjectFile f, DomainEvent data) {
        if (data instanceof ProjectRegistered r) {
            return snapshot(f, r.project(), List.of(new PhaseMove(r.project().registeredOn(), r.project().phase())));
        } else if (data instanceof ProjectChanged c) {
            return snapshot(f, c.project(), f.phaseHistory().isEmpty()
                    ? List.of(new PhaseMove(c.project().registeredOn(), c.project().phase())) : f.phaseHistory());
        } else if (data instanceof ProjectPhaseChanged m) {
            List<PhaseMove> history = new ArrayList<>(f.phaseHistory());
            history.add(new PhaseMove(m.on(), m.to()));
            return snapshot(f, m.project(), history);
        } else if (data instanceof ProgressReported p) {
            Map<YearMonth, MonthlyReport> reports = new HashMap<>(f.reports());
            reports.put(p.period(), new MonthlyReport(p.investmentCompleted(), p.workUnderWay()));
            return new ProjectFile(f.code(), f.name(), f.unitCode(), f.linkedLeader(), f.phase(),
                    f.constructionType(), f.plannedInvestment(), f.registeredOn(), f.plannedStart(),
                    f.startDate(), f.completionDate(), f.milestones(), f.phaseHistory(), reports, f.entered(),
                    f.problems());
        } else if (data instanceof ProblemRaised p) {
            return problems(f, p.problemId(), new ProblemState(p.problemId(), p.description(), p.deadline(), false));
        } else if (data instanceof ProblemAssigned p) {
            return problems(f, p.problemId(), new ProblemState(p.problemId(), description(f, p.problemId()),
                    p.deadline(), false));
        } else if (data instanceof ProblemResolved p) {
            return problems(f, p.problemId(), new ProblemState(p.problemId(), description(f, p.problemId()),
                    deadline(f, p.problemId()), true));
        }
        return f;
    }

    static ProjectFile entered(ProjectFile f, YearMonth period, BigDecimal amount) {
        Map<YearMonth, BigDecimal> entered = new HashMap<>(f.entered());
        entered.put(period, amount);
        return new ProjectFile(f.code(), f.name(), f.unitCode(), f.linkedLeader(), f.phase(), f.constructionType(),
                f.plannedInvestment(), f.registeredOn(), f.plannedStart(), f.startDate(), f.completionDate(),
                f.milestones(), f.phaseHistory(), f.reports(), entered, f.problems());
    }

    private static ProjectFile snapshot(ProjectFile f, ProjectSnapshot s, List<PhaseMove> history) {
        return new ProjectFile(s.projectCode(), s.name(), s.unitCode(), s.linkedLeader(), s.phase(),
                s.constructionType(), s.plannedInvestment(), s.registeredOn(), s.plannedStart(), s.startDate(),
                s.completionDate(), s.milestones(), history, f.reports(), f.entered(), f.problems());
    }

    private static ProjectFile problems(ProjectFile f, String id, ProblemState state) {
        List<ProblemState> problems = new ArrayList<>(f.problems().stream().filter(p -> !p.problemId().equals(id))
                .toList());
        problems.add(state);
        return new ProjectFile(f.code(), f.name(), f.unitCode(), f.linkedLeader(), f.phase(), f.constructionType(),
                f.plannedInvestment(), f.registeredOn(), f.plannedStart(), f.startDate(), f.completionDate(),
                f.milestones(), f.phaseHistory(), f.reports(), f.entered(), problems);
    }

    private static String description(ProjectFile f, String id) {
        return f.problems().stream().filter(p -> p.problemId().equals(id)).map(ProblemState::description)
                .findFirst().orElse(id);
    }

    private static java.time.LocalDate deadline(ProjectFile f, String id) {
        return f.problems().stream().filter(p -> p.problemId().equals(id)).map(ProblemState::deadline)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
