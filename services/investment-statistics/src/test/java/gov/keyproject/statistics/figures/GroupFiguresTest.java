package gov.keyproject.statistics.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static gov.keyproject.statistics.figures.Fixtures.FIGURES;
import static gov.keyproject.statistics.figures.Fixtures.portfolio;
import static gov.keyproject.statistics.figures.Fixtures.portfolioFeed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group figures over the portfolio of {@link Fixtures} (p = 2026-06, t = 1/2, as of 2026-07-10), per unit, township,
 * category, level and for the whole county, every value computed by hand from the portfolio table.
 * Counted this year: A B C D E F G L; the 同比 base (2025-06) is C D G J.
 */
class GroupFiguresTest {

    private static GroupFigures group(Dimension dimension, String key) {
        GroupFigures g = dimension == Dimension.TOTAL ? FIGURES.total(portfolio(), portfolioFeed())
                : FIGURES.byKey(dimension, portfolio(), portfolioFeed()).get(key == null ? "" : key);
        assertThat(g).as("group %s %s", dimension, key).isNotNull();
        return g;
    }

    /*
     * Hand computation (ΣP, ΣC, last year's ΣC; c = ΣC/ΣP; d = c − 1/2; 同比 = (ΣC − base)/base):
     * U1 A B C (J last year): P 1000+400+2000 = 3400; C 500+0+1500 = 2000; c = 10/17 = 58.82 %, d = 3/34 = 8.82;
     *    base C 1200 + J 300 = 1500 → 500/1500 = 33.33 %
     * U2 D E F L: P 3000+600+500+100 = 4200; C 1200+0+300+100 = 1600; c = 8/21 = 38.10 %, d = −5/42 = −11.90;
     *    base D 1800 → −200/1800 = −11.11 %
     * U3 G (H K revoked): P 800; C 80; c = 10 %, d = −40; base G 600 (K revoked: out) → −520/600 = −86.67 %
     * U4 I (registered after E): nothing counted → c, d "—"; base 0 → 同比 "—"
     * 城关镇 A B E F (J last year): P 2500; C 800; c 32 %, d −18; base 300 → 500/300 = 166.67 %
     * 东湖街道 C D L: P 5100; C 2800; c = 28/51 = 54.90 %, d = 5/102 = 4.90; base 3000 → −6.67 %
     * 西山镇 G (H I K not counted): as U3
     * INDUSTRIAL A C (J): P 3000, C 2000, c 66.67 %, d 1/6 = 16.67; base 1500 → 33.33 %
     * URBAN_CONSTRUCTION B: P 400, C 0, c 0 %, d −50; base 0 → "—"
     * INFRASTRUCTURE D E: P 3600, C 1200, c 33.33 %, d −16.67; base 1800 → −33.33 %
     * LIVELIHOOD F: P 500, C 300, c 60 %, d 10; base 0 (while C > 0) → "—", not infinite
     * TOURISM G: as U3.   ECOLOGY H K: both revoked → nothing counted, all "—".
     * SOCIAL L (I not counted): P 100, C 100, c 100 %, d 50; base 0 → "—"
     * PROVINCIAL A D (I): P 4000, C 1700, c 42.5 %, d −7.5; base 1800 → −100/1800 = −5.56 %
     * MUNICIPAL C F L: P 2600, C 1900, c = 19/26 = 73.08 %, d = 3/13 = 23.08; base 1200 → 700/1200 = 58.33 %
     * COUNTY B E G (H J K): P 1800, C 80, c = 2/45 = 4.44 %, d = −41/90 = −45.56; base G 600 + J 300 = 900 → −91.11 %
     * TOTAL: P 8400, C 3680, c = 46/105 = 43.81 %, d = −13/210 = −6.19; base 3900 → −220/3900 = −5.64 %
     * The month (June) column: A 50, C 100, F 50.
     */
    @ParameterizedTest(name = "{0} {1}: counted {2}, ΣP {3}, ΣC {5}, c {6}, d {7}, 同比 {9}")
    @CsvSource(delimiter = '|', textBlock = """
            # dimension | key                | counted | ΣP   | Σmonth | ΣC   | c       | d      | base | 同比
            UNIT        | U1                 | 3       | 3400 | 150    | 2000 | 58.82%  | 8.82   | 1500 | 33.33%
            UNIT        | U2                 | 4       | 4200 | 50     | 1600 | 38.10%  | -11.90 | 1800 | -11.11%
            UNIT        | U3                 | 1       | 800  | 0      | 80   | 10.00%  | -40.00 | 600  | -86.67%
            UNIT        | U4                 | 0       | 0    | 0      | 0    | —       | —      | 0    | —
            TOWNSHIP    | 城关镇             | 4       | 2500 | 100    | 800  | 32.00%  | -18.00 | 300  | 166.67%
            TOWNSHIP    | 东湖街道           | 3       | 5100 | 100    | 2800 | 54.90%  | 4.90   | 3000 | -6.67%
            TOWNSHIP    | 西山镇             | 1       | 800  | 0      | 80   | 10.00%  | -40.00 | 600  | -86.67%
            CATEGORY    | INDUSTRIAL         | 2       | 3000 | 150    | 2000 | 66.67%  | 16.67  | 1500 | 33.33%
            CATEGORY    | URBAN_CONSTRUCTION | 1       | 400  | 0      | 0    | 0.00%   | -50.00 | 0    | —
            CATEGORY    | INFRASTRUCTURE     | 2       | 3600 | 0      | 1200 | 33.33%  | -16.67 | 1800 | -33.33%
            CATEGORY    | LIVELIHOOD         | 1       | 500  | 50     | 300  | 60.00%  | 10.00  | 0    | —
            CATEGORY    | TOURISM            | 1       | 800  | 0      | 80   | 10.00%  | -40.00 | 600  | -86.67%
            CATEGORY    | ECOLOGY            | 0       | 0    | 0      | 0    | —       | —      | 0    | —
            CATEGORY    | SOCIAL             | 1       | 100  | 0      | 100  | 100.00% | 50.00  | 0    | —
            LEVEL       | PROVINCIAL         | 2       | 4000 | 50     | 1700 | 42.50%  | -7.50  | 1800 | -5.56%
            LEVEL       | MUNICIPAL          | 3       | 2600 | 150    | 1900 | 73.08%  | 23.08  | 1200 | 58.33%
            LEVEL       | COUNTY             | 3       | 1800 | 0      | 80   | 4.44%   | -45.56 | 900  | -91.11%
            TOTAL       |                    | 8       | 8400 | 200    | 3680 | 43.81%  | -6.19  | 3900 | -5.64%
            """)
    void investment_completion_by_group(Dimension dimension, String key, int counted, String planned, String month,
                                        String ytd, String c, String d, String base, String yoy) {
        GroupFigures g = group(dimension, key);
        assertThat(g.projectsCounted()).isEqualTo(counted);
        assertThat(g.planned()).isEqualByComparingTo(planned);
        assertThat(g.monthCompleted()).isEqualByComparingTo(month);
        assertThat(g.ytdCompleted()).isEqualByComparingTo(ytd);
        assertThat(g.completionRate().display()).isEqualTo(c);
        assertThat(g.timeProgress().display()).isEqualTo("50.00%");
        assertThat(g.lag().displayPoints()).isEqualTo(d);
        assertThat(g.previousYearYtdCompleted()).isEqualByComparingTo(base);
        assertThat(g.yoyGrowth().display()).isEqualTo(yoy);
    }

