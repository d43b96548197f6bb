package gov.keyproject.assessment.ranking;

import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.assessment.warning.ProjectFiles;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProjectPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static gov.keyproject.assessment.warning.ProjectFiles.day;
import static gov.keyproject.assessment.warning.ProjectFiles.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What a project or a deal adds to its unit's tally for p = 2026-06 (E = 2026-06-30): DOMAIN §3 (counted, 开复工),
 * §4 (资金到位率, paper projects) and §5 (milestones on time, penalties).
 */
class ContributionsTest {

    private static final YearMonth P = YearMonth.of(2026, 6);
    private static final Instant AT = Instant.parse("2026-07-10T00:00:00Z");

    private static Contribution of(ProjectFiles.Builder project) {
        return Contributions.ofProject(project.build(), List.of(), P);
    }

    // ---- 开工率 (new projects) --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "new, planned start {0}, started {1} → started {2} of due {3}")
    @CsvSource({
            "2026-06-30,           , 0, 1",
            "2026-07-01,           , 0, 0",
            "2025-11-01,           , 0, 1",
            "          ,           , 0, 0",
            "2026-03-01, 2026-03-01, 1, 1",
            "2026-03-01, 2026-06-30, 1, 1",
            "2026-03-01, 2026-07-01, 0, 1",
            "2026-08-01, 2026-05-01, 1, 1",
            "2026-08-01, 2026-06-30, 1, 1",
            "2026-08-01, 2026-07-01, 0, 0",
            "          , 2026-04-01, 1, 1",
    })
    void newProjectsStartRate(LocalDate plannedStart, LocalDate startDate, int started, int due) {
        Contribution c = of(project().type(ConstructionType.NEW).plannedStart(plannedStart).startDate(startDate));
        assertThat(c.newStarted()).isEqualTo(started);
        assertThat(c.newDue()).isEqualTo(due);
        assertThat(c.continued()).isZero();
        assertThat(c.continuedResumed()).isZero();
    }

    // ---- 复工率 (continued projects) --------------------------------------------------------------------------------

    @ParameterizedTest(name = "continued, work under way in [{0}], completed {1} → resumed {2}")
    @CsvSource({
            "2026-06,          ,           1",
            "2026-01,          ,           1",
            "2026-01;2026-07,  ,           1",
            "2026-07,          ,           0",
            "2025-12,          ,           0",
            "'',               ,           0",
            "'',               2026-06-30, 1",
            "'',               2026-01-15, 1",
            "'',               2026-07-01, 0",
            "'',               2025-12-31, 0",
            "2025-12,          2025-11-30, 0",
    })
    void continuedProjectsResumeRate(String underWay, LocalDate completed, int resumed) {
        ProjectFiles.Builder b = project().type(ConstructionType.CONTINUED).startDate(day("2025-04-01"))
                .plannedStart(day("2025-04-01")).completionDate(completed).noReports();
        for (YearMonth q = YearMonth.of(2025, 11); !q.isAfter(YearMonth.of(2026, 7)); q = q.plusMonths(1)) {
            b.report(q, "10", underWay.contains(q.toString()));
        }
        Contribution c = of(b);
        assertThat(c.continued()).isEqualTo(1);
        assertThat(c.continuedResumed()).isEqualTo(resumed);
        assertThat(c.newStarted()).isZero();
        assertThat(c.newDue()).isZero();
    }

    @Test
    void aMonthWithoutAnyReportDoesNotResume() {
        Contribution c = of(project().type(ConstructionType.CONTINUED).noReports());
        assertThat(c.continued()).isEqualTo(1);
        assertThat(c.continuedResumed()).isZero();
    }

