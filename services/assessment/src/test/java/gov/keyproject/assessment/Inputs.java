package gov.keyproject.assessment;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the registry's project snapshots the way the registry publishes them, for feeding assessment. */
public final class Inputs {

    private Inputs() {
    }

    /** A mutable project as the registry would hold it. */
    public static final class Project {
        public final String code;
        public String unitCode;
        public ConstructionType type = ConstructionType.NEW;
        public BigDecimal planned;
        public int year;
        public LocalDate plannedStart;
        public LocalDate registeredOn;
        public ProjectPhase phase = ProjectPhase.READY;
        public LocalDate startDate;
        public LocalDate completionDate;
        public final List<MilestoneState> milestones = new ArrayList<>();
        public String leader = "王副县长";
        public long sequence;

        public Project(String code, String unitCode, int year, String planned, LocalDate plannedStart,
                       LocalDate registeredOn) {
            this.code = code;
            this.unitCode = unitCode;
            this.year = year;
            this.planned = new BigDecimal(planned);
            this.plannedStart = plannedStart;
            this.registeredOn = registeredOn;
        }

        public Project milestone(MilestoneKind kind, LocalDate planned, LocalDate actual) {
            milestones.removeIf(m -> m.kind() == kind);
            milestones.add(new MilestoneState(kind, planned, actual));
            return this;
        }

        public long next() {
            return ++sequence;
        }

        public ProjectSnapshot snapshot() {
            return new ProjectSnapshot(code, "重点项目" + code, ProjectCategory.INDUSTRIAL, ProjectLevel.COUNTY, type,
                    planned.multiply(BigDecimal.valueOf(2)), Map.of(year, planned), plannedStart,
                    plannedStart == null ? null : plannedStart.plusYears(2), "城关镇", unitCode, leader, "某建设公司",
                    null, phase, registeredOn, startDate, completionDate, List.copyOf(milestones), List.of());
        }
    }
}
