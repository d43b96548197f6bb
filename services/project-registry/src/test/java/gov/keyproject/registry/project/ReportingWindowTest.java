package gov.keyproject.registry.project;

import gov.keyproject.registry.project.ReportingWindow.ReportingClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DOMAIN §0: a unit files for q from q's first day to the 5th of the next month inclusive; then only an operator. */
class ReportingWindowTest {

    private static final ReportingWindow WINDOW = ReportingWindow.DEFAULT;

    enum Outcome {
        /** Accepted. */
        OK,
        /** ReportingClosed: the deadline has passed, only an operator may file. */
        CLOSED,
        /** ProjectRuleViolation on field "period": nobody may file. */
        REFUSED
    }

    private static Arguments row(String period, LocalDate today, Outcome unit, Outcome operator) {
        return Arguments.of(YearMonth.parse(period), today, unit, operator);
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                // period 2026-10: first day, deadline 2026-11-05 inclusive, the day after
                row("2026-10", LocalDate.of(2026, 9, 30), Outcome.REFUSED, Outcome.REFUSED), // still a future month
                row("2026-10", LocalDate.of(2026, 10, 1), Outcome.OK, Outcome.OK),
                row("2026-10", LocalDate.of(2026, 10, 31), Outcome.OK, Outcome.OK),
                row("2026-10", LocalDate.of(2026, 11, 1), Outcome.OK, Outcome.OK),
                row("2026-10", LocalDate.of(2026, 11, 3), Outcome.OK, Outcome.OK),
                row("2026-10", LocalDate.of(2026, 11, 5), Outcome.OK, Outcome.OK),
                row("2026-10", LocalDate.of(2026, 11, 6), Outcome.CLOSED, Outcome.OK),
                row("2026-10", LocalDate.of(2026, 12, 31), Outcome.CLOSED, Outcome.OK),
                // the current month may be filed during the month
                row("2026-11", LocalDate.of(2026, 11, 3), Outcome.OK, Outcome.OK),
                // future months
                row("2026-12", LocalDate.of(2026, 11, 3), Outcome.REFUSED, Outcome.REFUSED),
                row("2027-01", LocalDate.of(2026, 11, 3), Outcome.REFUSED, Outcome.REFUSED),
                // an earlier month whose deadline has passed
                row("2026-09", LocalDate.of(2026, 11, 3), Outcome.CLOSED, Outcome.OK),
                // how far back an operator may go: January of the previous year, not December two years back
                row("2025-01", LocalDate.of(2026, 11, 3), Outcome.CLOSED, Outcome.OK),
                row("2024-12", LocalDate.of(2026, 11, 3), Outcome.REFUSED, Outcome.REFUSED),
                row("2025-01", LocalDate.of(2026, 1, 1), Outcome.CLOSED, Outcome.OK),
                row("2024-12", LocalDate.of(2026, 1, 1), Outcome.REFUSED, Outcome.REFUSED),
                // December's deadline is in January of the next year
                row("2025-12", LocalDate.of(2026, 1, 5), Outcome.OK, Outcome.OK),
                row("2025-12", LocalDate.of(2026, 1, 6), Outcome.CLOSED, Outcome.OK),
                // February in a leap year and not
                row("2028-02", LocalDate.of(2028, 2, 29), Outcome.OK, Outcome.OK),
                row("2027-02", LocalDate.of(2027, 3, 5), Outcome.OK, Outcome.OK),
                row("2027-02", LocalDate.of(2027, 3, 6), Outcome.CLOSED, Outcome.OK));
    }

    @ParameterizedTest(name = "{0} on {1}: unit {2}, operator {3}")
    @MethodSource("windows")
    void who_may_file_when(YearMonth period, LocalDate today, Outcome unit, Outcome operator) {
        expect(() -> WINDOW.check(period, today, false), unit);
        expect(() -> WINDOW.check(period, today, true), operator);
        assertThat(WINDOW.openToUnits(period, today)).isEqualTo(unit == Outcome.OK);
    }

    private static void expect(Runnable check, Outcome outcome) {
        switch (outcome) {
            case OK -> assertThatCode(check::run).doesNotThrowAnyException();
            case CLOSED -> assertThatThrownBy(check::run).isExactlyInstanceOf(ReportingClosed.class)
                    .hasMessageContaining("operator");
            case REFUSED -> assertThatThrownBy(check::run).isInstanceOfSatisfying(ProjectRuleViolation.class,
                    e -> assertThat(e.field()).isEqualTo("period"));
        }
    }

    @Test
    void the_deadline_is_the_5th_of_the_next_month() {
        assertThat(WINDOW.deadline(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(WINDOW.deadline(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(WINDOW.deadlineDay()).isEqualTo(5);
    }

    @Test
    void the_deadline_day_is_configurable() {
        ReportingWindow tenth = new ReportingWindow(10);
        assertThat(tenth.deadline(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(tenth.openToUnits(YearMonth.of(2026, 10), LocalDate.of(2026, 11, 10))).isTrue();
        assertThat(tenth.openToUnits(YearMonth.of(2026, 10), LocalDate.of(2026, 11, 11))).isFalse();
    }

    @Test
    void the_closed_error_names_the_period_and_the_deadline() {
        assertThatThrownBy(() -> WINDOW.check(YearMonth.of(2026, 10), LocalDate.of(2026, 11, 6), false))
                .isInstanceOf(ReportingClosed.class)
                .hasMessageContaining("2026-10")
                .hasMessageContaining("2026-11-05");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 28})
    void deadline_days_from_1_to_28_are_accepted(int day) {
        assertThat(new ReportingWindow(day).deadlineDay()).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 29, 31})
    void other_deadline_days_are_refused(int day) {
        assertThatThrownBy(() -> new ReportingWindow(day)).isInstanceOf(IllegalArgumentException.class);
    }
}