    // ---- milestones on time ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} planned {1}, actual {2} → due {3}, on time {4}")
    @CsvSource({
            "CONSTRUCTION_PERMIT, 2026-06-30, 2026-06-30, 1, 1",
            "CONSTRUCTION_PERMIT, 2026-06-30, 2026-07-01, 1, 0",
            "CONSTRUCTION_PERMIT, 2026-06-30,           , 1, 0",
            "CONSTRUCTION_PERMIT, 2026-06-10, 2026-06-09, 1, 1",
            "CONSTRUCTION_PERMIT, 2026-01-01, 2025-12-01, 1, 1",
            "CONSTRUCTION_PERMIT, 2026-01-01, 2026-01-02, 1, 0",
            "CONSTRUCTION_PERMIT, 2026-07-01, 2026-06-01, 0, 0",
            "CONSTRUCTION_PERMIT, 2026-12-31,           , 0, 0",
            "CONSTRUCTION_PERMIT, 2025-12-31,           , 0, 0",
            "CONSTRUCTION_PERMIT, 2025-12-31, 2025-12-31, 0, 0",
            "CONSTRUCTION_PERMIT,           , 2026-03-01, 0, 0",
            "START,               2026-03-01, 2026-03-05, 1, 0",
            "START,               2026-03-01, 2026-03-01, 1, 1",
            "PROJECT_APPROVAL,    2026-02-01, 2026-01-20, 1, 1",
            "PRODUCTION,          2027-01-01,           , 0, 0",
    })
    void milestonesOnTime(MilestoneKind kind, LocalDate planned, LocalDate actual, int due, int onTime) {
        Contribution c = of(project().milestone(kind, planned, actual));
        assertThat(c.milestonesDue()).isEqualTo(due);
        assertThat(c.milestonesOnTime()).isEqualTo(onTime);
    }

    @Test
    void milestonesAddUp() {
        Contribution c = of(project()
                .milestone(MilestoneKind.PROJECT_APPROVAL, day("2026-01-10"), day("2026-01-10"))
                .milestone(MilestoneKind.CONSTRUCTION_PERMIT, day("2026-02-10"), day("2026-02-20"))
                .milestone(MilestoneKind.START, day("2026-03-01"), day("2026-03-01"))
                .milestone(MilestoneKind.MAIN_STRUCTURE_COMPLETED, day("2026-06-01"), null)
                .milestone(MilestoneKind.COMPLETION_ACCEPTANCE, day("2026-09-01"), null));
        assertThat(c.milestonesDue()).isEqualTo(4);
        assertThat(c.milestonesOnTime()).isEqualTo(2);
    }

    // ---- counted or not; notices ------------------------------------------------------------------------------------

    static Stream<Arguments> countedOrNot() {
        return Stream.of(
                arguments("counted", (UnaryOperator<ProjectFiles.Builder>) b -> b, true),
                arguments("registered on E", (UnaryOperator<ProjectFiles.Builder>) b -> b
                        .registeredOn(day("2026-06-30")), true),
                arguments("completed (still counted)", (UnaryOperator<ProjectFiles.Builder>) b -> b
                        .phase(ProjectPhase.COMPLETED).completionDate(day("2026-06-20")), true),
                arguments("planned 0 for the year", (UnaryOperator<ProjectFiles.Builder>) b -> b
                        .planned(2026, "0"), false),
                arguments("planned only for next year", (UnaryOperator<ProjectFiles.Builder>) b -> b
                        .noPlan(2026).planned(2027, "1200"), false),
                arguments("registered after E", (UnaryOperator<ProjectFiles.Builder>) b -> b
                        .registeredOn(day("2026-07-01")), false),
                arguments("REVOKED", (UnaryOperator<ProjectFiles.Builder>) b -> b.phase(ProjectPhase.REVOKED), false));
    }

