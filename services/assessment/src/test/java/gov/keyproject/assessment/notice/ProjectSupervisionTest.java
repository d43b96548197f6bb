package gov.keyproject.assessment.notice;

import gov.keyproject.assessment.warning.AssessmentCalendar;
import gov.keyproject.assessment.warning.ProjectFiles;
import gov.keyproject.assessment.warning.Warning;
import gov.keyproject.assessment.warning.WarningThresholds;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.assessment.ColourChanged;
import gov.keyproject.contracts.assessment.NoticeChanged;
import gov.keyproject.contracts.assessment.NoticeIssued;
import gov.keyproject.contracts.assessment.NoticeStep;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import gov.keyproject.contracts.project.MilestoneKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static gov.keyproject.assessment.warning.ProjectFiles.day;
import static gov.keyproject.assessment.warning.ProjectFiles.project;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices through {@link ProjectSupervision#evaluate} (DOMAIN §5): turning yellow or red issues one notice, never a
 * second open one of a colour; an overdue yellow escalates; reminders follow their condition.
 */
class ProjectSupervisionTest {

    private static final LocalDate D = day("2026-07-10");
    private static final Instant AT = Instant.parse("2026-07-10T00:30:00Z");
    private static final Warning GREEN = new Warning(WarningColour.GREEN, List.of(), true);

    private final ProjectSupervision supervision = new ProjectSupervision(WarningThresholds.DEFAULTS,
            AssessmentCalendar.DEFAULT);

    private ProjectSupervision.Outcome evaluate(ProjectFiles.Builder project, Warning previous,
                                                List<SupervisionNotice> before, LocalDate today) {
        return supervision.evaluate(project.build(), previous, before, today, AT);
    }

    private static List<SupervisionNotice> of(ProjectSupervision.Outcome o, WarningColour colour) {
        return o.notices().stream().filter(n -> n.colour() == colour).toList();
    }

    private static List<SupervisionNotice> open(ProjectSupervision.Outcome o, WarningColour colour) {
        return o.notices().stream().filter(n -> n.colour() == colour && n.open()).toList();
    }

    private static long issuedEvents(ProjectSupervision.Outcome o) {
        return o.events().stream().filter(e -> e instanceof NoticeIssued).count();
    }

    /** Yellow: a problem one day past its deadline. */
    private static ProjectFiles.Builder yellowProject() {
        return project().problem(D.minusDays(1), false);
    }

    /** Red: a milestone 31 days late. */
    private static ProjectFiles.Builder redProject() {
        return project().milestone(MilestoneKind.CONSTRUCTION_PERMIT, D.minusDays(31), null);
    }

    @Test
    void aGreenProjectStaysQuiet() {
        ProjectSupervision.Outcome o = evaluate(project(), GREEN, List.of(), D);
        assertThat(o.warning().colour()).isEqualTo(WarningColour.GREEN);
        assertThat(o.notices()).isEmpty();
        assertThat(o.events()).isEmpty();
        assertThat(o.changed()).isFalse();
    }

    @Test
    void turningYellowIssuesOneYellowNoticeDueIn15Days() {
        ProjectSupervision.Outcome o = evaluate(yellowProject(), GREEN, List.of(), D);
        assertThat(o.warning().colour()).isEqualTo(WarningColour.YELLOW);
        assertThat(o.notices()).hasSize(1);
        SupervisionNotice n = o.notices().get(0);
        assertThat(n.colour()).isEqualTo(WarningColour.YELLOW);
        assertThat(n.stage()).isEqualTo(NoticeStage.ISSUED);
        assertThat(n.issuedOn()).isEqualTo(D);
        assertThat(n.deadline()).isEqualTo(day("2026-07-25"));
        assertThat(n.copiedTo()).isNull();
        assertThat(n.escalatedFrom()).isNull();
        assertThat(n.projectCode()).isEqualTo(ProjectFiles.CODE);
        assertThat(n.unitCode()).isEqualTo(ProjectFiles.UNIT);
        assertThat(n.reasons()).extracting(WarningReason::code).containsExactly("PROBLEM_OVERDUE");
        assertThat(o.events()).hasSize(2);
        assertThat(o.events()).filteredOn(e -> e instanceof ColourChanged).singleElement()
                .satisfies(e -> {
                    ColourChanged c = (ColourChanged) e;
                    assertThat(c.from()).isEqualTo(WarningColour.GREEN);
                    assertThat(c.to()).isEqualTo(WarningColour.YELLOW);
                    assertThat(c.asOf()).isEqualTo(D);
                });
        assertThat(issuedEvents(o)).isEqualTo(1);
    }

    @Test
    void turningRedIssuesOneRedNoticeDueIn7DaysCopiedToTheLeader() {
        ProjectSupervision.Outcome o = evaluate(redProject().problem(D.minusDays(1), false), GREEN, List.of(), D);
        assertThat(o.warning().colour()).isEqualTo(WarningColour.RED);
        assertThat(o.notices()).hasSize(1);
        SupervisionNotice n = o.notices().get(0);
        assertThat(n.colour()).isEqualTo(WarningColour.RED);
        assertThat(n.deadline()).isEqualTo(day("2026-07-17"));
        assertThat(n.copiedTo()).isEqualTo(ProjectFiles.LEADER);
        assertThat(n.reasons()).extracting(WarningReason::code)
                .containsExactlyInAnyOrder("MILESTONE_OVERDUE", "PROBLEM_OVERDUE");
    }

    @Test
    void reEvaluatingNeverDuplicatesANotice() {
        ProjectSupervision.Outcome first = evaluate(yellowProject(), GREEN, List.of(), D);
        // the next sweep, with the state it left
        ProjectSupervision.Outcome again = evaluate(yellowProject(), first.warning(), first.notices(), D.plusDays(1));
        assertThat(again.notices()).isEqualTo(first.notices());
        assertThat(again.events()).isEmpty();
        // a re-delivered trigger that still believes the project was green
        ProjectSupervision.Outcome redelivered = evaluate(yellowProject(), GREEN, first.notices(), D);
        assertThat(open(redelivered, WarningColour.YELLOW)).hasSize(1);
        assertThat(issuedEvents(redelivered)).isZero();

        ProjectSupervision.Outcome red = evaluate(redProject(), GREEN, List.of(), D);
        ProjectSupervision.Outcome redAgain = evaluate(redProject(), GREEN, red.notices(), D.plusDays(1));
        assertThat(open(redAgain, WarningColour.RED)).hasSize(1);
        assertThat(issuedEvents(redAgain)).isZero();
    }

    @Test
    void yellowThenRedGivesOneOfEach() {
        // a milestone planned 06-19: 21 days late on 07-10 (yellow), 31 days late on 07-20 (red)
        ProjectFiles.Builder p = project().milestone(MilestoneKind.PLANNING_PERMIT, day("2026-06-19"), null);
        ProjectSupervision.Outcome yellow = evaluate(p, GREEN, List.of(), D);
        assertThat(yellow.warning().colour()).isEqualTo(WarningColour.YELLOW);
        ProjectSupervision.Outcome red = evaluate(p, yellow.warning(), yellow.notices(), day("2026-07-20"));
        assertThat(red.warning().colour()).isEqualTo(WarningColour.RED);
        assertThat(open(red, WarningColour.YELLOW)).hasSize(1);
        assertThat(open(red, WarningColour.RED)).singleElement().satisfies(n -> {
            assertThat(n.deadline()).isEqualTo(day("2026-07-27"));
            assertThat(n.escalatedFrom()).isNull();
        });
        assertThat(red.notices()).extracting(SupervisionNotice::id).doesNotHaveDuplicates();
    }

    // ---- deadlines and escalation ----------------------------------------------------------------------------------

    @Test
    void aYellowNoticeIsNotOverdueOnItsDeadlineDay() {
        ProjectSupervision.Outcome first = evaluate(yellowProject(), GREEN, List.of(), D);
        ProjectSupervision.Outcome onDeadline = evaluate(yellowProject(), first.warning(), first.notices(),
                day("2026-07-25"));
        assertThat(onDeadline.notices()).singleElement().satisfies(n -> {
            assertThat(n.overdue()).isFalse();
            assertThat(n.stage()).isEqualTo(NoticeStage.ISSUED);
        });
        assertThat(onDeadline.events()).isEmpty();
    }

    @Test
    void anOverdueYellowEscalatesToANewRedNotice() {
        ProjectSupervision.Outcome first = evaluate(yellowProject(), GREEN, List.of(), D);
        SupervisionNotice yellow = first.notices().get(0);
        LocalDate late = day("2026-07-26");
        ProjectSupervision.Outcome o = evaluate(yellowProject(), first.warning(), first.notices(), late);

        assertThat(of(o, WarningColour.YELLOW)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo(yellow.id());
            assertThat(y.stage()).isEqualTo(NoticeStage.ESCALATED);
            assertThat(y.open()).isFalse();
            assertThat(y.overdue()).isTrue();
            assertThat(y.trail()).extracting(NoticeStep::action).containsExactly("ISSUE", "MARK_OVERDUE",
                    "ESCALATE");
        });
        SupervisionNotice escalated = of(o, WarningColour.YELLOW).get(0);
        assertThat(of(o, WarningColour.RED)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(escalated.escalatedTo());
            assertThat(r.escalatedFrom()).isEqualTo(yellow.id());
            assertThat(r.issuedOn()).isEqualTo(late);
            assertThat(r.deadline()).isEqualTo(day("2026-08-02"));
            assertThat(r.copiedTo()).isEqualTo(ProjectFiles.LEADER);
            assertThat(r.stage()).isEqualTo(NoticeStage.ISSUED);
            assertThat(r.open()).isTrue();
        });
        // the project is now red for supervision overdue, and no second red notice is issued for turning red
        assertThat(o.warning().colour()).isEqualTo(WarningColour.RED);
        assertThat(o.warning().reasons()).extracting(r -> r.code() + ":" + r.level())
                .containsExactlyInAnyOrder("SUPERVISION_OVERDUE:RED", "PROBLEM_OVERDUE:YELLOW");
        assertThat(issuedEvents(o)).isEqualTo(1);
        assertThat(o.events()).filteredOn(e -> e instanceof NoticeChanged)
                .extracting(e -> ((NoticeChanged) e).step().action()).containsExactly("MARK_OVERDUE", "ESCALATE");
        assertThat(o.events()).filteredOn(e -> e instanceof ColourChanged).singleElement()
                .satisfies(e -> assertThat(((ColourChanged) e).to()).isEqualTo(WarningColour.RED));

        // the next day: nothing new
        ProjectSupervision.Outcome next = evaluate(yellowProject(), o.warning(), o.notices(), late.plusDays(1));
        assertThat(next.events()).isEmpty();
        assertThat(next.notices()).isEqualTo(o.notices());
    }

    @Test
    void anOverdueYellowIsLinkedToTheOpenRedNoticeInsteadOfIssuingAnother() {
        // yellow on 07-10 (deadline 07-25), red on 07-20 (deadline 07-27); on 07-26 the yellow is overdue
        ProjectFiles.Builder p = project().milestone(MilestoneKind.PLANNING_PERMIT, day("2026-06-19"), null);
        ProjectSupervision.Outcome yellow = evaluate(p, GREEN, List.of(), D);
        ProjectSupervision.Outcome red = evaluate(p, yellow.warning(), yellow.notices(), day("2026-07-20"));
        SupervisionNotice redNotice = open(red, WarningColour.RED).get(0);

        ProjectSupervision.Outcome o = evaluate(p, red.warning(), red.notices(), day("2026-07-26"));
        assertThat(o.notices()).hasSize(2);
        assertThat(of(o, WarningColour.YELLOW)).singleElement().satisfies(y -> {
            assertThat(y.stage()).isEqualTo(NoticeStage.ESCALATED);
            assertThat(y.escalatedTo()).isEqualTo(redNotice.id());
        });
        assertThat(of(o, WarningColour.RED)).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(redNotice.id());
            assertThat(r.escalatedFrom()).isNull();
            assertThat(r.overdue()).isFalse();
            assertThat(r.open()).isTrue();
        });
        assertThat(issuedEvents(o)).isZero();
    }

    @Test
    void anOverdueRedNoticeStaysOverdueAfterAcknowledgingAndMakesTheProjectRed() {
        ProjectSupervision.Outcome red = evaluate(redProject(), GREEN, List.of(), D);
        // the unit acknowledges, then the deadline (07-17) passes
        SupervisionNotice acknowledged = red.notices().get(0).acknowledge("unit", D.plusDays(1), AT, "领办");
        ProjectSupervision.Outcome o = evaluate(redProject(), red.warning(), List.of(acknowledged), day("2026-07-18"));
        assertThat(o.notices()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo("OVERDUE");
            assertThat(n.stage()).isEqualTo(NoticeStage.ACKNOWLEDGED);
            assertThat(n.open()).isTrue();
        });
        assertThat(o.warning().reasons()).extracting(WarningReason::code).contains("SUPERVISION_OVERDUE");
        SupervisionNotice rectified = o.notices().get(0).rectify("unit", day("2026-07-19"), AT, "已整改");
        assertThat(rectified.status()).isEqualTo("OVERDUE");
        SupervisionNotice closed = rectified.close("operator", day("2026-07-20"), AT, "销号");
        assertThat(closed.status()).isEqualTo("CLOSED");
        // a closed red notice is no longer a reason, and a red notice is not re-issued while the colour stays red
        ProjectSupervision.Outcome after = evaluate(redProject(), o.warning(), List.of(closed), day("2026-07-20"));
        assertThat(after.warning().reasons()).extracting(WarningReason::code).doesNotContain("SUPERVISION_OVERDUE");
        assertThat(after.notices()).containsExactly(closed);
    }

    // ---- green reminders -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} planned D+{1} → reminder {2}")
    @CsvSource({
            "MAIN_STRUCTURE_COMPLETED, -1, false",
            "MAIN_STRUCTURE_COMPLETED,  0, true",
            "MAIN_STRUCTURE_COMPLETED,  1, true",
            "MAIN_STRUCTURE_COMPLETED,  7, true",
            "MAIN_STRUCTURE_COMPLETED,  8, false",
            "MAIN_STRUCTURE_COMPLETED, 30, false",
            "START,                     7, true",
            "START,                     8, false",
    })
    void aReminderForAMilestoneWithinSevenDays(MilestoneKind kind, int daysAhead, boolean reminder) {
        ProjectFiles.Builder p = project().milestone(kind, D.plusDays(daysAhead), null);
        ProjectSupervision.Outcome o = evaluate(p, GREEN, List.of(), D);
        assertThat(open(o, WarningColour.GREEN)).hasSize(reminder ? 1 : 0);
        if (reminder) {
            SupervisionNotice n = open(o, WarningColour.GREEN).get(0);
            assertThat(n.deadline()).isNull();
            assertThat(n.copiedTo()).isNull();
            assertThat(n.reasons()).singleElement().satisfies(r -> assertThat(r.level())
                    .isEqualTo(WarningColour.GREEN));
        }
    }

    @Test
    void noReminderForAMilestoneAlreadyReached() {
        ProjectFiles.Builder p = project().milestone(MilestoneKind.MAIN_STRUCTURE_COMPLETED, D.plusDays(3),
                D.minusDays(1));
        assertThat(evaluate(p, GREEN, List.of(), D).notices()).isEmpty();
    }

    /** p(D) = 2026-06 (deadline 07-05) for D in 07-01..07-05; the June report is not filed. */
    @ParameterizedTest(name = "D {0}, June filed {1} → reminder {2}")
    @CsvSource({
            "2026-07-01, false, false",
            "2026-07-02, false, true",
            "2026-07-04, false, true",
            "2026-07-05, false, true",
            "2026-07-02, true,  false",
            "2026-07-05, true,  false",
    })
    void aReminderForTheReportDueWithinThreeDays(LocalDate today, boolean filed, boolean reminder) {
        ProjectFiles.Builder p = project();
        if (!filed) {
            p.noReport(YearMonth.of(2026, 6));
        }
        ProjectSupervision.Outcome o = evaluate(p, GREEN, List.of(), today);
        assertThat(o.warning().colour()).isEqualTo(WarningColour.GREEN);
        assertThat(open(o, WarningColour.GREEN)).hasSize(reminder ? 1 : 0);
    }

    @Test
    void aReminderIsNotDuplicatedAndClosesByItselfWhenTheConditionClears() {
        LocalDate planned = D.plusDays(5);
        ProjectFiles.Builder due = project().milestone(MilestoneKind.MAIN_STRUCTURE_COMPLETED, planned, null);
        ProjectSupervision.Outcome first = evaluate(due, GREEN, List.of(), D);
        SupervisionNotice reminder = open(first, WarningColour.GREEN).get(0);

        ProjectSupervision.Outcome again = evaluate(due, first.warning(), first.notices(), D.plusDays(1));
        assertThat(again.notices()).containsExactly(reminder);
        assertThat(again.events()).isEmpty();

        ProjectFiles.Builder reached = project().milestone(MilestoneKind.MAIN_STRUCTURE_COMPLETED, planned,
                D.plusDays(2));
        ProjectSupervision.Outcome cleared = evaluate(reached, again.warning(), again.notices(), D.plusDays(2));
        assertThat(cleared.notices()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(reminder.id());
            assertThat(n.stage()).isEqualTo(NoticeStage.CLOSED);
            NoticeStep last = n.trail().get(n.trail().size() - 1);
            assertThat(last.action()).isEqualTo("CLOSE");
            assertThat(last.actor()).isEqualTo(SupervisionNotice.SYSTEM);
            assertThat(last.on()).isEqualTo(D.plusDays(2));
        });
        assertThat(cleared.events()).singleElement().isInstanceOf(NoticeChanged.class);
    }

    @Test
    void aReminderNeverBecomesOverdue() {
        // the milestone is not reached: once it is late the reminder's condition is gone (it closes, never OVERDUE)
        LocalDate planned = D.plusDays(5);
        ProjectFiles.Builder due = project().milestone(MilestoneKind.MAIN_STRUCTURE_COMPLETED, planned, null);
        ProjectSupervision.Outcome first = evaluate(due, GREEN, List.of(), D);
        ProjectSupervision.Outcome later = evaluate(due, first.warning(), first.notices(), planned.plusDays(15));
        SupervisionNotice reminder = of(later, WarningColour.GREEN).get(0);
        assertThat(reminder.overdue()).isFalse();
        assertThat(reminder.status()).isEqualTo("CLOSED");
        assertThat(reminder.trail()).extracting(NoticeStep::action).doesNotContain("MARK_OVERDUE");
        // meanwhile the late milestone turned the project yellow
        assertThat(later.warning().colour()).isEqualTo(WarningColour.YELLOW);
        assertThat(open(later, WarningColour.YELLOW)).hasSize(1);
        List<DomainEvent> events = later.events();
        assertThat(events).hasSize(3);
    }
}
