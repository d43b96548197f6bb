package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProjectPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static gov.keyproject.assessment.warning.ProjectFiles.day;
import static gov.keyproject.assessment.warning.ProjectFiles.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The colour rules of DOMAIN §5 at and around each threshold. Expected colours and reasons are worked out by hand
 * from the spec; reasons are written {@code CODE:LEVEL} separated by {@code ;}.
 */
class WarningRulesTest {

    /** D for most rows: p(D) = 2026-06, m = 6, t = 50 %, q (latest past deadline) = 2026-06. */
    private static final LocalDate D = day("2026-07-10");

    private final WarningRules rules = new WarningRules(WarningThresholds.DEFAULTS, AssessmentCalendar.DEFAULT);

    private Warning evaluate(ProjectFiles.Builder project, LocalDate today) {
        return rules.evaluate(project.build(), false, false, today);
    }

    private static List<String> reasons(Warning warning) {
        return warning.reasons().stream().map(r -> r.code() + ":" + r.level()).toList();
    }

    private static List<String> expected(String reasons) {
        return reasons == null || reasons.isBlank() ? List.of() : Arrays.stream(reasons.split(";")).map(String::trim)
                .toList();
    }

    private static void check(Warning warning, WarningColour colour, String expectedReasons) {
        assertThat(warning.coloured()).as("coloured").isTrue();
        assertThat(reasons(warning)).containsExactlyInAnyOrderElementsOf(expected(expectedReasons));
        assertThat(warning.colour()).isEqualTo(colour);
        assertThat(warning.reasons()).allSatisfy(r -> assertThat(r.text()).isNotBlank());
    }

    @Test
    void theDefaultFixtureIsGreen() {
        check(evaluate(project(), D), WarningColour.GREEN, "");
    }

    // ---- not started (new projects only) ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}, D − planned start = {1} d, started {2} d before D → {3} [{4}]")
    @CsvSource({
            "NEW,       -5,   , GREEN,  ",
            "NEW,        0,   , GREEN,  ",
            "NEW,        1,   , YELLOW, NOT_STARTED:YELLOW",
            "NEW,       30,   , YELLOW, NOT_STARTED:YELLOW",
            "NEW,       31,   , RED,    NOT_STARTED:RED",
            "NEW,      365,   , RED,    NOT_STARTED:RED",
            "CONTINUED,  1,   , GREEN,  ",
            "CONTINUED, 30,   , GREEN,  ",
            "CONTINUED, 31,   , GREEN,  ",
            "CONTINUED, 365,  , GREEN,  ",
            "NEW,        1,  1, GREEN,  ",
            "NEW,       31,  1, GREEN,  ",
            "NEW,       31,  0, GREEN,  ",
            "NEW,      365, 40, GREEN,  ",
    })
    void notStarted(ConstructionType type, int daysSincePlannedStart, Integer startedDaysBeforeD,
                    WarningColour colour, String expectedReasons) {
        ProjectFiles.Builder p = project().type(type).plannedStart(D.minusDays(daysSincePlannedStart));
        if (startedDaysBeforeD == null) {
            p.notStarted();
        } else {
            p.startDate(D.minusDays(startedDaysBeforeD));
        }
        check(evaluate(p, D), colour, expectedReasons);
    }

    // ---- milestone overdue (any milestone but 开工, no actual date) ------------------------------------------------

