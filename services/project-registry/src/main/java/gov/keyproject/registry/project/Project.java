package gov.keyproject.registry.project;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.project.ApprovalKind;
import gov.keyproject.contracts.project.ApprovalStatus;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProblemAssigned;
import gov.keyproject.contracts.project.ProblemRaised;
import gov.keyproject.contracts.project.ProblemResolved;
import gov.keyproject.contracts.project.ProblemType;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.registry.project.ProjectState.Approval;
import gov.keyproject.registry.project.ProjectState.Milestone;
import gov.keyproject.registry.project.ProjectState.Problem;
import gov.keyproject.registry.project.ProjectState.ProgressReport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A key project (重点项目) in the registry: immutable; every command returns a {@link Change} with the new project,
 * the events it causes and what to write in the trail. Spring-free domain code.
 */
public final class Project {

    /** National filing codes (2026-370103-48-01-000123) and local ones: upper-case letters, digits and dashes. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,39}");

    private final ProjectState state;

    public Project(ProjectState state) {
        this.state = state;
    }

    /** What a command did: the project after it, its events, and the trail entry (action, field → [from, to]). */
    public record Change(Project after, List<DomainEvent> events, String action, Map<String, Object[]> diff) {
        public boolean isEmpty() {
            return events.isEmpty();
        }
    }

    /** Input of one monthly report. */
    public record ReportInput(YearMonth period, BigDecimal investmentCompleted, Boolean workUnderWay,
                              String imageProgress, Integer imageProgressPercent, List<ProblemInput> problems) {
    }

    /** A problem raised with a report or on its own; department and deadline are optional (交办 may come later). */
    public record ProblemInput(ProblemType type, String description, String helpRequested, String assignedDepartment,
                               LocalDate deadline) {
    }

    /** Who files and when; operators may file after the deadline. */
    public record Filing(String actor, boolean operator, LocalDate today) {
    }

