package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The colour rules (红黄绿预警, DOMAIN §5) as a pure function of what is known of a project, its notices' state and
 * today D. Lags are compared exactly (cross-multiplied, never rounded); texts show them rounded to 0.01.
 */
public final class WarningRules {

    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String MILESTONE_OVERDUE = "MILESTONE_OVERDUE";
    public static final String BEHIND_SCHEDULE = "BEHIND_SCHEDULE";
    public static final String REPORT_MISSING = "REPORT_MISSING";
    public static final String SUPERVISION_OVERDUE = "SUPERVISION_OVERDUE";
    public static final String PROBLEM_OVERDUE = "PROBLEM_OVERDUE";
    public static final String ENTRY_LAGGING = "ENTRY_LAGGING";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final WarningThresholds thresholds;
    private final AssessmentCalendar calendar;

    public WarningRules(WarningThresholds thresholds, AssessmentCalendar calendar) {
        this.thresholds = thresholds;
        this.calendar = calendar;
    }

    /** Whether the rules colour this project as of D: counted in p(D)'s year and in an active phase. */
    public boolean coloured(ProjectFile project, LocalDate today) {
        return project.counted(calendar.assessmentPeriod(today)) && ProjectFile.ACTIVE.contains(project.phase());
    }

    /**
     * The warning as of {@code today}. {@code overdueRedNotice}: the project has an OVERDUE red notice;
     * {@code escalatedRedNotice}: it has an open red notice issued by escalation.
     */
    public Warning evaluate(ProjectFile project, boolean overdueRedNotice, boolean escalatedRedNotice,
                            LocalDate today) {
        if (!coloured(project, today)) {
            return Warning.NOT_COLOURED;
        }
        List<WarningReason> reasons = new ArrayList<>();
        notStarted(project, today, reasons);
        milestones(project, today, reasons);
        behind(project, today, reasons);
        reportMissing(project, today, reasons);
        if (overdueRedNotice) {
            reasons.add(new WarningReason(SUPERVISION_OVERDUE, WarningColour.RED, "红色督办单逾期未办结"));
        } else if (escalatedRedNotice) {
            reasons.add(new WarningReason(SUPERVISION_OVERDUE, WarningColour.RED, "黄色督办单逾期，已升级挂牌督办"));
        }
        problems(project, today, reasons);
        entryLagging(project, today, reasons);
        return Warning.of(reasons);
    }

    private WarningColour byDays(long overdueDays) {
        if (overdueDays >= thresholds.redAfterDays()) {
            return WarningColour.RED;
        }
        return overdueDays >= 1 ? WarningColour.YELLOW : null;
    }

    private void notStarted(ProjectFile p, LocalDate today, List<WarningReason> reasons) {
        if (p.constructionType() != ConstructionType.NEW || p.started(today) || p.plannedStart() == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(p.plannedStart(), today);
        WarningColour level = byDays(days);
        if (level != null) {
            reasons.add(new WarningReason(NOT_STARTED, level,
                    "计划开工 " + p.plannedStart() + "，已逾期 " + days + " 天未开工"));
        }
    }

    private void milestones(ProjectFile p, LocalDate today, List<WarningReason> reasons) {
        for (MilestoneState m : p.milestones()) {
            if (m.kind() == MilestoneKind.START || m.actualDate() != null || m.plannedDate() == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(m.plannedDate(), today);
            WarningColour level = byDays(days);
            if (level != null) {
                reasons.add(new WarningReason(MILESTONE_OVERDUE, level, "时间节点“" + MilestoneNames.of(m.kind())
                        + "”计划 " + m.plannedDate() + "，已逾期 " + days + " 天未完成"));
            }
        }
    }

    private void behind(ProjectFile p, LocalDate today, List<WarningReason> reasons) {
        YearMonth period = calendar.assessmentPeriod(today);
        int m = period.getMonthValue();
        if (!p.started(today) || m < thresholds.lagFromMonth()) {
            return;
        }
        BigDecimal c = p.ytdCompleted(period);
        BigDecimal planned = p.planned(period.getYear());
        // d (points) = 100·(12·C − m·P) / (12·P); compared with a threshold T as 100·(12·C − m·P) against T·12·P.
        BigDecimal lhs = HUNDRED.multiply(TWELVE.multiply(c).subtract(BigDecimal.valueOf(m).multiply(planned)));
        BigDecimal twelveP = TWELVE.multiply(planned);
        WarningColour level = null;
        if (lhs.compareTo(thresholds.lagRedBelow().multiply(twelveP)) < 0) {
            level = WarningColour.RED;
        } else if (lhs.compareTo(thresholds.lagYellowAtOrBelow().multiply(twelveP)) <= 0) {
            level = WarningColour.YELLOW;
        }
        if (level != null) {
            BigDecimal lag = lhs.divide(twelveP, 2, RoundingMode.HALF_UP);
            BigDecimal rate = HUNDRED.multiply(c).divide(planned, 2, RoundingMode.HALF_UP);
            BigDecimal time = HUNDRED.multiply(BigDecimal.valueOf(m)).divide(TWELVE, 2, RoundingMode.HALF_UP);
            reasons.add(new WarningReason(BEHIND_SCHEDULE, level, "落后序时进度 " + lag.negate().toPlainString()
                    + " 个百分点（" + period + " 累计完成 " + rate.toPlainString() + "%，时间进度 "
                    + time.toPlainString() + "%）"));
        }
    }

    private void reportMissing(ProjectFile p, LocalDate today, List<WarningReason> reasons) {
        YearMonth q = calendar.latestPastDeadline(today);
        if (p.requiredToReport(q) && !p.reports().containsKey(q)) {
            reasons.add(new WarningReason(REPORT_MISSING, WarningColour.RED,
                    q + " 月度进度漏报（截止 " + calendar.deadline(q) + "）"));
        }
    }

    private void problems(ProjectFile p, LocalDate today, List<WarningReason> reasons) {
        for (ProblemState problem : p.problems()) {
            if (!problem.resolved() && problem.deadline() != null && today.isAfter(problem.deadline())) {
                reasons.add(new WarningReason(PROBLEM_OVERDUE, WarningColour.YELLOW, "问题“" + problem.description()
                        + "”超过办理期限 " + problem.deadline() + " 未办结"));
            }
        }
    }

    private void entryLagging(ProjectFile p, LocalDate today, List<WarningReason> reasons) {
        if (!p.started(today)) {
            return;
        }
        YearMonth p1 = calendar.assessmentPeriod(today).minusMonths(1);
        YearMonth p2 = p1.minusMonths(1);
        for (YearMonth q : List.of(p1, p2)) {
            if (p.reported(q).signum() <= 0 || p.entered(q).signum() != 0) {
                return;
            }
        }
        reasons.add(new WarningReason(ENTRY_LAGGING, WarningColour.YELLOW,
                p2 + "、" + p1 + " 已报投资未入库"));
    }
}