    @ParameterizedTest(name = "{0} planned {1} d before D, actual {2} d before D → {3} [{4}]")
    @CsvSource({
            "CONSTRUCTION_PERMIT,      -7,   , GREEN,  ",
            "CONSTRUCTION_PERMIT,       0,   , GREEN,  ",
            "CONSTRUCTION_PERMIT,       1,   , YELLOW, MILESTONE_OVERDUE:YELLOW",
            "CONSTRUCTION_PERMIT,      30,   , YELLOW, MILESTONE_OVERDUE:YELLOW",
            "CONSTRUCTION_PERMIT,      31,   , RED,    MILESTONE_OVERDUE:RED",
            "CONSTRUCTION_PERMIT,     200,   , RED,    MILESTONE_OVERDUE:RED",
            "PROJECT_APPROVAL,          1,   , YELLOW, MILESTONE_OVERDUE:YELLOW",
            "MAIN_STRUCTURE_COMPLETED, 31,   , RED,    MILESTONE_OVERDUE:RED",
            "PRODUCTION,               30,   , YELLOW, MILESTONE_OVERDUE:YELLOW",
            // 开工 is covered by the not-started rule, never by this one
            "START,                     1,   , GREEN,  ",
            "START,                    31,   , GREEN,  ",
            // reached (on time or late): no longer overdue
            "CONSTRUCTION_PERMIT,      31, 40, GREEN,  ",
            "CONSTRUCTION_PERMIT,      31,  0, GREEN,  ",
            "CONSTRUCTION_PERMIT,       1,  0, GREEN,  ",
    })
    void milestoneOverdue(MilestoneKind kind, int daysSincePlanned, Integer actualDaysBeforeD, WarningColour colour,
                          String expectedReasons) {
        ProjectFiles.Builder p = project().milestone(kind, D.minusDays(daysSincePlanned),
                actualDaysBeforeD == null ? null : D.minusDays(actualDaysBeforeD));
        check(evaluate(p, D), colour, expectedReasons);
    }

    @Test
    void everyOverdueMilestoneIsAReason() {
        ProjectFiles.Builder p = project()
                .milestone(MilestoneKind.PLANNING_PERMIT, D.minusDays(5), null)
                .milestone(MilestoneKind.CONSTRUCTION_PERMIT, D.minusDays(31), null)
                .milestone(MilestoneKind.MAIN_STRUCTURE_COMPLETED, D.plusDays(31), null);
        check(evaluate(p, D), WarningColour.RED, "MILESTONE_OVERDUE:YELLOW; MILESTONE_OVERDUE:RED");
    }

    // ---- behind 序时进度 (started projects only, m ≥ 4) -------------------------------------------------------------

    /**
     * P = 1200; the whole YTD C is reported in p(D)'s month, zero in the months before. d = 100·(C/P − m/12).
     */
    @ParameterizedTest(name = "D {0} (m = {1}), C = {2}, started {3}: d = {4} → {5}")
    @CsvSource({
            // m = 6, t = 50 %, t·P = 600
            "2026-07-10, 6, 600,    true,  0,       GREEN,  ",
            "2026-07-10, 6, 720,    true,  +10,     GREEN,  ",
            "2026-07-10, 6, 480.12, true,  -9.99,   GREEN,  ",
            "2026-07-10, 6, 480,    true,  -10,     YELLOW, BEHIND_SCHEDULE:YELLOW",
            "2026-07-10, 6, 360,    true,  -20,     YELLOW, BEHIND_SCHEDULE:YELLOW",
            "2026-07-10, 6, 240,    true,  -30,     YELLOW, BEHIND_SCHEDULE:YELLOW",
            "2026-07-10, 6, 239.88, true,  -30.01,  RED,    BEHIND_SCHEDULE:RED",
            "2026-07-10, 6, 0,      true,  -50,     RED,    BEHIND_SCHEDULE:RED",
            // m = 4, t = 1/3 (not a finite decimal): the thresholds are still met exactly
            "2026-05-10, 4, 280,    true,  -10,     YELLOW, BEHIND_SCHEDULE:YELLOW",
            "2026-05-10, 4, 280.01, true,  -9.9992, GREEN,  ",
            "2026-05-10, 4, 40,     true,  -30,     YELLOW, BEHIND_SCHEDULE:YELLOW",
            "2026-05-10, 4, 39.99,  true,  -30.0008,RED,    BEHIND_SCHEDULE:RED",
            "2026-05-10, 4, 0,      true,  -33.33,  RED,    BEHIND_SCHEDULE:RED",
            "2026-05-01, 4, 0,      true,  -33.33,  RED,    BEHIND_SCHEDULE:RED",
            // m = 3: the rule does not apply yet
            "2026-04-10, 3, 0,      true,  -25,     GREEN,  ",
            "2026-04-30, 3, 0,      true,  -25,     GREEN,  ",
            // m = 12 (D in January of the next year), t = 1
            "2027-01-10, 12, 1080,  true,  -10,     YELLOW, BEHIND_SCHEDULE:YELLOW",
            "2027-01-10, 12, 839.88,true,  -30.01,  RED,    BEHIND_SCHEDULE:RED",
            "2027-01-10, 12, 1200,  true,  0,       GREEN,  ",
            // not started (a continued project not yet under construction): never behind
            "2026-07-10, 6, 0,      false, -50,     GREEN,  ",
            "2026-05-10, 4, 0,      false, -33.33,  GREEN,  ",
    })
    void behindSchedule(LocalDate today, int m, String ytd, boolean started, String lag, WarningColour colour,
                        String expectedReasons) {
        YearMonth p = YearMonth.from(today).minusMonths(1);
        assertThat(p.getMonthValue()).isEqualTo(m);
        ProjectFiles.Builder b = project().noReports();
        for (YearMonth q = YearMonth.of(p.getYear(), 1); q.isBefore(p); q = q.plusMonths(1)) {
            b.report(q, "0", true);
        }
        b.report(p, ytd, true);
        if (!started) {
            b.type(ConstructionType.CONTINUED).notStarted().phase(ProjectPhase.PREPARATION);
        }
        check(evaluate(b, today), colour, expectedReasons);
    }