    /*
     * 开工率 over new projects (due = planned start ≤ E or started by E): A started, B due (planned = E), E due
     *   (started 07-02 > E), F started early (planned after E), L started.
     * 复工率 over continued: C resumed (completed 06-20), D resumed (March under way), G not (completed last year).
     * 竣工率: due C (planned 05-31, done 06-20), D (planned = E, not done), L (done 05-28, planned 09-30).
     */
    @ParameterizedTest(name = "{0} {1}: 开工 {2}, 复工 {4}, 开复工 {6}, 竣工 {8}")
    @CsvSource(delimiter = '|', textBlock = """
            # dimension | key                | start | 开工率  | resume | 复工率  | both | 开复工率 | done | 竣工率
            UNIT        | U1                 | 1/2   | 50.00%  | 1/1    | 100.00% | 2/3  | 66.67%   | 1/1  | 100.00%
            UNIT        | U2                 | 2/3   | 66.67%  | 1/1    | 100.00% | 3/4  | 75.00%   | 1/2  | 50.00%
            UNIT        | U3                 | 0/0   | —       | 0/1    | 0.00%   | 0/1  | 0.00%    | 0/0  | —
            UNIT        | U4                 | 0/0   | —       | 0/0    | —       | 0/0  | —        | 0/0  | —
            TOWNSHIP    | 城关镇             | 2/4   | 50.00%  | 0/0    | —       | 2/4  | 50.00%   | 0/0  | —
            TOWNSHIP    | 东湖街道           | 1/1   | 100.00% | 2/2    | 100.00% | 3/3  | 100.00%  | 2/3  | 66.67%
            TOWNSHIP    | 西山镇             | 0/0   | —       | 0/1    | 0.00%   | 0/1  | 0.00%    | 0/0  | —
            CATEGORY    | INDUSTRIAL         | 1/1   | 100.00% | 1/1    | 100.00% | 2/2  | 100.00%  | 1/1  | 100.00%
            CATEGORY    | URBAN_CONSTRUCTION | 0/1   | 0.00%   | 0/0    | —       | 0/1  | 0.00%    | 0/0  | —
            CATEGORY    | INFRASTRUCTURE     | 0/1   | 0.00%   | 1/1    | 100.00% | 1/2  | 50.00%   | 0/1  | 0.00%
            CATEGORY    | LIVELIHOOD         | 1/1   | 100.00% | 0/0    | —       | 1/1  | 100.00%  | 0/0  | —
            CATEGORY    | TOURISM            | 0/0   | —       | 0/1    | 0.00%   | 0/1  | 0.00%    | 0/0  | —
            CATEGORY    | ECOLOGY            | 0/0   | —       | 0/0    | —       | 0/0  | —        | 0/0  | —
            CATEGORY    | SOCIAL             | 1/1   | 100.00% | 0/0    | —       | 1/1  | 100.00%  | 1/1  | 100.00%
            LEVEL       | PROVINCIAL         | 1/1   | 100.00% | 1/1    | 100.00% | 2/2  | 100.00%  | 0/1  | 0.00%
            LEVEL       | MUNICIPAL          | 2/2   | 100.00% | 1/1    | 100.00% | 3/3  | 100.00%  | 2/2  | 100.00%
            LEVEL       | COUNTY             | 0/2   | 0.00%   | 0/1    | 0.00%   | 0/3  | 0.00%    | 0/0  | —
            TOTAL       |                    | 3/5   | 60.00%  | 2/3    | 66.67%  | 5/8  | 62.50%   | 2/3  | 66.67%
            """)
    void start_resume_and_completed_rates_by_group(Dimension dimension, String key, String start, String startRate,
                                                   String resume, String resumeRate, String both, String bothRate,
                                                   String done, String doneRate) {
        GroupFigures g = group(dimension, key);
        assertThat(g.start()).hasToString(start);
        assertThat(g.startRate().display()).isEqualTo(startRate);
        assertThat(g.resume()).hasToString(resume);
        assertThat(g.resumeRate().display()).isEqualTo(resumeRate);
        assertThat(g.startResume()).hasToString(both);
        assertThat(g.startResumeRate().display()).isEqualTo(bothRate);
        assertThat(g.completed()).hasToString(done);
        assertThat(g.completedProjectRate().display()).isEqualTo(doneRate);
    }

