package gov.keyproject.contracts.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole current state of a registry project that other services need, carried by every project event so a
 * consumer's read model is simply the latest snapshot (no history needed). Amounts in 万元.
 */
public record ProjectSnapshot(
        String projectCode,
        String name,
        ProjectCategory category,
        ProjectLevel level,
        ConstructionType constructionType,
        BigDecimal totalInvestment,
        Map<Integer, BigDecimal> plannedInvestment,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        String township,
        String unitCode,
        String linkedLeader,
        String owner,
        String dealId,
        ProjectPhase phase,
        LocalDate registeredOn,
        LocalDate startDate,
        LocalDate completionDate,
        List<MilestoneState> milestones,
        List<ApprovalState> approvals) {

    /** A 时间节点 with its planned and (once reached) actual date. */
    public record MilestoneState(MilestoneKind kind, LocalDate plannedDate, LocalDate actualDate) {
    }

    /** A 前期手续 with its status. */
    public record ApprovalState(ApprovalKind kind, ApprovalStatus status) {
    }
}