    @Test
    void reportsAfterTheAssessmentPeriodDoNotCount() {
        // D = 2026-07-10, p = 2026-06: C = 240 (d = −30, yellow); a July report must not lift it
        ProjectFiles.Builder b = project().noReports();
        for (int m = 1; m <= 5; m++) {
            b.report(YearMonth.of(2026, m), "0", true);
        }
        b.report(YearMonth.of(2026, 6), "240").report(YearMonth.of(2026, 7), "5000");
        check(evaluate(b, D), WarningColour.YELLOW, "BEHIND_SCHEDULE:YELLOW");
    }

    @Test
    void theLagIsOverTheYtdOfThePeriodsYearOnly() {
        // D = 2026-07-10: 2025's reports and plan are irrelevant; 2026 C = 600 of P = 1200 → on schedule
        ProjectFiles.Builder b = project().planned(2025, "100").report(YearMonth.of(2025, 12), "-5000");
        check(evaluate(b, D), WarningColour.GREEN, "");
    }

    // ---- report missing (漏报) -------------------------------------------------------------------------------------

    static Stream<Arguments> reportMissingCases() {
        YearMonth may = YearMonth.of(2026, 5);
        YearMonth june = YearMonth.of(2026, 6);
        return Stream.of(
                row("D on the 5th: q = May (filed); June not due yet", "2026-07-05",
                        b -> b.noReport(june), WarningColour.GREEN, ""),
                row("D on the 6th: q = June, not filed", "2026-07-06",
                        b -> b.noReport(june), WarningColour.RED, "REPORT_MISSING:RED"),
                row("D on the 6th: q = June, filed", "2026-07-06",
                        b -> b, WarningColour.GREEN, ""),
                row("D on the 6th: q = June, filed with zero investment", "2026-07-06",
                        b -> b.report(june, "0", false), WarningColour.GREEN, ""),
                row("D on the 5th: q = May, not filed", "2026-07-05",
                        b -> b.noReport(may), WarningColour.RED, "REPORT_MISSING:RED"),
                row("D on the 31st: q = June, not filed (June is also p(D))", "2026-07-31",
                        b -> b.noReport(june), WarningColour.RED, "REPORT_MISSING:RED"),
                row("registered after q's last day (q = May, registered 06-01)", "2026-07-05",
                        b -> b.noReports().report(june, "600").registeredOn(day("2026-06-01"))
                                .plannedStart(day("2026-06-01")).startDate(day("2026-06-01")),
                        WarningColour.GREEN, ""),
                row("registered after q's last day with a start dated back (q = May, registered 06-30, started 03-01)",
                        "2026-07-05", b -> b.noReports().report(june, "600").registeredOn(day("2026-06-30"))
                                .move(day("2026-03-01"), ProjectPhase.UNDER_CONSTRUCTION)
                                .plannedStart(day("2026-03-01")).startDate(day("2026-03-01")),
                        WarningColour.GREEN, ""),
                row("registered on q's last day (q = May, registered 05-31)", "2026-07-05",
                        b -> b.noReports().report(june, "600").registeredOn(day("2026-05-31"))
                                .plannedStart(day("2026-05-31")).startDate(day("2026-05-31")),
                        WarningColour.RED, "REPORT_MISSING:RED"),
                row("in RESERVE on q's last day (PREPARATION from 07-01)", "2026-07-06",
                        b -> b.type(ConstructionType.CONTINUED).notStarted().phase(ProjectPhase.PREPARATION)
                                .move(day("2026-01-01"), ProjectPhase.RESERVE)
                                .move(day("2026-07-01"), ProjectPhase.PREPARATION).noReports(),
                        WarningColour.GREEN, ""),
                row("in PREPARATION from q's last day (06-30)", "2026-07-06",
                        b -> b.type(ConstructionType.CONTINUED).notStarted().phase(ProjectPhase.PREPARATION)
                                .move(day("2026-01-01"), ProjectPhase.RESERVE)
                                .move(day("2026-06-30"), ProjectPhase.PREPARATION).noReports(),
                        WarningColour.RED, "REPORT_MISSING:RED"),
                row("SUSPENDED on q's last day, under construction again since 07-02", "2026-07-06",
                        b -> b.move(day("2026-01-01"), ProjectPhase.READY)
                                .move(day("2026-03-01"), ProjectPhase.UNDER_CONSTRUCTION)
                                .move(day("2026-06-15"), ProjectPhase.SUSPENDED)
                                .move(day("2026-07-02"), ProjectPhase.UNDER_CONSTRUCTION).noReport(june),
                        WarningColour.GREEN, ""),
                row("READY on q's last day, under construction since", "2026-07-06",
                        b -> b.move(day("2026-01-01"), ProjectPhase.READY)
                                .move(day("2026-07-02"), ProjectPhase.UNDER_CONSTRUCTION)
                                .startDate(day("2026-07-02")).noReport(june),
                        WarningColour.RED, "REPORT_MISSING:RED"),
                row("an older period missing does not count (q = June filed, May missing)", "2026-07-06",
                        b -> b.noReport(may), WarningColour.GREEN, ""));
    }