    @ParameterizedTest(name = "{0} → counted {2}")
    @MethodSource("countedOrNot")
    void onlyCountedProjectsAddFiguresButEveryProjectAddsItsNotices(String name,
                                                                   UnaryOperator<ProjectFiles.Builder> setUp,
                                                                   boolean counted) {
        ProjectFiles.Builder b = setUp.apply(project()
                .milestone(MilestoneKind.CONSTRUCTION_PERMIT, day("2026-02-10"), day("2026-02-01")));
        Contribution c = Contributions.ofProject(b.build(), notices(), P);
        if (counted) {
            // C = 6 × 100 (Jan..Jun), P = 1200; new, started 03-01; one milestone due and on time
            assertThat(c.ytdCompleted()).isEqualByComparingTo("600");
            assertThat(c.planned()).isEqualByComparingTo("1200");
            assertThat(c.newStarted()).isEqualTo(1);
            assertThat(c.newDue()).isEqualTo(1);
            assertThat(c.milestonesDue()).isEqualTo(1);
            assertThat(c.milestonesOnTime()).isEqualTo(1);
        } else {
            assertThat(c.ytdCompleted()).isEqualByComparingTo("0");
            assertThat(c.planned()).isEqualByComparingTo("0");
            assertThat(List.of(c.newStarted(), c.newDue(), c.continuedResumed(), c.continued(), c.milestonesDue(),
                    c.milestonesOnTime())).containsOnly(0);
        }
        assertThat(c.fundsArrived()).isEqualByComparingTo("0");
        assertThat(c.agreed()).isEqualByComparingTo("0");
        assertThat(c.paperProjects()).isZero();
        // open yellow (one of them overdue), one open overdue red; closed, escalated and reminders cost nothing
        assertThat(c.openYellow()).isEqualTo(2);
        assertThat(c.overdueYellow()).isEqualTo(1);
        assertThat(c.openRed()).isEqualTo(1);
        assertThat(c.overdueRed()).isEqualTo(1);
    }

    @Test
    void ytdCompletedUsesJanuaryToPOnly() {
        Contribution c = of(project().report(YearMonth.of(2026, 7), "999").report(YearMonth.of(2025, 12), "999")
                .report(YearMonth.of(2026, 3), "100.55"));
        assertThat(c.ytdCompleted()).isEqualByComparingTo("600.55");
    }

    private static List<SupervisionNotice> notices() {
        LocalDate on = day("2026-06-01");
        List<SupervisionNotice> list = new ArrayList<>();
        list.add(notice("Y-open", WarningColour.YELLOW, on.plusDays(20)));
        list.add(notice("Y-overdue", WarningColour.YELLOW, on).acknowledge("u", on, AT, "")
                .markOverdue(on.plusDays(16), AT));
        list.add(notice("Y-escalated", WarningColour.YELLOW, on).markOverdue(on.plusDays(16), AT)
                .escalate("R-overdue", on.plusDays(16), AT, true));
        list.add(notice("R-overdue", WarningColour.RED, on).markOverdue(on.plusDays(8), AT));
        list.add(notice("R-closed", WarningColour.RED, on).markOverdue(on.plusDays(8), AT)
                .acknowledge("u", on.plusDays(9), AT, "").rectify("u", on.plusDays(9), AT, "")
                .close("op", on.plusDays(10), AT, ""));
        list.add(notice("G-open", WarningColour.GREEN, on));
        return list;
    }

    private static SupervisionNotice notice(String id, WarningColour colour, LocalDate on) {
        return SupervisionNotice.issue(id, ProjectFiles.CODE, "x", ProjectFiles.UNIT, colour, List.of(), on, AT,
                colour == WarningColour.RED ? 7 : 15, ProjectFiles.LEADER, null, "test");
    }

