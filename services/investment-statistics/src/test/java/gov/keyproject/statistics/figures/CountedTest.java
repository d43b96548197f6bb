package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ProjectPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static gov.keyproject.statistics.figures.Fixtures.date;
import static gov.keyproject.statistics.figures.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

/** "Counted in year y as of period p" (DOMAIN §3) and the periods of DOMAIN §0. */
class CountedTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                  | plans               | registered | phase              | revoked    | period  | today      | exclusions
            planned this year                       | 2026=500            | 2026-01-01 | UNDER_CONSTRUCTION | -          | 2026-06 | 2026-07-10 | -
            smallest plan                           | 2026=0.01           | 2026-01-01 | UNDER_CONSTRUCTION | -          | 2026-06 | 2026-07-10 | -
            no plan at all                          |                     | 2026-01-01 | UNDER_CONSTRUCTION | -          | 2026-06 | 2026-07-10 | NO_PLAN_FOR_YEAR
            plan zero                               | 2026=0              | 2026-01-01 | UNDER_CONSTRUCTION | -          | 2026-06 | 2026-07-10 | NO_PLAN_FOR_YEAR
            plan 0.00                               | 2026=0.00           | 2026-01-01 | UNDER_CONSTRUCTION | -          | 2026-06 | 2026-07-10 | NO_PLAN_FOR_YEAR
            only last and next year planned         | 2025=300;2027=400   | 2024-01-01 | UNDER_CONSTRUCTION | -          | 2026-06 | 2026-07-10 | NO_PLAN_FOR_YEAR
            registered on E                         | 2026=500            | 2026-06-30 | READY              | -          | 2026-06 | 2026-07-10 | -
            registered the day after E              | 2026=500            | 2026-07-01 | READY              | -          | 2026-06 | 2026-07-10 | REGISTERED_AFTER_PERIOD
            January: registered on E                | 2026=500            | 2026-01-31 | READY              | -          | 2026-01 | 2026-02-10 | -
            January: registered after E             | 2026=500            | 2026-02-01 | READY              | -          | 2026-01 | 2026-02-10 | REGISTERED_AFTER_PERIOD
            December: registered on E               | 2026=500            | 2026-12-31 | READY              | -          | 2026-12 | 2027-01-10 | -
            December: next year's plan only         | 2027=500            | 2026-12-01 | READY              | -          | 2026-12 | 2027-01-10 | NO_PLAN_FOR_YEAR
            revoked before E                        | 2026=500            | 2026-01-01 | REVOKED            | 2026-05-01 | 2026-06 | 2026-07-10 | REVOKED
            revoked after E but before D            | 2026=500            | 2026-01-01 | REVOKED            | 2026-07-05 | 2026-06 | 2026-07-10 | REVOKED
            revoked on D                            | 2026=500            | 2026-01-01 | REVOKED            | 2026-07-10 | 2026-06 | 2026-07-10 | REVOKED
            revoked after D (a replayed past day)   | 2026=500            | 2026-01-01 | REVOKED            | 2026-07-11 | 2026-06 | 2026-07-10 | -
            revoked, date unknown                   | 2026=500            | 2026-01-01 | REVOKED            | -          | 2026-06 | 2026-07-10 | REVOKED
            suspended still counts                  | 2026=500            | 2026-01-01 | SUSPENDED          | -          | 2026-06 | 2026-07-10 | -
            reserve with a plan counts              | 2026=500            | 2026-01-01 | RESERVE            | -          | 2026-06 | 2026-07-10 | -
            completed with a plan counts            | 2026=500            | 2025-01-01 | COMPLETED          | -          | 2026-06 | 2026-07-10 | -
            every reason at once                    | 2026=0              | 2026-07-01 | REVOKED            | 2026-07-02 | 2026-06 | 2026-07-10 | NO_PLAN_FOR_YEAR;REGISTERED_AFTER_PERIOD;REVOKED
            """)
    void counted_only_with_a_plan_registered_by_E_and_not_revoked_by_D(
            String name, String plans, String registered, ProjectPhase phase, String revoked, String period,
            String today, String exclusions) {
        Fixtures.Builder b = project("X").plans(plans).registered(registered).phase(phase);
        if (date(revoked) != null) {
            b.revoked(revoked);
        }
        ProjectFacts facts = b.build();
        InvestmentFigures figures = new InvestmentFigures(YearMonth.parse(period), LocalDate.parse(today));

        Set<Exclusion> expected = exclusions.equals("-") ? Set.of()
                : EnumSet.copyOf(Arrays.stream(exclusions.split(";")).map(Exclusion::valueOf).toList());
        assertThat(figures.exclusions(facts)).isEqualTo(expected);
        assertThat(figures.isCounted(facts)).isEqualTo(expected.isEmpty());
        assertThat(figures.project(facts, EnteredInvestment.NONE).counted()).isEqualTo(expected.isEmpty());
    }

    @ParameterizedTest(name = "D = {0} → p(D) = {1}, E = {2}, t = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-10-10 | 2026-09 | 2026-09-30 | 75.00%
            2026-01-01 | 2025-12 | 2025-12-31 | 100.00%
            2026-02-10 | 2026-01 | 2026-01-31 | 8.33%
            2026-03-31 | 2026-02 | 2026-02-28 | 16.67%
            2024-03-01 | 2024-02 | 2024-02-29 | 16.67%
            2026-07-10 | 2026-06 | 2026-06-30 | 50.00%
            """)
    void the_assessment_period_is_the_month_before_today(String today, String period, String end, String t) {
        InvestmentFigures figures = InvestmentFigures.asOf(LocalDate.parse(today));
        assertThat(figures.period()).isEqualTo(YearMonth.parse(period));
        assertThat(figures.periodEnd()).isEqualTo(LocalDate.parse(end));
        assertThat(InvestmentFigures.timeProgress(figures.period()).display()).isEqualTo(t);
    }

    @Test
    void time_progress_is_m_over_twelve_for_every_month() {
        for (int m = 1; m <= 12; m++) {
            assertThat(InvestmentFigures.timeProgress(YearMonth.of(2026, m))).isEqualTo(Rate.of(m, 12));
        }
        assertThat(InvestmentFigures.timeProgress(YearMonth.of(2026, 6))).isEqualTo(Rate.of(1, 2)); // 时间过半
    }

    @ParameterizedTest(name = "{0} within YTD of {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01 | 2026-01 | true
            2026-01 | 2026-06 | true
            2026-06 | 2026-06 | true
            2026-07 | 2026-06 | false
            2025-12 | 2026-06 | false
            2025-06 | 2026-06 | false
            2026-12 | 2026-12 | true
            """)
    void the_ytd_runs_from_january_to_the_period(String month, String period, boolean within) {
        assertThat(InvestmentFigures.isWithinYtd(YearMonth.parse(month), YearMonth.parse(period))).isEqualTo(within);
    }
}
