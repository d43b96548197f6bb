package gov.keyproject.statistics.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static gov.keyproject.statistics.figures.Fixtures.FIGURES;
import static gov.keyproject.statistics.figures.Fixtures.portfolioFeed;
import static gov.keyproject.statistics.figures.Fixtures.portfolioProject;
import static gov.keyproject.statistics.figures.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

/** One project's C, P, c = C/P, t = m/12, d = c − t and its 入库 figures (DOMAIN §3), from January to December. */
class ProjectFiguresTest {

    // P(2026) = 1200. Reports: 2025-12 999 (last year, never in 2026's YTD), 2026-01 100, 2026-03 250.50,
    // 2026-06 300, 2026-12 149.50; other months have no report.
    private static final ProjectFacts REPORTING = project("R").plan(2026, "1200")
            .report("2025-12", "999", true).report("2026-01", "100", true).report("2026-03", "250.50", true)
            .report("2026-06", "300", true).report("2026-12", "149.50", true).build();

    @ParameterizedTest(name = "{0}: month {1}, C {2}, c {3}, t {4}, d {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # p     | month  | C      | c       | t       | d       | by hand
            2026-01 | 100    | 100    | 8.33%   | 8.33%   | 0.00    | c = 100/1200 = 1/12 = t exactly, d = 0
            2026-02 | 0      | 100    | 8.33%   | 16.67%  | -8.33   | no report in Feb: month 0; d = 1/12 − 2/12
            2026-03 | 250.50 | 350.50 | 29.21%  | 25.00%  | 4.21    | 350.5/1200 = 0.292083; d = 0.042083
            2026-06 | 300    | 650.50 | 54.21%  | 50.00%  | 4.21    | 650.5/1200 = 0.542083; d = 0.042083
            2026-11 | 0      | 650.50 | 54.21%  | 91.67%  | -37.46  | 0.542083 − 0.916667 = −0.374583
            2026-12 | 149.50 | 800.00 | 66.67%  | 100.00% | -33.33  | December: t = 1; c = 2/3, d = −1/3
            """)
    void ytd_completion_rate_time_progress_and_lag(String period, String month, String ytd, String c, String t,
                                                   String d) {
        ProjectFigures f = new InvestmentFigures(YearMonth.parse(period), LocalDate.parse(period + "-01").plusMonths(1))
                .project(REPORTING, EnteredInvestment.NONE);
        assertThat(f.counted()).isTrue();
        assertThat(f.planned()).isEqualByComparingTo("1200");
        assertThat(f.monthCompleted()).isEqualByComparingTo(month);
        assertThat(f.ytdCompleted()).isEqualByComparingTo(ytd);
        assertThat(f.completionRate().display()).isEqualTo(c);
        assertThat(f.timeProgress().display()).isEqualTo(t);
        assertThat(f.lag().displayPoints()).isEqualTo(d);
    }

    @Test
    void january_lag_is_exactly_zero_when_c_equals_one_twelfth() {
        ProjectFigures f = new InvestmentFigures(YearMonth.of(2026, 1), LocalDate.of(2026, 2, 10))
                .project(REPORTING, EnteredInvestment.NONE);
        assertThat(f.completionRate()).isEqualTo(Rate.of(1, 12)).isEqualTo(f.timeProgress());
        assertThat(f.lag()).isEqualTo(Rate.of(0, 1));
    }

    @Test
    void december_time_progress_is_one() {
        ProjectFigures f = new InvestmentFigures(YearMonth.of(2026, 12), LocalDate.of(2027, 1, 10))
                .project(REPORTING, EnteredInvestment.NONE);
        assertThat(f.timeProgress()).isEqualTo(Rate.of(1, 1));
        assertThat(f.lag()).isEqualTo(Rate.of(-1, 3));
    }

    @ParameterizedTest(name = "no report, {0}: c {1}, d {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01 | 0.00% | -8.33
            2026-06 | 0.00% | -50.00
            2026-12 | 0.00% | -100.00
            """)
    void a_project_with_no_report_has_completed_nothing(String period, String c, String d) {
        ProjectFacts silent = project("S").plan(2026, "500").build();
        ProjectFigures f = new InvestmentFigures(YearMonth.parse(period), LocalDate.parse(period + "-15").plusMonths(1))
                .project(silent, EnteredInvestment.NONE);
        assertThat(f.counted()).isTrue();
        assertThat(f.monthCompleted()).isZero();
        assertThat(f.ytdCompleted()).isZero();
        assertThat(f.completionRate().display()).isEqualTo(c);
        assertThat(f.lag().displayPoints()).isEqualTo(d);
    }

    @Test
    void without_a_plan_the_rate_and_lag_have_no_value() {
        ProjectFacts unplanned = project("N").plan(2025, "100").report("2026-03", "20", true).build();
        ProjectFigures f = FIGURES.project(unplanned, EnteredInvestment.NONE);
        assertThat(f.counted()).isFalse();
        assertThat(f.exclusions()).containsExactly(Exclusion.NO_PLAN_FOR_YEAR);
        assertThat(f.ytdCompleted()).isEqualByComparingTo("20");
        assertThat(f.completionRate().display()).isEqualTo("—");
        assertThat(f.lag().displayPoints()).isEqualTo("—");
    }