    // ---- deals -----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "signed {0}, terminated {1}, agreed {2}, arrived {3}, paper {4} → {5}/{6}, paper {7}")
    @CsvSource({
            "true,  false, 1000, 300,  false, 300,  1000, 0",
            "true,  false, 1000, 1500, false, 1500, 1000, 0",
            "true,  false, 1000,     , true,  0,    1000, 1",
            "true,  true,  1000, 300,  false, 0,    0,    0",
            "false, false,     ,     , false, 0,    0,    0",
            "false, true,      ,     , false, 0,    0,    0",
    })
    void dealsAddFundsWhileSignedAndNotTerminated(boolean signed, boolean terminated, BigDecimal agreed,
                                                 BigDecimal arrived, boolean paper, String funds, String inRate,
                                                 int paperProjects) {
        Contribution c = Contributions.ofDeal(signed, terminated, agreed, arrived, paper);
        assertThat(c.fundsArrived()).isEqualByComparingTo(funds);
        assertThat(c.agreed()).isEqualByComparingTo(inRate);
        assertThat(c.paperProjects()).isEqualTo(paperProjects);
        assertThat(c.ytdCompleted()).isEqualByComparingTo("0");
        assertThat(c.planned()).isEqualByComparingTo("0");
    }

    // ---- plus / minus ----------------------------------------------------------------------------------------------

    private static Contribution sample(int k) {
        return new Contribution(new BigDecimal("100.25").multiply(BigDecimal.valueOf(k)),
                new BigDecimal("1200.5").multiply(BigDecimal.valueOf(k)), k, 2 * k, 3 * k, 4 * k, 5 * k, 6 * k,
                new BigDecimal("7.07").multiply(BigDecimal.valueOf(k)), new BigDecimal("80").multiply(
                BigDecimal.valueOf(k)), 9 * k, 10 * k, 11 * k, 12 * k, 13 * k);
    }

    @Test
    void plusThenMinusIsTheIdentity() {
        Contribution a = sample(1);
        Contribution b = sample(3);
        assertThat(a.plus(b).minus(b).sameAs(a)).isTrue();
        assertThat(a.minus(b).plus(b).sameAs(a)).isTrue();
        assertThat(a.plus(Contribution.NONE).sameAs(a)).isTrue();
        assertThat(a.plus(a).plus(a).sameAs(sample(3))).isTrue();
        assertThat(sample(3).minus(a).minus(a).sameAs(a)).isTrue();
        // replacing one project's contribution in a tally: subtract the old, add the new
        Contribution tally = a.plus(b);
        assertThat(tally.minus(b).plus(sample(2)).sameAs(a.plus(sample(2)))).isTrue();
    }

    @Test
    void sameAsComparesAmountsNumerically() {
        Contribution one = new Contribution(new BigDecimal("1.0"), new BigDecimal("2"), 0, 0, 0, 0, 0, 0,
                new BigDecimal("3.10"), BigDecimal.ZERO, 0, 0, 0, 0, 0);
        Contribution same = new Contribution(new BigDecimal("1.00"), new BigDecimal("2.00"), 0, 0, 0, 0, 0, 0,
                new BigDecimal("3.1"), new BigDecimal("0.00"), 0, 0, 0, 0, 0);
        assertThat(one.sameAs(same)).isTrue();
        assertThat(same.sameAs(one)).isTrue();
    }

    static Stream<Arguments> oneFieldDiffers() {
        return IntStream.range(0, 15).mapToObj(i -> arguments(i));
    }

    @ParameterizedTest(name = "field {0} differs → not the same")
    @MethodSource("oneFieldDiffers")
    void anyFieldThatDiffersMakesItDifferent(int field) {
        Contribution a = sample(1);
        BigDecimal cent = new BigDecimal("0.01");
        int[] ints = new int[15];
        BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        switch (field) {
            case 0 -> amounts[0] = cent;
            case 1 -> amounts[1] = cent;
            case 8 -> amounts[2] = cent;
            case 9 -> amounts[3] = cent;
            default -> ints[field] = 1;
        }
        Contribution delta = new Contribution(amounts[0], amounts[1], ints[2], ints[3], ints[4], ints[5], ints[6],
                ints[7], amounts[2], amounts[3], ints[10], ints[11], ints[12], ints[13], ints[14]);
        assertThat(a.plus(delta).sameAs(a)).isFalse();
        assertThat(a.plus(delta).minus(delta).sameAs(a)).isTrue();
    }
}