    public static Change register(String code, ProjectData data, ProjectPhase initialPhase, LocalDate startDate,
                                  String dealId, LocalDate today) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ProjectRuleViolation("code", "项目代码须为 4–40 位大写字母、数字或连字符");
        }
        ProjectData valid = data.validated();
        ProjectPhase phase = initialPhase == null ? ProjectPhase.RESERVE : initialPhase;
        if (!Phases.initialPhases().contains(phase)) {
            throw new ProjectRuleViolation("phase", "登记时的阶段不能是 " + Phases.label(phase));
        }
        boolean started = phase == ProjectPhase.UNDER_CONSTRUCTION || phase == ProjectPhase.COMPLETED
                || phase == ProjectPhase.IN_PRODUCTION;
        if (started && startDate == null) {
            throw new ProjectRuleViolation("startDate", "在建及以后阶段的项目须填写实际开工日期");
        }
        if (!started && startDate != null) {
            throw new ProjectRuleViolation("startDate", "未开工的项目不能填写实际开工日期");
        }
        if (startDate != null && (startDate.isAfter(today) || startDate.getYear() < 2000)) {
            throw new ProjectRuleViolation("startDate", "实际开工日期须在 2000 年之后且不晚于今天");
        }
        List<Milestone> milestones = new ArrayList<>();
        if (valid.plannedStart() != null || startDate != null) {
            milestones.add(new Milestone(MilestoneKind.START, valid.plannedStart(), startDate));
        }
        List<Approval> approvals = new ArrayList<>();
        for (ApprovalKind kind : ApprovalKind.values()) {
            approvals.add(new Approval(kind, ApprovalStatus.NOT_STARTED));
        }
        Project p = new Project(new ProjectState(code, valid, dealId, phase, null, today, startDate, null, milestones,
                approvals, new TreeMap<>(), List.of()));
        return new Change(p, List.of(new ProjectRegistered(p.snapshot())), "登记项目", Map.of());
    }

    public ProjectState state() {
        return state;
    }

    public String code() {
        return state.code();
    }

    public String unitCode() {
        return state.data().unitCode();
    }

    public ProjectPhase phase() {
        return state.phase();
    }

    /** Changes the descriptive data (台账信息). The unit may change only through an operator; the rules are re-checked. */
    public Change update(ProjectData data) {
        ProjectData valid = data.validated();
        Map<String, Object[]> diff = diff(state.data(), valid);
        if (diff.isEmpty()) {
            return new Change(this, List.of(), "修改项目信息", diff);
        }
        List<Milestone> milestones = new ArrayList<>(state.milestones());
        if (!Objects.equals(state.data().plannedStart(), valid.plannedStart())) {
            upsertMilestone(milestones, MilestoneKind.START, valid.plannedStart(), startMilestoneActual());
        }
        Project p = with(new ProjectState(state.code(), valid, state.dealId(), state.phase(), state.suspendedFrom(),
                state.registeredOn(), state.startDate(), state.completionDate(), milestones, state.approvals(),
                state.reports(), state.problems()));
        return new Change(p, List.of(new ProjectChanged(p.snapshot(), List.copyOf(diff.keySet()))), "修改项目信息",
                diff);
    }

    /** Moves the project to {@code target} on {@code on}; refuses any move the phase rules do not allow. */
    public Change moveTo(ProjectPhase target, LocalDate on, LocalDate today) {
        if (target == null) {
            throw new ProjectRuleViolation("phase", "不能为空");
        }
        if (on == null) {
            on = today;
        }
        if (on.isAfter(today)) {
            throw new ProjectRuleViolation("on", "日期不能晚于今天");
        }
        if (on.getYear() < 2000) {
            throw new ProjectRuleViolation("on", "日期须在 2000 年之后");
        }
        var allowed = Phases.allowedFrom(state.phase(), state.suspendedFrom());
        if (!allowed.contains(target)) {
            throw new IllegalPhaseMove(state.phase(), target, allowed);
        }
        LocalDate startDate = state.startDate();
        LocalDate completionDate = state.completionDate();
        List<Milestone> milestones = new ArrayList<>(state.milestones());
        if (target == ProjectPhase.UNDER_CONSTRUCTION && startDate == null) {
            startDate = on; // the move records the start date, i.e. the 开工 milestone's actual date
            upsertMilestone(milestones, MilestoneKind.START, state.data().plannedStart(), on);
        }
        if (target == ProjectPhase.IN_PRODUCTION && completionDate != null && on.isBefore(completionDate)) {
            throw new ProjectRuleViolation("on", "投产日期不能早于竣工日期 " + completionDate);
        }
        if (target == ProjectPhase.COMPLETED) {
            if (startDate != null && on.isBefore(startDate)) {
                throw new ProjectRuleViolation("on", "竣工日期不能早于开工日期 " + startDate);
            }
            completionDate = on;
        }
        ProjectPhase suspendedFrom = target == ProjectPhase.SUSPENDED ? state.phase() : null;
        Project p = with(new ProjectState(state.code(), state.data(), state.dealId(), target, suspendedFrom,
                state.registeredOn(), startDate, completionDate, milestones, state.approvals(), state.reports(),
                state.problems()));
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("phase", new Object[]{state.phase(), target});
        return new Change(p, List.of(new ProjectPhaseChanged(p.snapshot(), state.phase(), target, on)),
                "阶段变更: " + Phases.label(state.phase()) + " → " + Phases.label(target), diff);
    }

    /** Sets a milestone's planned and/or actual date (开工's actual date comes only from the phase move). */
    public Change setMilestone(MilestoneKind kind, LocalDate planned, LocalDate actual, LocalDate today) {
        if (kind == null) {
            throw new ProjectRuleViolation("kind", "不能为空");
        }
        if (kind == MilestoneKind.START && !Objects.equals(actual, startMilestoneActual())) {
            throw new ProjectRuleViolation("actualDate", "开工节点的实际日期由阶段变更为在建时记录");
        }
        if (actual != null && actual.isAfter(today)) {
            throw new ProjectRuleViolation("actualDate", "实际完成日期不能晚于今天");
        }
        if (planned != null && (planned.getYear() < 2000 || planned.getYear() > 2100)) {
            throw new ProjectRuleViolation("plannedDate", "日期须在 2000–2100 年之间");
        }
        List<Milestone> milestones = new ArrayList<>(state.milestones());
        Milestone before = milestones.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
        if (before != null && Objects.equals(before.plannedDate(), planned)
                && Objects.equals(before.actualDate(), actual)) {
            return new Change(this, List.of(), "更新时间节点", Map.of());
        }
        upsertMilestone(milestones, kind, planned, actual);
        ProjectData data = state.data();
        if (kind == MilestoneKind.START && !Objects.equals(planned, data.plannedStart())) {
            data = new ProjectData(data.name(), data.category(), data.level(), data.constructionType(),
                    data.totalInvestment(), data.plannedInvestment(), planned, data.plannedCompletion(),
                    data.township(), data.latitude(), data.longitude(), data.unitCode(), data.linkedLeader(),
                    data.owner());
            if (planned != null && data.plannedCompletion() != null && planned.isAfter(data.plannedCompletion())) {
                throw new ProjectRuleViolation("plannedDate", "计划开工日期不能晚于计划竣工日期 " + data.plannedCompletion());
            }
        }
        Project p = with(new ProjectState(state.code(), data, state.dealId(), state.phase(), state.suspendedFrom(),
                state.registeredOn(), state.startDate(), state.completionDate(), milestones, state.approvals(),
                state.reports(), state.problems()));
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("milestones." + kind, new Object[]{before == null ? null : before.plannedDate() + "/"
                + before.actualDate(), planned + "/" + actual});
        return new Change(p, List.of(new ProjectChanged(p.snapshot(), List.of("milestones." + kind))),
                "更新时间节点", diff);
    }

    public Change setApproval(ApprovalKind kind, ApprovalStatus status) {
        if (kind == null || status == null) {
            throw new ProjectRuleViolation(kind == null ? "kind" : "status", "不能为空");
        }
        List<Approval> approvals = new ArrayList<>(state.approvals());
        Approval before = approvals.stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
        if (before.status() == status) {
            return new Change(this, List.of(), "更新前期手续", Map.of());
        }
        approvals.replaceAll(a -> a.kind() == kind ? new Approval(kind, status) : a);
        Project p = with(new ProjectState(state.code(), state.data(), state.dealId(), state.phase(),
                state.suspendedFrom(), state.registeredOn(), state.startDate(), state.completionDate(),
                state.milestones(), approvals, state.reports(), state.problems()));
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("approvals." + kind, new Object[]{before.status(), status});
        return new Change(p, List.of(new ProjectChanged(p.snapshot(), List.of("approvals." + kind))),
                "更新前期手续", diff);
    }

    /**
     * Files (revision 1) or corrects (revision n+1) the report for a period. The event carries the previous amount
     * and the difference, so consumers move their figures by the difference.
     */
    public Change fileReport(ReportInput in, Filing filing, ReportingWindow window) {
        if (in.period() == null) {
            throw new ProjectRuleViolation("period", "不能为空");
        }
        window.check(in.period(), filing.today(), filing.operator());
        if (state.phase() == ProjectPhase.RESERVE || state.phase() == ProjectPhase.REVOKED) {
            throw new ProjectRuleViolation("projectCode", "项目处于" + Phases.label(state.phase()) + "阶段，不填报月度进度");
        }
        BigDecimal amount = Texts.amount("investmentCompleted", in.investmentCompleted());
        if (in.workUnderWay() == null) {
            throw new ProjectRuleViolation("workUnderWay", "不能为空");
        }
        int percent = in.imageProgressPercent() == null ? 0 : in.imageProgressPercent();
        if (percent < 0 || percent > 100) {
            throw new ProjectRuleViolation("imageProgressPercent", "形象进度须在 0–100 之间");
        }
        String image = Texts.optional("imageProgress", in.imageProgress(), 500);
        List<ProblemInput> problemInputs = in.problems() == null ? List.of() : in.problems();
        if (problemInputs.size() > 20) {
            throw new ProjectRuleViolation("problems", "一次最多上报 20 个问题");
        }
        String key = in.period().toString();
        ProgressReport before = state.reports().get(key);
        // A resent report repeats its problems: those already raised with this period's report are not raised again.
        problemInputs = problemInputs.stream().filter(pi -> pi == null || state.problems().stream().noneMatch(
                x -> key.equals(x.period()) && x.type() == pi.type()
                        && Objects.equals(x.description(), pi.description() == null ? null : pi.description().strip())))
                .toList();
        if (before != null && problemInputs.isEmpty() && before.investmentCompleted().compareTo(amount) == 0
                && before.workUnderWay() == in.workUnderWay() && Objects.equals(before.imageProgress(), image)
                && before.imageProgressPercent() == percent) {
            return new Change(this, List.of(), "重复填报 " + key, Map.of()); // a repeat changes nothing
        }
        int revision = before == null ? 1 : before.revision() + 1;
        List<String> photos = before == null ? List.of() : before.photoIds();
        ProgressReport report = new ProgressReport(key, revision, amount, in.workUnderWay(), image, percent,
                filing.actor(), filing.operator() && !window.openToUnits(in.period(), filing.today()),
                filing.today(), photos);
        Map<String, ProgressReport> reports = new TreeMap<>(state.reports());
        reports.put(key, report);

        List<Problem> problems = new ArrayList<>(state.problems());
        List<DomainEvent> events = new ArrayList<>();
        BigDecimal previous = before == null ? null : before.investmentCompleted();
        events.add(new ProgressReported(state.code(), unitCode(), in.period(), revision, amount, previous,
                previous == null ? amount : amount.subtract(previous), in.workUnderWay(), image, percent,
                problemInputs.size(), filing.actor(), report.byOperator(), filing.today()));
        for (int i = 0; i < problemInputs.size(); i++) {
            Problem problem = newProblem(problemInputs.get(i), "problems[" + i + "]", key, problems.size() + 1,
                    filing.today());
            problems.add(problem);
            events.add(raised(problem));
        }
        Project p = with(new ProjectState(state.code(), state.data(), state.dealId(), state.phase(),
                state.suspendedFrom(), state.registeredOn(), state.startDate(), state.completionDate(),
                state.milestones(), state.approvals(), reports, problems));
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("reports." + key + ".investmentCompleted", new Object[]{previous, amount});
        return new Change(p, events, revision == 1 ? "填报月度进度 " + key : "更正月度进度 " + key, diff);
    }

    public Change raiseProblem(ProblemInput in, LocalDate today) {
        List<Problem> problems = new ArrayList<>(state.problems());
        Problem problem = newProblem(in, "", null, problems.size() + 1, today);
        problems.add(problem);
        Project p = withProblems(problems);
        return new Change(p, List.of(raised(problem)), "上报问题 " + problem.id(), Map.of());
    }

    /** 问题交办: hands an open problem to a department with a handling deadline. */
    public Change assignProblem(String problemId, String department, LocalDate deadline, LocalDate today) {
        Problem before = openProblem(problemId);
        String dept = Texts.required("assignedDepartment", department, 50);
        if (deadline == null || deadline.isBefore(today)) {
            throw new ProjectRuleViolation("deadline", "办理期限不能为空且不能早于今天");
        }
        Problem after = new Problem(before.id(), before.type(), before.description(), before.helpRequested(),
                before.period(), dept, deadline, before.raisedOn(), null, null);
        Project p = withProblems(replace(before, after));
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("problems." + problemId + ".assignedDepartment", new Object[]{before.assignedDepartment(), dept});
        diff.put("problems." + problemId + ".deadline", new Object[]{before.deadline(), deadline});
        return new Change(p, List.of(new ProblemAssigned(state.code(), unitCode(), problemId, dept, deadline)),
                "交办问题 " + problemId, diff);
    }

    public Change resolveProblem(String problemId, String resolution, LocalDate today) {
        Problem before = openProblem(problemId);
        String text = Texts.required("resolution", resolution, 500);
        Problem after = new Problem(before.id(), before.type(), before.description(), before.helpRequested(),
                before.period(), before.assignedDepartment(), before.deadline(), before.raisedOn(), today, text);
        Project p = withProblems(replace(before, after));
        Map<String, Object[]> diff = new LinkedHashMap<>();
        diff.put("problems." + problemId + ".resolvedOn", new Object[]{null, today});
        return new Change(p, List.of(new ProblemResolved(state.code(), unitCode(), problemId, text, today)),
                "办结问题 " + problemId, diff);
    }

    /** Records a photo as evidence of a period's report (the report must exist). */
    public Project withPhoto(YearMonth period, String photoId) {
        ProgressReport r = state.reports().get(period.toString());
        if (r == null) {
            throw new ProjectRuleViolation("period", period + " 尚未填报月度进度，不能上传现场照片");
        }
        List<String> photos = new ArrayList<>(r.photoIds());
        photos.add(photoId);
        Map<String, ProgressReport> reports = new TreeMap<>(state.reports());
        reports.put(r.period(), new ProgressReport(r.period(), r.revision(), r.investmentCompleted(),
                r.workUnderWay(), r.imageProgress(), r.imageProgressPercent(), r.filedBy(), r.byOperator(),
                r.filedOn(), photos));
        return with(new ProjectState(state.code(), state.data(), state.dealId(), state.phase(), state.suspendedFrom(),
                state.registeredOn(), state.startDate(), state.completionDate(), state.milestones(),
                state.approvals(), reports, state.problems()));
    }

    public ProjectSnapshot snapshot() {
        ProjectData d = state.data();
        Map<Integer, BigDecimal> planned = new TreeMap<>();
        d.plannedInvestment().forEach((year, amount) -> planned.put(Integer.parseInt(year), amount));
        return new ProjectSnapshot(state.code(), d.name(), d.category(), d.level(), d.constructionType(),
                d.totalInvestment(), planned, d.plannedStart(), d.plannedCompletion(), d.township(), d.unitCode(),
                d.linkedLeader(), d.owner(), state.dealId(), state.phase(), state.registeredOn(), state.startDate(),
                state.completionDate(),
                state.milestones().stream().sorted(Comparator.comparing(Milestone::kind))
                        .map(m -> new ProjectSnapshot.MilestoneState(m.kind(), m.plannedDate(), m.actualDate()))
                        .toList(),
                state.approvals().stream().map(a -> new ProjectSnapshot.ApprovalState(a.kind(), a.status()))
                        .toList());
    }

    private LocalDate startMilestoneActual() {
        return state.startDate();
    }

    private Problem newProblem(ProblemInput in, String prefix, String period, int n, LocalDate today) {
        String p = prefix.isEmpty() ? "" : prefix + ".";
        if (in == null || in.type() == null) {
            throw new ProjectRuleViolation(p + "type", "不能为空");
        }
        String description = Texts.required(p + "description", in.description(), 500);
        String help = Texts.optional(p + "helpRequested", in.helpRequested(), 500);
        String dept = Texts.optional(p + "assignedDepartment", in.assignedDepartment(), 50);
        if (in.deadline() != null && in.deadline().isBefore(today)) {
            throw new ProjectRuleViolation(p + "deadline", "办理期限不能早于今天");
        }
        if ((dept == null) != (in.deadline() == null)) {
            throw new ProjectRuleViolation(p + (dept == null ? "assignedDepartment" : "deadline"),
                    "交办部门与办理期限须同时填写");
        }
        return new Problem("PB-" + n, in.type(), description, help, period, dept, in.deadline(), today, null, null);
    }

    private ProblemRaised raised(Problem problem) {
        return new ProblemRaised(state.code(), unitCode(), problem.id(), problem.type(), problem.description(),
                problem.helpRequested(), problem.assignedDepartment(), problem.deadline(), problem.raisedOn());
    }

    private Problem openProblem(String problemId) {
        Problem p = state.problems().stream().filter(x -> x.id().equals(problemId)).findFirst()
                .orElseThrow(() -> new ProjectRuleViolation("problemId", "问题 " + problemId + " 不存在"));
        if (!p.isOpen()) {
            throw new ProjectRuleViolation("problemId", "问题 " + problemId + " 已办结");
        }
        return p;
    }

    private List<Problem> replace(Problem before, Problem after) {
        List<Problem> problems = new ArrayList<>(state.problems());
        problems.replaceAll(x -> x.id().equals(before.id()) ? after : x);
        return problems;
    }

    private Project withProblems(List<Problem> problems) {
        return with(new ProjectState(state.code(), state.data(), state.dealId(), state.phase(), state.suspendedFrom(),
                state.registeredOn(), state.startDate(), state.completionDate(), state.milestones(),
                state.approvals(), state.reports(), problems));
    }

    private static void upsertMilestone(List<Milestone> milestones, MilestoneKind kind, LocalDate planned,
                                        LocalDate actual) {
        milestones.removeIf(m -> m.kind() == kind);
        milestones.add(new Milestone(kind, planned, actual));
        milestones.sort(Comparator.comparing(Milestone::kind));
    }

    private static Project with(ProjectState state) {
        return new Project(state);
    }

    private static Map<String, Object[]> diff(ProjectData a, ProjectData b) {
        Map<String, Object[]> d = new LinkedHashMap<>();
        put(d, "name", a.name(), b.name());
        put(d, "category", a.category(), b.category());
        put(d, "level", a.level(), b.level());
        put(d, "constructionType", a.constructionType(), b.constructionType());
        put(d, "totalInvestment", a.totalInvestment(), b.totalInvestment());
        put(d, "plannedInvestment", a.plannedInvestment(), b.plannedInvestment());
        put(d, "plannedStart", a.plannedStart(), b.plannedStart());
        put(d, "plannedCompletion", a.plannedCompletion(), b.plannedCompletion());
        put(d, "township", a.township(), b.township());
        put(d, "latitude", a.latitude(), b.latitude());
        put(d, "longitude", a.longitude(), b.longitude());
        put(d, "unitCode", a.unitCode(), b.unitCode());
        put(d, "linkedLeader", a.linkedLeader(), b.linkedLeader());
        put(d, "owner", a.owner(), b.owner());
        return d;
    }

    private static void put(Map<String, Object[]> d, String field, Object from, Object to) {
        boolean same = from instanceof BigDecimal x && to instanceof BigDecimal y ? x.compareTo(y) == 0
                : Objects.equals(from, to);
        if (!same) {
            d.put(field, new Object[]{from, to});
        }
    }
}