    private static Arguments row(String name, String today, UnaryOperator<ProjectFiles.Builder> setUp,
                                 WarningColour colour, String reasons) {
        return arguments(name, day(today), setUp, colour, reasons);
    }

    @ParameterizedTest(name = "{0} → {3} [{4}]")
    @MethodSource("reportMissingCases")
    void reportMissing(String name, LocalDate today, UnaryOperator<ProjectFiles.Builder> setUp, WarningColour colour,
                       String expectedReasons) {
        check(evaluate(setUp.apply(project()), today), colour, expectedReasons);
    }

    // ---- supervision overdue ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "overdue red notice {0}, open escalated red notice {1} → {2}")
    @CsvSource({
            "false, false, GREEN, ",
            "true,  false, RED,   SUPERVISION_OVERDUE:RED",
            "false, true,  RED,   SUPERVISION_OVERDUE:RED",
            "true,  true,  RED,   SUPERVISION_OVERDUE:RED",
    })
    void supervisionOverdue(boolean overdueRed, boolean escalatedRed, WarningColour colour, String expectedReasons) {
        check(rules.evaluate(project().build(), overdueRed, escalatedRed, D), colour, expectedReasons);
    }

    // ---- problem overdue -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "problem deadline D{0}, resolved {1} → {2}")
    @CsvSource({
            "+1,   false, GREEN,  ",
            "0,    false, GREEN,  ",
            "-1,   false, YELLOW, PROBLEM_OVERDUE:YELLOW",
            "-31,  false, YELLOW, PROBLEM_OVERDUE:YELLOW",
            "-365, false, YELLOW, PROBLEM_OVERDUE:YELLOW",
            "-1,   true,  GREEN,  ",
            "-31,  true,  GREEN,  ",
            ",     false, GREEN,  ",
    })
    void problemOverdue(Integer deadlineOffset, boolean resolved, WarningColour colour, String expectedReasons) {
        ProjectFiles.Builder b = project().problem(deadlineOffset == null ? null : D.plusDays(deadlineOffset),
                resolved);
        check(evaluate(b, D), colour, expectedReasons);
    }

    @Test
    void everyOverdueProblemIsAReason() {
        ProjectFiles.Builder b = project().problem(D.minusDays(1), false).problem(D.minusDays(2), false)
                .problem(D.minusDays(3), true);
        check(evaluate(b, D), WarningColour.YELLOW, "PROBLEM_OVERDUE:YELLOW; PROBLEM_OVERDUE:YELLOW");
    }

