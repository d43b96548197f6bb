package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ConstructionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static gov.keyproject.contracts.project.ConstructionType.CONTINUED;
import static gov.keyproject.contracts.project.ConstructionType.NEW;
import static gov.keyproject.statistics.figures.Fixtures.FIGURES;
import static gov.keyproject.statistics.figures.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of 开工率, 复工率, 开复工率 and 竣工率 (DOMAIN §3), one project at a time, for p = 2026-06
 * (E = 2026-06-30) as of D = 2026-07-10 unless a row says otherwise.
 */
class StartResumeCompletionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | planned start | started    | due   | started by E
            planned exactly on E, not started        | 2026-06-30    | -          | true  | false
            planned the day after E, not started     | 2026-07-01    | -          | false | false
            planned after E, started on E            | 2026-07-01    | 2026-06-30 | true  | true
            planned after E, started early           | 2026-08-01    | 2026-04-10 | true  | true
            planned on E, started the day after E    | 2026-06-30    | 2026-07-01 | true  | false
            planned before E, started after E        | 2026-05-01    | 2026-07-02 | true  | false
            no planned start, not started            | -             | -          | false | false
            no planned start, started                | -             | 2026-05-01 | true  | true
            planned and started last year            | 2025-10-01    | 2025-12-15 | true  | true
            planned last year, never started         | 2025-10-01    | -          | true  | false
            planned January 1st, started on E        | 2026-01-01    | 2026-06-30 | true  | true
            """)
    void start_rate_edges(String name, String plannedStart, String started, boolean due, boolean startedByE) {
        ProjectFacts facts = project("N").type(NEW).plan(2026, "100").plannedStart(plannedStart).started(started)
                .build();
        assertThat(FIGURES.isStartDue(facts)).isEqualTo(due);
        assertThat(FIGURES.isStarted(facts)).isEqualTo(startedByE);
        ProjectFigures f = FIGURES.project(facts, EnteredInvestment.NONE);
        assertThat(f.startTally()).isEqualTo(Tally.of(due, startedByE));
        assertThat(f.resumeTally()).isEqualTo(Tally.NONE); // a new project never enters 复工率
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                          | planned completion | completed  | due   | completed in y by E
            planned exactly on E, not completed             | 2026-06-30         | -          | true  | false
            planned the day after E, not completed          | 2026-07-01         | -          | false | false
            planned after E, completed on E                 | 2026-07-01         | 2026-06-30 | true  | true
            planned next year, completed early this year    | 2027-03-31         | 2026-01-01 | true  | true
            planned on E, completed the day after E         | 2026-06-30         | 2026-07-01 | true  | false
            planned and completed in the previous year      | 2025-12-31         | 2025-12-20 | false | false
            planned this year, completed in the previous    | 2026-03-31         | 2025-12-20 | true  | false
            planned last year, completed this year          | 2025-11-30         | 2026-02-01 | true  | true
            planned last year, still not completed          | 2025-11-30         | -          | false | false
            planned January 1st                             | 2026-01-01         | -          | true  | false
            no planned completion, not completed            | -                  | -          | false | false
            no planned completion, completed by E           | -                  | 2026-06-01 | true  | true
            """)
    void completed_rate_edges(String name, String plannedCompletion, String completed, boolean due, boolean completedByE) {
        for (ConstructionType type : ConstructionType.values()) { // 竣工率 takes new and continued projects alike
            ProjectFacts facts = project("Q").type(type).plan(2026, "100").plannedCompletion(plannedCompletion)
                    .completed(completed).build();
            assertThat(FIGURES.isCompletionDue(facts)).isEqualTo(due);
            assertThat(FIGURES.isCompletedInYear(facts)).isEqualTo(completedByE);
            assertThat(FIGURES.project(facts, EnteredInvestment.NONE).completedTally())
                    .isEqualTo(Tally.of(due, completedByE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                        | reports (period=under way)        | completed  | resumed
            no report, not completed                      |                                   | -          | false
            January report under way                      | 2026-01=true                      | -          | true
            report for p under way                        | 2026-06=true                      | -          | true
            only the report after p is under way          | 2026-06=false;2026-07=true        | -          | false
            only last year's December under way           | 2025-12=true;2026-01=false        | -          | false
            reports all say not under way                 | 2026-03=false;2026-04=false       | -          | false
            under way once, stopped again since           | 2026-02=true;2026-03=false        | -          | true
            no report under way but completed on E        | 2026-05=false                     | 2026-06-30 | true
            completed the day after E                     |                                   | 2026-07-01 | false
            completed in the previous year                |                                   | 2025-12-31 | false
            """)
    void resume_rate_edges(String name, String reports, String completed, boolean resumed) {
        Fixtures.Builder b = project("C").type(CONTINUED).plan(2026, "100").completed(completed);
        if (reports != null) {
            for (String r : reports.split(";")) {
                String[] kv = r.split("=");
                b.report(kv[0], "10", Boolean.parseBoolean(kv[1]));
            }
        }
        ProjectFacts facts = b.build();
        assertThat(FIGURES.isResumed(facts)).isEqualTo(resumed);
        ProjectFigures f = FIGURES.project(facts, EnteredInvestment.NONE);
        assertThat(f.resumeTally()).isEqualTo(Tally.of(true, resumed)); // every continued project is due
        assertThat(f.startTally()).isEqualTo(Tally.NONE);           // a continued project never enters 开工率
    }

    @Test
    void january_resume_looks_only_at_january() {
        ProjectFacts facts = project("C").type(CONTINUED).plan(2026, "100")
                .report("2025-12", "10", true).report("2026-01", "0", false).report("2026-02", "10", true).build();
        InvestmentFigures january = new InvestmentFigures(YearMonth.of(2026, 1), LocalDate.of(2026, 2, 10));
        InvestmentFigures february = new InvestmentFigures(YearMonth.of(2026, 2), LocalDate.of(2026, 3, 10));
        assertThat(january.isResumed(facts)).isFalse();
        assertThat(february.isResumed(facts)).isTrue();
    }

    /**
     * 开复工率 = (new started + continued resumed) / (new due or started + continued), here with
     * new: N1 started (1/1), N2 due not started (0/1), N3 not due (0/0); continued: C1 resumed (1/1), C2 not (0/1)
     * → (1 + 1) / (2 + 2) = 50.00 %; 开工率 1/2, 复工率 1/2. Not the average of the two rates by accident: add C3 resumed
     * → 开工率 1/2 = 50 %, 复工率 2/3 = 66.67 %, 开复工率 3/5 = 60.00 % (the average would be 58.33 %).
     */
    @Test
    void start_resume_rate_pools_the_counts() {
        List<ProjectFacts> projects = new java.util.ArrayList<>(List.of(
                project("N1").type(NEW).plan(2026, "1").plannedStart("2026-03-01").started("2026-03-02").build(),
                project("N2").type(NEW).plan(2026, "1").plannedStart("2026-06-30").build(),
                project("N3").type(NEW).plan(2026, "1").plannedStart("2026-09-01").build(),
                project("C1").type(CONTINUED).plan(2026, "1").report("2026-04", "1", true).build(),
                project("C2").type(CONTINUED).plan(2026, "1").report("2026-04", "1", false).build()));
        GroupFigures g = FIGURES.total(projects, EnteredInvestment.NONE);
        assertThat(g.start()).isEqualTo(new Tally(1, 2));
        assertThat(g.resume()).isEqualTo(new Tally(1, 2));
        assertThat(g.startResume()).isEqualTo(new Tally(2, 4));
        assertThat(g.startResumeRate().display()).isEqualTo("50.00%");

        projects.add(project("C3").type(CONTINUED).plan(2026, "1").completed("2026-05-05").build());
        g = FIGURES.total(projects, EnteredInvestment.NONE);
        assertThat(g.startRate().display()).isEqualTo("50.00%");
        assertThat(g.resumeRate().display()).isEqualTo("66.67%");
        assertThat(g.startResume()).isEqualTo(new Tally(3, 5));
        assertThat(g.startResumeRate().display()).isEqualTo("60.00%");
    }

    @Test
    void an_uncounted_project_enters_no_rate() {
        ProjectFacts revokedNew = project("R").type(NEW).plan(2026, "100").plannedStart("2026-01-01").revoked("2026-07-01")
                .build();
        ProjectFacts lateContinued = project("L").type(CONTINUED).plan(2026, "100").registered("2026-07-01")
                .plannedCompletion("2026-03-01").report("2026-06", "5", true).build();
        GroupFigures g = FIGURES.total(List.of(revokedNew, lateContinued), EnteredInvestment.NONE);
        assertThat(g.projectsCounted()).isZero();
        assertThat(List.of(g.startRate(), g.resumeRate(), g.startResumeRate(), g.completedProjectRate(),
                g.enteredRate())).allSatisfy(r -> assertThat(r.display()).isEqualTo("—"));
    }
}