    /*
     * 入库 per counted project (reported YTD / entered YTD): A 500/200, B 0/0, C 1500/1500, D 1200/0, E 0/50, F 300/250,
     * G 80/80, L 100/100. In the 入库率 denominator: reported > 0 → A C D F G L; numerator also entered > 0 → A C F G L.
     */
    @ParameterizedTest(name = "{0} {1}: reported {2}, entered {3}, gap {4}, 入库率 {5} = {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # dimension | key                | reported | entered | gap  | tally | 入库率
            UNIT        | U1                 | 2000     | 1700    | 300  | 2/2   | 100.00%
            UNIT        | U2                 | 1600     | 400     | 1200 | 2/3   | 66.67%
            UNIT        | U3                 | 80       | 80      | 0    | 1/1   | 100.00%
            UNIT        | U4                 | 0        | 0       | 0    | 0/0   | —
            TOWNSHIP    | 城关镇             | 800      | 500     | 300  | 2/2   | 100.00%
            TOWNSHIP    | 东湖街道           | 2800     | 1600    | 1200 | 2/3   | 66.67%
            TOWNSHIP    | 西山镇             | 80       | 80      | 0    | 1/1   | 100.00%
            CATEGORY    | INDUSTRIAL         | 2000     | 1700    | 300  | 2/2   | 100.00%
            CATEGORY    | URBAN_CONSTRUCTION | 0        | 0       | 0    | 0/0   | —
            CATEGORY    | INFRASTRUCTURE     | 1200     | 50      | 1150 | 0/1   | 0.00%
            CATEGORY    | LIVELIHOOD         | 300      | 250     | 50   | 1/1   | 100.00%
            CATEGORY    | TOURISM            | 80       | 80      | 0    | 1/1   | 100.00%
            CATEGORY    | ECOLOGY            | 0        | 0       | 0    | 0/0   | —
            CATEGORY    | SOCIAL             | 100      | 100     | 0    | 1/1   | 100.00%
            LEVEL       | PROVINCIAL         | 1700     | 200     | 1500 | 1/2   | 50.00%
            LEVEL       | MUNICIPAL          | 1900     | 1850    | 50   | 3/3   | 100.00%
            LEVEL       | COUNTY             | 80       | 130     | -50  | 1/1   | 100.00%
            TOTAL       |                    | 3680     | 2180    | 1500 | 5/6   | 83.33%
            """)
    void entered_into_statistics_by_group(Dimension dimension, String key, String reported, String entered, String gap,
                                          String tally, String rate) {
        GroupFigures g = group(dimension, key);
        assertThat(g.ytdCompleted()).isEqualByComparingTo(reported);
        assertThat(g.ytdEntered()).isEqualByComparingTo(entered);
        assertThat(g.ytdEntryGap()).isEqualByComparingTo(gap);
        assertThat(g.entered()).hasToString(tally);
        assertThat(g.enteredRate().display()).isEqualTo(rate);
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void every_project_falls_in_exactly_one_group_so_the_groups_add_up_to_the_total(Dimension dimension) {
        List<GroupFigures> groups = FIGURES.byDimension(dimension, portfolio(), portfolioFeed());
        GroupFigures total = FIGURES.total(portfolio(), portfolioFeed());
        assertThat(groups.stream().mapToInt(GroupFigures::projectsCounted).sum()).isEqualTo(total.projectsCounted());
        assertThat(sum(groups, GroupFigures::planned)).isEqualByComparingTo(total.planned());
        assertThat(sum(groups, GroupFigures::ytdCompleted)).isEqualByComparingTo(total.ytdCompleted());
        assertThat(sum(groups, GroupFigures::previousYearYtdCompleted))
                .isEqualByComparingTo(total.previousYearYtdCompleted());
        assertThat(sum(groups, GroupFigures::ytdEntered)).isEqualByComparingTo(total.ytdEntered());
        assertThat(groups.stream().map(GroupFigures::start).reduce(Tally.NONE, Tally::plus)).isEqualTo(total.start());
        assertThat(groups.stream().map(GroupFigures::resume).reduce(Tally.NONE, Tally::plus)).isEqualTo(total.resume());
        assertThat(groups.stream().map(GroupFigures::completed).reduce(Tally.NONE, Tally::plus))
                .isEqualTo(total.completed());
        assertThat(groups.stream().map(GroupFigures::entered).reduce(Tally.NONE, Tally::plus))
                .isEqualTo(total.entered());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UNIT     | U1,U2,U3,U4
            TOWNSHIP | 东湖街道,城关镇,西山镇
            CATEGORY | ECOLOGY,INDUSTRIAL,INFRASTRUCTURE,LIVELIHOOD,SOCIAL,TOURISM,URBAN_CONSTRUCTION
            LEVEL    | COUNTY,MUNICIPAL,PROVINCIAL
            TOTAL    | ''
            """)
    void a_group_is_listed_even_when_none_of_its_projects_is_counted(Dimension dimension, String keys) {
        // Keys in natural String order; U4 and ECOLOGY have no counted project and are still listed with "—".
        assertThat(FIGURES.byDimension(dimension, portfolio(), portfolioFeed()).stream().map(GroupFigures::key))
                .containsExactly(keys.isEmpty() ? new String[]{""} : keys.split(","));
    }