    // ---- 入库滞后 ---------------------------------------------------------------------------------------------------

    /** D = 2026-07-10, p(D) = June: the two periods before it are April and May. Empty = no feed row (0). */
    @ParameterizedTest(name = "Apr {0}/{1}, May {2}/{3}, Jun {4}/{5} (reported/entered), started {6} → {7}")
    @CsvSource({
            "100, 0,   100, 0,   100, 100, true,  YELLOW, ENTRY_LAGGING:YELLOW",
            "100,    , 100,    , 100, 100, true,  YELLOW, ENTRY_LAGGING:YELLOW",
            "100, 0,   100, 0,   100, 0,   true,  YELLOW, ENTRY_LAGGING:YELLOW",
            "100, 100, 100, 0,   100, 100, true,  GREEN,  ",
            "100, 0,   100, 50,  100, 100, true,  GREEN,  ",
            "100, 0.01,100, 0,   100, 100, true,  GREEN,  ",
            "0,   0,   100, 0,   100, 100, true,  GREEN,  ",
            "100, 0,   0,   0,   100, 100, true,  GREEN,  ",
            "100, 100, 100, 0,   100, 0,   true,  GREEN,  ",
            "100, 0,   100, 0,   100, 100, false, GREEN,  ",
    })
    void entryLagging(String aprReported, String aprEntered, String mayReported, String mayEntered,
                      String junReported, String junEntered, boolean started, WarningColour colour,
                      String expectedReasons) {
        ProjectFiles.Builder b = project().noEntries()
                .entered(YearMonth.of(2026, 1), "100").entered(YearMonth.of(2026, 2), "100")
                .entered(YearMonth.of(2026, 3), "100")
                .report(YearMonth.of(2026, 4), aprReported).report(YearMonth.of(2026, 5), mayReported)
                .report(YearMonth.of(2026, 6), junReported);
        if (aprEntered != null) {
            b.entered(YearMonth.of(2026, 4), aprEntered);
        }
        if (mayEntered != null) {
            b.entered(YearMonth.of(2026, 5), mayEntered);
        }
        if (junEntered != null) {
            b.entered(YearMonth.of(2026, 6), junEntered);
        }
        if (!started) {
            b.type(ConstructionType.CONTINUED).notStarted().phase(ProjectPhase.PREPARATION);
        }
        check(evaluate(b, D), colour, expectedReasons);
    }

    @Test
    void entryLaggingInJanuaryLooksAtOctoberAndNovember() {
        // D = 2027-01-10: p(D) = 2026-12, the two periods before it are 2026-10 and 2026-11
        LocalDate today = day("2027-01-10");
        ProjectFiles.Builder b = project();
        for (int m = 7; m <= 12; m++) {
            b.report(YearMonth.of(2026, m), "100").entered(YearMonth.of(2026, m), "100");
        }
        check(evaluate(b, today), WarningColour.GREEN, "");
        b.entered(YearMonth.of(2026, 10), "0").entered(YearMonth.of(2026, 11), "0");
        check(evaluate(b, today), WarningColour.YELLOW, "ENTRY_LAGGING:YELLOW");
    }

    // ---- colour = highest level, every reason listed ---------------------------------------------------------------

    @Test
    void aRedProjectListsItsYellowReasonsToo() {
        ProjectFiles.Builder b = project().notStarted().plannedStart(D.minusDays(5))
                .milestone(MilestoneKind.PLANNING_PERMIT, D.minusDays(40), null)
                .milestone(MilestoneKind.ENVIRONMENTAL_APPROVAL, D.minusDays(3), null)
                .problem(D.minusDays(1), false);
        check(evaluate(b, D), WarningColour.RED, "NOT_STARTED:YELLOW; MILESTONE_OVERDUE:RED; "
                + "MILESTONE_OVERDUE:YELLOW; PROBLEM_OVERDUE:YELLOW");
    }

    @Test
    void yellowReasonsOnlyGiveYellow() {
        ProjectFiles.Builder b = project().notStarted().plannedStart(D.minusDays(30))
                .milestone(MilestoneKind.PLANNING_PERMIT, D.minusDays(30), null).problem(D.minusDays(1), false);
        check(evaluate(b, D), WarningColour.YELLOW, "NOT_STARTED:YELLOW; MILESTONE_OVERDUE:YELLOW; "
                + "PROBLEM_OVERDUE:YELLOW");
    }

