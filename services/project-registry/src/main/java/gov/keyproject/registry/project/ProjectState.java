package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ApprovalKind;
import gov.keyproject.contracts.project.ApprovalStatus;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProblemType;
import gov.keyproject.contracts.project.ProjectPhase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The stored state of a project: plain data, persisted as one document with its trail and pending events.
 * {@code reports} is keyed by period ("2026-10"); each holds the latest revision of that month's report.
 */
public record ProjectState(
        String code,
        ProjectData data,
        String dealId,
        ProjectPhase phase,
        ProjectPhase suspendedFrom,
        LocalDate registeredOn,
        LocalDate startDate,
        LocalDate completionDate,
        List<Milestone> milestones,
        List<Approval> approvals,
        Map<String, ProgressReport> reports,
        List<Problem> problems) {

    /** 时间节点. */
    public record Milestone(MilestoneKind kind, LocalDate plannedDate, LocalDate actualDate) {
    }

    /** 前期手续. */
    public record Approval(ApprovalKind kind, ApprovalStatus status) {
    }

    /** 月度进度填报 (the latest revision for its period). */
    public record ProgressReport(String period, int revision, BigDecimal investmentCompleted, boolean workUnderWay,
                                 String imageProgress, int imageProgressPercent, String filedBy, boolean byOperator,
                                 LocalDate filedOn, List<String> photoIds) {
    }

    /** 问题, raised with a report or on its own, handed to a department (交办) and resolved (办结). */
    public record Problem(String id, ProblemType type, String description, String helpRequested, String period,
                          String assignedDepartment, LocalDate deadline, LocalDate raisedOn, LocalDate resolvedOn,
                          String resolution) {
        public boolean isOpen() {
            return resolvedOn == null;
        }
    }
}
