package gov.keyproject.assessment.warning;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN §0: p(D) is the month before D; q's deadline is the 5th of the month after q (configurable). */
class AssessmentCalendarTest {

    @ParameterizedTest(name = "p({0}) = {1}")
    @CsvSource({
            "2026-10-10, 2026-09",
            "2026-10-01, 2026-09",
            "2026-10-31, 2026-09",
            "2026-03-01, 2026-02",
            "2026-12-31, 2026-11",
            "2026-01-01, 2025-12",
            "2026-01-31, 2025-12",
    })
    void assessmentPeriodIsTheMonthBeforeD(LocalDate today, YearMonth expected) {
        assertThat(AssessmentCalendar.DEFAULT.assessmentPeriod(today)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "deadline day {0}: deadline({1}) = {2}")
    @CsvSource({
            "5, 2026-09, 2026-10-05",
            "5, 2026-01, 2026-02-05",
            "5, 2026-02, 2026-03-05",
            "5, 2026-12, 2027-01-05",
            "10, 2026-09, 2026-10-10",
            "1, 2026-12, 2027-01-01",
    })
    void deadlineIsTheConfiguredDayOfTheMonthAfterThePeriod(int deadlineDay, YearMonth period, LocalDate expected) {
        AssessmentCalendar calendar = deadlineDay == 5 ? AssessmentCalendar.DEFAULT
                : new AssessmentCalendar(deadlineDay);
        assertThat(calendar.deadline(period)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "deadline day {0}: on {1} the latest period past its deadline is {2}")
    @CsvSource({
            // the deadline day itself has not passed yet; the day after it has
            "5, 2026-10-05, 2026-08",
            "5, 2026-10-06, 2026-09",
            "5, 2026-10-01, 2026-08",
            "5, 2026-10-31, 2026-09",
            "5, 2026-07-05, 2026-05",
            "5, 2026-07-06, 2026-06",
            "5, 2027-01-05, 2026-11",
            "5, 2027-01-06, 2026-12",
            "5, 2026-01-01, 2025-11",
            "5, 2026-02-05, 2025-12",
            "5, 2026-02-06, 2026-01",
            "10, 2026-10-10, 2026-08",
            "10, 2026-10-11, 2026-09",
    })
    void latestPastDeadline(int deadlineDay, LocalDate today, YearMonth expected) {
        AssessmentCalendar calendar = new AssessmentCalendar(deadlineDay);
        assertThat(calendar.latestPastDeadline(today)).isEqualTo(expected);
        // by definition: its deadline is before D, and the next period's is not
        assertThat(calendar.deadline(expected)).isBefore(today);
        assertThat(calendar.deadline(expected.plusMonths(1))).isAfterOrEqualTo(today);
    }

    @ParameterizedTest(name = "t for {0}: m = {1}")
    @CsvSource({"2026-01, 1", "2026-06, 6", "2026-12, 12"})
    void monthOfThePeriod(YearMonth period, int m) {
        assertThat(AssessmentCalendar.month(period)).isEqualTo(m);
    }
}
