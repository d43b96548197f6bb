package gov.keyproject.assessment.warning;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The calendar the rules run on (DOMAIN §0): the assessment period p(D) is the month before D, and the report for
 * period q is due on the {@code deadlineDay}th of the month after q.
 */
public record AssessmentCalendar(int deadlineDay) {

    public static final AssessmentCalendar DEFAULT = new AssessmentCalendar(5);

    public AssessmentCalendar {
        if (deadlineDay < 1 || deadlineDay > 28) {
            throw new IllegalArgumentException("deadline day must be 1..28");
        }
    }

    /** p(D): the calendar month before D. */
    public YearMonth assessmentPeriod(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /** The last day a unit system may file or correct the report for {@code period}. */
    public LocalDate deadline(YearMonth period) {
        return period.plusMonths(1).atDay(deadlineDay);
    }

    /** The latest period whose deadline has passed before {@code today} (deadline &lt; D). */
    public YearMonth latestPastDeadline(LocalDate today) {
        YearMonth q = assessmentPeriod(today);
        return deadline(q).isBefore(today) ? q : q.minusMonths(1);
    }

    /** t = m / 12 as a pair (m, 12): the month number of the period. */
    public static int month(YearMonth period) {
        return period.getMonthValue();
    }
}
