package gov.keyproject.assessment.warning;

import java.math.BigDecimal;

/**
 * The thresholds of the colour rules (DOMAIN §5), configuration with these defaults: overdue by
 * {@code redAfterDays} or more is red, by 1 day or more yellow; a lag below {@code lagRedBelow} points is red, at or
 * below {@code lagYellowAtOrBelow} yellow, once the assessment month is at least {@code lagFromMonth}. Reminders look
 * {@code reminderMilestoneDays} ahead for milestones and {@code reminderReportDays} ahead for the report deadline.
 */
public record WarningThresholds(int redAfterDays, BigDecimal lagRedBelow, BigDecimal lagYellowAtOrBelow,
                                int lagFromMonth, int reminderMilestoneDays, int reminderReportDays,
                                int yellowNoticeDays, int redNoticeDays) {

    public static final WarningThresholds DEFAULTS = new WarningThresholds(31, new BigDecimal("-30"),
            new BigDecimal("-10"), 4, 7, 3, 15, 7);

    public WarningThresholds {
        if (redAfterDays < 2) {
            throw new IllegalArgumentException("redAfterDays must be at least 2 (1 day overdue is yellow)");
        }
        if (lagRedBelow.compareTo(lagYellowAtOrBelow) > 0) {
            throw new IllegalArgumentException("the red lag threshold must not be above the yellow one");
        }
    }
}