    @Test
    void everyRuleAtOnce() {
        // started and behind (C = 0 → d = −50, red), June missing on D = 07-06, April/May reported but not entered,
        // a milestone 1 day late, a problem 1 day late, an overdue red notice
        LocalDate today = day("2026-07-06");
        ProjectFiles.Builder b = project().noReports().noEntries()
                .report(YearMonth.of(2026, 1), "0").report(YearMonth.of(2026, 2), "0")
                .report(YearMonth.of(2026, 3), "0").report(YearMonth.of(2026, 4), "0.01")
                .report(YearMonth.of(2026, 5), "0.01")
                .milestone(MilestoneKind.CONSTRUCTION_PERMIT, today.minusDays(1), null)
                .problem(today.minusDays(1), false);
        Warning w = rules.evaluate(b.build(), true, false, today);
        check(w, WarningColour.RED, "BEHIND_SCHEDULE:RED; REPORT_MISSING:RED; SUPERVISION_OVERDUE:RED; "
                + "MILESTONE_OVERDUE:YELLOW; PROBLEM_OVERDUE:YELLOW; ENTRY_LAGGING:YELLOW");
        assertThat(w.reasons()).extracting(WarningReason::level).contains(WarningColour.YELLOW);
    }

    // ---- not coloured ----------------------------------------------------------------------------------------------

    static Stream<Arguments> colouredOrNot() {
        return Stream.of(
                arguments("counted, UNDER_CONSTRUCTION", (UnaryOperator<ProjectFiles.Builder>) b -> b, true),
                arguments("counted, READY", (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.READY),
                        true),
                arguments("counted, PREPARATION",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.PREPARATION), true),
                arguments("registered on p's last day (06-30)",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.registeredOn(day("2026-06-30")), true),
                arguments("planned for the year 0",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.planned(2026, "0"), false),
                arguments("no plan for the year (only next year's)",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.noPlan(2026).planned(2027, "1200"), false),
                arguments("registered after p's last day (07-01)",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.registeredOn(day("2026-07-01")), false),
                arguments("REVOKED", (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.REVOKED), false),
                arguments("RESERVE", (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.RESERVE), false),
                arguments("COMPLETED",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.COMPLETED), false),
                arguments("IN_PRODUCTION",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.IN_PRODUCTION), false),
                arguments("SUSPENDED",
                        (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.SUSPENDED), false));
    }

    /** Every row carries a red reason (a milestone 40 days late) and an overdue red notice. */
    @ParameterizedTest(name = "{0} → coloured {2}")
    @MethodSource("colouredOrNot")
    void onlyCountedActiveProjectsAreColoured(String name, UnaryOperator<ProjectFiles.Builder> setUp,
                                              boolean coloured) {
        ProjectFile file = setUp.apply(project().milestone(MilestoneKind.CONSTRUCTION_PERMIT, D.minusDays(40), null))
                .build();
        Warning w = rules.evaluate(file, true, true, D);
        assertThat(rules.coloured(file, D)).isEqualTo(coloured);
        if (coloured) {
            assertThat(w.coloured()).isTrue();
            assertThat(w.colour()).isEqualTo(WarningColour.RED);
        } else {
            assertThat(w).isEqualTo(Warning.NOT_COLOURED);
            assertThat(w.colour()).isEqualTo(WarningColour.GREEN);
            assertThat(w.reasons()).isEmpty();
            assertThat(w.coloured()).isFalse();
        }
    }

    /** Counted in p(D)'s year, not D's: in January the assessment is still about last year. */
    @ParameterizedTest(name = "D {0}, planned only for {1} → coloured {2}")
    @CsvSource({
            "2027-01-10, 2026, true",
            "2027-01-10, 2027, false",
            "2027-02-10, 2027, true",
            "2027-02-10, 2026, false",
    })
    void countedInTheAssessmentPeriodsYear(LocalDate today, int year, boolean coloured) {
        ProjectFile file = project().noPlan(2026).planned(year, "1200").build();
        assertThat(rules.coloured(file, today)).isEqualTo(coloured);
        assertThat(rules.evaluate(file, false, false, today).coloured()).isEqualTo(coloured);
    }
}
