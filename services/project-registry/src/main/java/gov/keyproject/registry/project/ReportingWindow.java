package gov.keyproject.registry.project;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a period's report may be filed (DOMAIN §0): a unit system from the first day of the period until its
 * deadline (the {@code deadlineDay}th of the following month, inclusive); after that only an operator.
 * Nobody files for a future month, and operators go back at most to January of the previous year.
 */
public record ReportingWindow(int deadlineDay) {

    public static final ReportingWindow DEFAULT = new ReportingWindow(5);

    public ReportingWindow {
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw new IllegalArgumentException("deadline day must be 1–28");
        }
    }

    public LocalDate deadline(YearMonth period) {
        return period.plusMonths(1).atDay(deadlineDay);
    }

    /** Whether a unit system may still file or correct this period's report today. */
    public boolean openToUnits(YearMonth period, LocalDate today) {
        return !today.isBefore(period.atDay(1)) && !today.isAfter(deadline(period));
    }

    /**
     * @throws ProjectRuleViolation for a future or too-old period
     * @throws ReportingClosed      when the deadline has passed and the caller is not an operator
     */
    public void check(YearMonth period, LocalDate today, boolean operator) {
        YearMonth current = YearMonth.from(today);
        if (period.isAfter(current)) {
            throw new ProjectRuleViolation("period", "不能填报未来月份 (" + period + ")");
        }
        if (period.isBefore(YearMonth.of(today.getYear() - 1, 1))) {
            throw new ProjectRuleViolation("period", "月份过早 (" + period + ")，最早可填报上一年 1 月");
        }
        if (!operator && !openToUnits(period, today)) {
            throw new ReportingClosed(period, deadline(period));
        }
    }

    /** The period's deadline has passed: only an operator may file or correct it now. */
    public static final class ReportingClosed extends RuntimeException {
        public ReportingClosed(YearMonth period, LocalDate deadline) {
            super(period + " 月报已于 " + deadline + " 截止，逾期更正须由管理员 (operator) 办理");
        }
    }
}
