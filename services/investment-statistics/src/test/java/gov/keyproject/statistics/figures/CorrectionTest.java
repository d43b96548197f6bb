package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ProgressReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static gov.keyproject.statistics.figures.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A correction replaces the report it corrects (DOMAIN §2): figures move by the difference, never by the sum. Moving a
 * running YTD by each revision's delta gives exactly what recomputing from the latest reports gives.
 */
class CorrectionTest {

    private static final YearMonth P = YearMonth.of(2026, 6);
    private static final InvestmentFigures FIGURES = new InvestmentFigures(P, LocalDate.of(2026, 7, 10));

    /*
     * Project X (P = 1000), p = 2026-06. Each row is the next event; "running" is the YTD moved by the delta, and must
     * equal the YTD recomputed from the facts holding only each month's latest report.
     */
    @ParameterizedTest(name = "step {0}: {1} rev {2} = {3} → YTD {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # step | period  | rev | amount | previous | under way | delta | YTD   | by hand
            1      | 2026-03 | 1   | 100    |          | true      | 100   | 100   | first filing
            2      | 2026-05 | 1   | 200    |          | true      | 200   | 300   |
            3      | 2026-03 | 2   | 80     | 100      | true      | -20   | 280   | correction: −20, not +80 (380)
            4      | 2026-07 | 1   | 500    |          | true      | 500   | 280   | after p: outside the YTD
            5      | 2025-12 | 1   | 50     |          | true      | 50    | 280   | last year: outside the YTD
            6      | 2026-05 | 2   | 200    | 200      | false     | 0     | 280   | only the work flag changes
            7      | 2026-03 | 3   | 0      | 80       | false     | -80   | 200   | corrected to nothing
            8      | 2026-01 | 1   | 12.34  |          | true      | 12.34 | 212.34 | January
            9      | 2026-06 | 1   | 0.01   |          | true      | 0.01  | 212.35 | the period itself
            10     | 2026-06 | 2   | 0.00   | 0.01     | true      | -0.01 | 212.34 | to zero again
            """)
    void running_ytd_equals_recomputation_after_every_revision(int step, String period, int revision, String amount,
                                                               String previous, boolean underWay, String delta,
                                                               String ytd) {
        // The row describes the step-th event of SEQUENCE; replay everything up to it.
        ReportRevision last = SEQUENCE.get(step - 1);
        assertThat(last).isEqualTo(rev(period, revision, amount, previous, underWay));
        ProjectFacts facts = project("X").plan(2026, "1000").build();
        RunningYtd running = RunningYtd.zero(P);
        for (ReportRevision r : SEQUENCE.subList(0, step)) {
            facts = r.applyTo(facts);
            running = running.apply(r);
        }
        assertThat(last.delta()).isEqualByComparingTo(delta);
        assertThat(running.amount()).isEqualByComparingTo(ytd);
        assertThat(FIGURES.ytdCompleted(facts)).isEqualByComparingTo(running.amount());
        assertThat(FIGURES.project(facts, EnteredInvestment.NONE).ytdCompleted()).isEqualByComparingTo(running.amount());
    }

    private static final List<ReportRevision> SEQUENCE = List.of(
            rev("2026-03", 1, "100", null, true),
            rev("2026-05", 1, "200", null, true),
            rev("2026-03", 2, "80", "100", true),
            rev("2026-07", 1, "500", null, true),
            rev("2025-12", 1, "50", null, true),
            rev("2026-05", 2, "200", "200", false),
            rev("2026-03", 3, "0", "80", false),
            rev("2026-01", 1, "12.34", null, true),
            rev("2026-06", 1, "0.01", null, true),
            rev("2026-06", 2, "0.00", "0.01", true));

    private static ReportRevision rev(String period, int revision, String amount, String previous, boolean underWay) {
        return new ReportRevision("X", YearMonth.parse(period), revision, new BigDecimal(amount),
                previous == null ? null : new BigDecimal(previous), underWay);
    }

    @Test
    void the_facts_keep_only_the_latest_version() {
        ProjectFacts facts = project("X").plan(2026, "1000").build();
        for (ReportRevision r : SEQUENCE) {
            facts = r.applyTo(facts);
        }
        assertThat(facts.report(YearMonth.of(2026, 3))).contains(MonthlyReport.of("0", false));
        assertThat(facts.report(YearMonth.of(2026, 5))).contains(MonthlyReport.of("200", false));
        // The work flag follows the correction too: March's under-way version was replaced, May's as well,
        // but January and June still say under way, so the project has resumed.
        assertThat(FIGURES.isResumed(facts)).isTrue();
        assertThat(FIGURES.project(facts, EnteredInvestment.NONE).monthCompleted()).isEqualByComparingTo("0.00");
    }

    @Test
    void a_group_total_moved_by_deltas_equals_the_recomputed_group() {
        // Two projects of one unit, revisions interleaved; the unit's ΣC kept by deltas equals its recomputed ΣC.
        Map<String, ProjectFacts> facts = new HashMap<>(Map.of(
                "X", project("X").plan(2026, "1000").build(),
                "Y", project("Y").plan(2026, "500").build()));
        RunningYtd unit = RunningYtd.zero(P);
        List<ReportRevision> revisions = new ArrayList<>(List.of(
                new ReportRevision("X", YearMonth.of(2026, 2), 1, new BigDecimal("300"), null, true),
                new ReportRevision("Y", YearMonth.of(2026, 2), 1, new BigDecimal("150"), null, true),
                new ReportRevision("X", YearMonth.of(2026, 2), 2, new BigDecimal("250"), new BigDecimal("300"), true),
                new ReportRevision("Y", YearMonth.of(2026, 4), 1, new BigDecimal("75.50"), null, true),
                new ReportRevision("Y", YearMonth.of(2026, 2), 2, new BigDecimal("160"), new BigDecimal("150"), true)));
        for (ReportRevision r : revisions) {
            facts.put(r.projectCode(), r.applyTo(facts.get(r.projectCode())));
            unit = unit.apply(r);
            assertThat(unit.amount()).isEqualByComparingTo(
                    FIGURES.total(facts.values(), EnteredInvestment.NONE).ytdCompleted());
        }
        // X 250 + Y 160 + 75.50 = 485.50; summing every version would give 300+150+250+75.50+160 = 935.50.
        assertThat(unit.amount()).isEqualByComparingTo("485.50");
        assertThat(FIGURES.total(facts.values(), EnteredInvestment.NONE).completionRate().display())
                .isEqualTo("32.37%"); // 485.5 / 1500 = 0.323666…
    }

    @Test
    void a_revision_is_read_from_the_registry_event() {
        ProgressReported first = new ProgressReported("X", "U1", YearMonth.of(2026, 3), 1, new BigDecimal("100"), null,
                new BigDecimal("100"), true, "基础施工", 20, 0, "system-u1", false, LocalDate.of(2026, 4, 2));
        ProgressReported correction = new ProgressReported("X", "U1", YearMonth.of(2026, 3), 2, new BigDecimal("80"),
                new BigDecimal("100"), new BigDecimal("-20"), false, "基础施工", 20, 0, "operator", true,
                LocalDate.of(2026, 4, 9));
        ReportRevision r1 = ReportRevision.from(first);
        ReportRevision r2 = ReportRevision.from(correction);
        assertThat(r1.delta()).isEqualByComparingTo(first.delta());
        assertThat(r2.delta()).isEqualByComparingTo(correction.delta());
        assertThat(RunningYtd.zero(P).apply(r1).apply(r2).amount()).isEqualByComparingTo("80");
        assertThat(r2.report()).isEqualTo(MonthlyReport.of("80", false));
    }

    @Test
    void inconsistent_revisions_are_refused() {
        assertThatThrownBy(() -> rev("2026-03", 1, "10", "5", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rev("2026-03", 2, "10", null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rev("2026-03", 0, "10", null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rev("2026-03", 1, "-10", null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rev("2026-03", 1, "10.001", null, true)).isInstanceOf(IllegalArgumentException.class);
        ReportRevision ofX = rev("2026-03", 1, "10", null, true);
        assertThatThrownBy(() -> ofX.applyTo(project("Y").build())).isInstanceOf(IllegalArgumentException.class);
    }
}
