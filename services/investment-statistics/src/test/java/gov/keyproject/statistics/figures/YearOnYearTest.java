package gov.keyproject.statistics.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static gov.keyproject.statistics.figures.Fixtures.portfolioProject;
import static gov.keyproject.statistics.figures.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 同比增长 (DOMAIN §3): YTD of p against YTD of the same month last year, each over the projects counted in its own
 * year; absent when last year's YTD is 0. Uses the portfolio's C D G J K (see {@link Fixtures}).
 */
class YearOnYearTest {

    /*
     * January 2026 as of 2026-02-10 (t = 1/12):
     *   counted 2026: C D G, and K (revoked only on 2026-03-01, after this D); J has no 2026 plan.
     *   ΣP = 2000 + 3000 + 800 + 500 = 6300; ΣC = C 300 + D 0 + G 0 + K 0 = 300; c = 1/21 = 4.76 %, d = 1/21 − 1/12 = −1/28.
     *   base 2025-01 (E' = 2025-01-31): C 200, D 300, J 50, K 10; G registered 2025-02-01 → not counted → 560.
     *   同比 = (300 − 560)/560 = −13/28 = −46.43 %.
     * December 2026 as of 2027-01-10 (t = 1):
     *   counted 2026: C D G (K revoked as of D). ΣP 5800; ΣC = 1500 + 1200 + 80 (+ G's July 0) = 2780;
     *   c = 2780/5800 = 47.93 %, d = −52.07.
     *   base 2025-12: C 1200 + 300 (July) = 1500, D 1800, G 600 + 50 (Nov) = 650, J 300; K revoked as of D → out: 4250.
     *   同比 = (2780 − 4250)/4250 = −34.59 %.
     * June 2026 as of 2026-07-10 with J alone: nothing counted this year, base 300 → −100.00 %; c "—".
     * June 2026 with F alone: C 300, base 0 (F had no 2025 plan) → "—".
     * June 2026 with a project planned in 2025 but with no 2025 report: base 0 while counted → "—".
     */
    @ParameterizedTest(name = "{0} as of {1} over {2}: ΣC {3}, base {4}, 同比 {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # p     | D          | projects  | ΣC   | base | 同比     | ΣP   | c      | t       | d
            2026-01 | 2026-02-10 | C,D,G,J,K | 300  | 560  | -46.43%  | 6300 | 4.76%  | 8.33%   | -3.57
            2026-12 | 2027-01-10 | C,D,G,J,K | 2780 | 4250 | -34.59%  | 5800 | 47.93% | 100.00% | -52.07
            2026-06 | 2026-07-10 | C,D,G,J,K | 2780 | 3900 | -28.72%  | 5800 | 47.93% | 50.00%  | -2.07
            2026-06 | 2026-07-10 | J         | 0    | 300  | -100.00% | 0    | —      | 50.00%  | —
            2026-06 | 2026-07-10 | F         | 300  | 0    | —        | 500  | 60.00% | 50.00%  | 10.00
            """)
    void year_on_year_growth(String period, String today, String codes, String ytd, String base, String yoy,
                             String planned, String c, String t, String d) {
        List<ProjectFacts> projects = Arrays.stream(codes.split(",")).map(Fixtures::portfolioProject).toList();
        GroupFigures g = new InvestmentFigures(YearMonth.parse(period), LocalDate.parse(today))
                .total(projects, EnteredInvestment.NONE);
        assertThat(g.ytdCompleted()).isEqualByComparingTo(ytd);
        assertThat(g.previousYearYtdCompleted()).isEqualByComparingTo(base);
        assertThat(g.yoyGrowth().display()).isEqualTo(yoy);
        assertThat(g.planned()).isEqualByComparingTo(planned);
        assertThat(g.completionRate().display()).isEqualTo(c);
        assertThat(g.timeProgress().display()).isEqualTo(t);
        assertThat(g.lag().displayPoints()).isEqualTo(d);
    }

    @Test
    void a_zero_base_has_no_growth_rather_than_an_infinite_one() {
        ProjectFacts planned2025NoReport = project("Z").plan(2025, "100").plan(2026, "100")
                .report("2026-02", "40", true).build();
        GroupFigures g = new InvestmentFigures(YearMonth.of(2026, 6), LocalDate.of(2026, 7, 10))
                .total(List.of(planned2025NoReport), EnteredInvestment.NONE);
        assertThat(g.previousYearYtdCompleted()).isZero();
        assertThat(g.yoyGrowth().isAbsent()).isTrue();
        assertThat(g.yoyGrowth().display()).isEqualTo("—");
    }

    @Test
    void the_base_uses_the_same_month_last_year_not_the_whole_year() {
        // C: 2025 Jan..Jun 6 × 200 = 1200 and July 300; the June base stops at June, the July base takes July too.
        ProjectFacts c = portfolioProject("C");
        InvestmentFigures june = new InvestmentFigures(YearMonth.of(2026, 6), LocalDate.of(2026, 7, 10));
        InvestmentFigures july = new InvestmentFigures(YearMonth.of(2026, 7), LocalDate.of(2026, 8, 10));
        assertThat(june.previousYear().period()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(june.previousYear().ytdCompleted(c)).isEqualByComparingTo("1200");
        assertThat(july.previousYear().ytdCompleted(c)).isEqualByComparingTo("1500");
        assertThat(june.previousYear().today()).isEqualTo(june.today()); // revocation is judged as of the same D
    }
}