    /** Every project of the portfolio in {@link Fixtures}, p = 2026-06 as of 2026-07-10. */
    @ParameterizedTest(name = "{0}: counted {1}, P {3}, C {5}, c {6}, d {7}, entered {9}, gap {10}")
    @CsvSource(delimiter = '|', textBlock = """
            # code | counted | exclusions              | P    | month | C    | c       | d      | entered month | entered YTD | gap
            A      | true    | -                       | 1000 | 50    | 500  | 50.00%  | 0.00   | 0             | 200         | 300
            B      | true    | -                       | 400  | 0     | 0    | 0.00%   | -50.00 | 0             | 0           | 0
            C      | true    | -                       | 2000 | 100   | 1500 | 75.00%  | 25.00  | 100           | 1500        | 0
            D      | true    | -                       | 3000 | 0     | 1200 | 40.00%  | -10.00 | 0             | 0           | 1200
            E      | true    | -                       | 600  | 0     | 0    | 0.00%   | -50.00 | 50            | 50          | -50
            F      | true    | -                       | 500  | 50    | 300  | 60.00%  | 10.00  | 0             | 250         | 50
            G      | true    | -                       | 800  | 0     | 80   | 10.00%  | -40.00 | 0             | 80          | 0
            H      | false   | REVOKED                 | 700  | 0     | 0    | 0.00%   | -50.00 | 0             | 30          | -30
            I      | false   | REGISTERED_AFTER_PERIOD | 900  | 0     | 0    | 0.00%   | -50.00 | 0             | 0           | 0
            J      | false   | NO_PLAN_FOR_YEAR        | 0    | 0     | 0    | —       | —      | 0             | 0           | 0
            K      | false   | REVOKED                 | 500  | 0     | 0    | 0.00%   | -50.00 | 0             | 0           | 0
            L      | true    | -                       | 100  | 0     | 100  | 100.00% | 50.00  | 0             | 100         | 0
            """)
    void portfolio_projects(String code, boolean counted, String exclusion, String planned, String month, String ytd,
                            String c, String d, String enteredMonth, String enteredYtd, String gap) {
        ProjectFigures f = FIGURES.project(portfolioProject(code), portfolioFeed());
        assertThat(f.counted()).isEqualTo(counted);
        if (counted) {
            assertThat(f.exclusions()).isEmpty();
        } else {
            assertThat(f.exclusions()).containsExactly(Exclusion.valueOf(exclusion));
        }
        assertThat(f.planned()).isEqualByComparingTo(planned);
        assertThat(f.monthCompleted()).isEqualByComparingTo(month);
        assertThat(f.ytdCompleted()).isEqualByComparingTo(ytd);
        assertThat(f.completionRate().display()).isEqualTo(c);
        assertThat(f.lag().displayPoints()).isEqualTo(d);
        assertThat(f.monthEntered()).isEqualByComparingTo(enteredMonth);
        assertThat(f.ytdEntered()).isEqualByComparingTo(enteredYtd);
        assertThat(f.ytdEntryGap()).isEqualByComparingTo(gap);
    }

    /** Each counted project's share of the project-count rates (n/d: numerator/denominator; 0/0 = not in it). */
    @ParameterizedTest(name = "{0}: 开工 {1}, 复工 {2}, 竣工 {3}, 入库 {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # code | start | resume | completed | entered | why
            A      | 1/1   | 0/0    | 0/0       | 1/1     | new, started 03-15; completion planned 2027
            B      | 0/1   | 0/0    | 0/0       | 0/0     | new, planned start = E, not started; no report → not in 入库率
            C      | 0/0   | 1/1    | 1/1       | 1/1     | continued, no report under way but completed 06-20 ≤ E
            D      | 0/0   | 1/1    | 0/1       | 0/1     | March under way; planned completion = E, not done; nothing entered
            E      | 0/1   | 0/0    | 0/0       | 0/0     | planned 05-01, started 07-02 > E; entered 50 but reported 0
            F      | 1/1   | 0/0    | 0/0       | 1/1     | planned start after E, started early: in both
            G      | 0/0   | 0/1    | 0/0       | 1/1     | completed last year; 2025-11 and 2026-07 under way do not count
            L      | 1/1   | 0/0    | 1/1       | 1/1     | completed 05-28, planned 09-30: due because completed
            """)
    void portfolio_project_tallies(String code, String start, String resume, String completed, String entered) {
        ProjectFigures f = FIGURES.project(portfolioProject(code), portfolioFeed());
        assertThat(f.startTally()).hasToString(start);
        assertThat(f.resumeTally()).hasToString(resume);
        assertThat(f.completedTally()).hasToString(completed);
        assertThat(f.enteredTally()).hasToString(entered);
    }
}
