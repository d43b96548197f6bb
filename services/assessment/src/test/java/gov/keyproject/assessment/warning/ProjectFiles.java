package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ProjectFile}s for the domain tests. The default is a quiet project that is GREEN on 2026-07-10
 * (p(D) = 2026-06, m = 6): a new project, planned 1200 万元 for 2026, registered 2026-01-01, planned and started
 * 2026-03-01, under construction, reports of 100 for each of January..June (C = 600 = t·P, lag 0), all entered,
 * no milestones, no problems.
 */
public final class ProjectFiles {

    public static final String CODE = "2026-370103-48-01-000001";
    public static final String UNIT = "TS-001";
    public static final String LEADER = "王副县长";

    private ProjectFiles() {
    }

    public static Builder project() {
        return new Builder();
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static final class Builder {
        private String code = CODE;
        private String unitCode = UNIT;
        private ProjectPhase phase = ProjectPhase.UNDER_CONSTRUCTION;
        private ConstructionType type = ConstructionType.NEW;
        private final Map<Integer, BigDecimal> planned = new HashMap<>(Map.of(2026, new BigDecimal("1200")));
        private LocalDate registeredOn = day("2026-01-01");
        private LocalDate plannedStart = day("2026-03-01");
        private LocalDate startDate = day("2026-03-01");
        private LocalDate completionDate;
        private final List<MilestoneState> milestones = new ArrayList<>();
        private List<PhaseMove> history;
        private final Map<YearMonth, MonthlyReport> reports = new HashMap<>();
        private final Map<YearMonth, BigDecimal> entered = new HashMap<>();
        private final List<ProblemState> problems = new ArrayList<>();

        private Builder() {
            for (int m = 1; m <= 6; m++) {
                reports.put(YearMonth.of(2026, m), new MonthlyReport(new BigDecimal("100"), true));
                entered.put(YearMonth.of(2026, m), new BigDecimal("100"));
            }
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder unit(String unitCode) {
            this.unitCode = unitCode;
            return this;
        }

        /** The current phase; unless {@link #move} is used the history is this phase since registration. */
        public Builder phase(ProjectPhase phase) {
            this.phase = phase;
            return this;
        }

        public Builder type(ConstructionType type) {
            this.type = type;
            return this;
        }

        public Builder planned(int year, String amount) {
            planned.put(year, new BigDecimal(amount));
            return this;
        }

        public Builder noPlan(int year) {
            planned.remove(year);
            return this;
        }

        public Builder registeredOn(LocalDate day) {
            this.registeredOn = day;
            return this;
        }

        public Builder plannedStart(LocalDate day) {
            this.plannedStart = day;
            return this;
        }

        public Builder startDate(LocalDate day) {
            this.startDate = day;
            return this;
        }

        /** Not started: no start date, phase READY (unless set otherwise afterwards). */
        public Builder notStarted() {
            this.startDate = null;
            this.phase = ProjectPhase.READY;
            return this;
        }

        public Builder completionDate(LocalDate day) {
            this.completionDate = day;
            return this;
        }

        public Builder milestone(MilestoneKind kind, LocalDate planned, LocalDate actual) {
            milestones.add(new MilestoneState(kind, planned, actual));
            return this;
        }

        /** Adds a phase move to an explicit history (the first one should be the registration). */
        public Builder move(LocalDate on, ProjectPhase to) {
            if (history == null) {
                history = new ArrayList<>();
            }
            history.add(new PhaseMove(on, to));
            return this;
        }

        public Builder report(YearMonth period, String amount) {
            return report(period, amount, new BigDecimal(amount).signum() > 0);
        }

        public Builder report(YearMonth period, String amount, boolean workUnderWay) {
            reports.put(period, new MonthlyReport(new BigDecimal(amount), workUnderWay));
            return this;
        }

        public Builder noReport(YearMonth period) {
            reports.remove(period);
            return this;
        }

        public Builder noReports() {
            reports.clear();
            return this;
        }

        public Builder entered(YearMonth period, String amount) {
            entered.put(period, new BigDecimal(amount));
            return this;
        }

        public Builder noEntries() {
            entered.clear();
            return this;
        }

        public Builder problem(LocalDate deadline, boolean resolved) {
            problems.add(new ProblemState("Q" + (problems.size() + 1), "用地指标未落实", deadline, resolved));
            return this;
        }

        public ProjectFile build() {
            List<PhaseMove> moves = history != null ? history
                    : registeredOn == null ? List.of() : List.of(new PhaseMove(registeredOn, phase));
            return new ProjectFile(code, "重点项目" + code, unitCode, LEADER, phase, type, planned, registeredOn,
                    plannedStart, startDate, completionDate, milestones, moves, reports, entered, problems);
        }
    }
}