    @Test
    void rates_are_computed_from_the_sums_never_averaged() {
        // U2: projects' c are 40 %, 0 %, 60 %, 100 % (mean 50 %); the unit's c is ΣC/ΣP = 1600/4200 = 38.10 %.
        GroupFigures u2 = group(Dimension.UNIT, "U2");
        assertThat(u2.completionRate()).isEqualTo(Rate.of(8, 21));
        assertThat(u2.lag()).isEqualTo(Rate.of(-5, 42));
        assertThat(FIGURES.total(portfolio(), portfolioFeed()).yoyGrowth()).isEqualTo(Rate.of(-11, 195));
    }

    @Test
    void a_project_without_a_township_is_grouped_under_the_empty_key() {
        ProjectFacts nowhere = Fixtures.project("Z").in("U9", null).plan(2026, "100").report("2026-02", "30", true)
                .build();
        Map<String, GroupFigures> byTownship = FIGURES.byKey(Dimension.TOWNSHIP, List.of(nowhere), EnteredInvestment.NONE);
        assertThat(byTownship).containsOnlyKeys("");
        assertThat(byTownship.get("").completionRate().display()).isEqualTo("30.00%");
    }

    @Test
    void zero_denominators_show_a_dash_never_zero_or_a_hundred_percent() {
        // Each rate's own zero denominator, taken from the tables above.
        assertThat(group(Dimension.UNIT, "U4").completionRate().display()).isEqualTo("—");          // ΣP = 0
        assertThat(group(Dimension.UNIT, "U4").lag().displayPoints()).isEqualTo("—");               // c absent
        assertThat(group(Dimension.CATEGORY, "LIVELIHOOD").yoyGrowth().display()).isEqualTo("—");   // base 0
        assertThat(group(Dimension.UNIT, "U3").startRate().display()).isEqualTo("—");               // no new due
        assertThat(group(Dimension.TOWNSHIP, "城关镇").resumeRate().display()).isEqualTo("—");       // no continued
        assertThat(group(Dimension.CATEGORY, "ECOLOGY").startResumeRate().display()).isEqualTo("—");// neither
        assertThat(group(Dimension.LEVEL, "COUNTY").completedProjectRate().display()).isEqualTo("—"); // none due
        assertThat(group(Dimension.CATEGORY, "URBAN_CONSTRUCTION").enteredRate().display()).isEqualTo("—"); // none reported
    }

    private static BigDecimal sum(List<GroupFigures> groups, java.util.function.Function<GroupFigures, BigDecimal> f) {
        return groups.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
