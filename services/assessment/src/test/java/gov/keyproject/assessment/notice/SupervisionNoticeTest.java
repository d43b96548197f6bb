package gov.keyproject.assessment.notice;

import gov.keyproject.contracts.assessment.NoticeStep;
import gov.keyproject.contracts.assessment.NoticeView;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The notice lifecycle of DOMAIN §5: ISSUED → ACKNOWLEDGED → RECTIFIED → CLOSED, RECTIFIED → REJECTED → RECTIFIED;
 * OVERDUE past the deadline until CLOSED; an overdue yellow ends ESCALATED; every step kept with who, when and why.
 */
class SupervisionNoticeTest {

    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 7, 10);
    private static final Instant AT = Instant.parse("2026-07-10T01:00:00Z");
    private static final String ACK = SupervisionNotice.ACKNOWLEDGE;
    private static final String RECTIFY = SupervisionNotice.RECTIFY;
    private static final String REJECT = SupervisionNotice.REJECT;
    private static final String CLOSE = SupervisionNotice.CLOSE;
    private static final List<String> USER_MOVES = List.of(ACK, RECTIFY, REJECT, CLOSE);

    /** What the spec allows from each stage (CLOSED and ESCALATED are final). */
    private static final Map<NoticeStage, Set<String>> ALLOWED = Map.of(
            NoticeStage.ISSUED, Set.of(ACK),
            NoticeStage.ACKNOWLEDGED, Set.of(RECTIFY),
            NoticeStage.RECTIFIED, Set.of(CLOSE, REJECT),
            NoticeStage.REJECTED, Set.of(RECTIFY),
            NoticeStage.CLOSED, Set.of(),
            NoticeStage.ESCALATED, Set.of());

    /** Where each allowed move leads. */
    private static final Map<String, NoticeStage> TARGET = Map.of(ACK, NoticeStage.ACKNOWLEDGED,
            RECTIFY, NoticeStage.RECTIFIED, REJECT, NoticeStage.REJECTED, CLOSE, NoticeStage.CLOSED);

    static SupervisionNotice issued(WarningColour colour) {
        return SupervisionNotice.issue("P1_1", "P1", "重点项目P1", "TS-001", colour,
                List.of(new WarningReason("PROBLEM_OVERDUE", WarningColour.YELLOW, "问题超期")), ISSUED_ON, AT,
                colour == WarningColour.RED ? 7 : 15, "王副县长", null, "项目转为预警");
    }

    private static SupervisionNotice apply(SupervisionNotice n, String action, LocalDate on) {
        Instant at = on.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        return switch (action) {
            case ACK -> n.acknowledge("unit-user", on, at, "已领办");
            case RECTIFY -> n.rectify("unit-user", on, at, "已整改");
            case REJECT -> n.reject("operator", on, at, "整改不到位");
            case CLOSE -> n.close("operator", on, at, "办结销号");
            default -> throw new IllegalArgumentException(action);
        };
    }

    /** A notice brought to {@code stage} by allowed moves (ESCALATED through the deadline), optionally overdue. */
    static SupervisionNotice at(WarningColour colour, NoticeStage stage, boolean overdue) {
        SupervisionNotice n = issued(colour);
        LocalDate late = n.deadline().plusDays(1);
        if (overdue || stage == NoticeStage.ESCALATED) {
            n = n.markOverdue(late, AT);
        }
        LocalDate on = overdue ? late : ISSUED_ON.plusDays(1);
        List<String> path = switch (stage) {
            case ISSUED, ESCALATED -> List.of();
            case ACKNOWLEDGED -> List.of(ACK);
            case RECTIFIED -> List.of(ACK, RECTIFY);
            case REJECTED -> List.of(ACK, RECTIFY, REJECT);
            case CLOSED -> List.of(ACK, RECTIFY, CLOSE);
        };
        for (String action : path) {
            n = apply(n, action, on);
        }
        if (stage == NoticeStage.ESCALATED) {
            n = n.escalate("P1_2", late, AT, true);
        }
        assertThat(n.stage()).isEqualTo(stage);
        return n;
    }

    static Stream<Arguments> everyMove() {
        List<Arguments> rows = new ArrayList<>();
        for (WarningColour colour : List.of(WarningColour.YELLOW, WarningColour.RED)) {
            for (NoticeStage stage : NoticeStage.values()) {
                if (stage == NoticeStage.ESCALATED && colour == WarningColour.RED) {
                    continue;
                }
                for (boolean overdue : List.of(false, true)) {
                    if (stage == NoticeStage.ESCALATED && !overdue) {
                        continue;
                    }
                    for (String action : USER_MOVES) {
                        rows.add(arguments(colour, stage, overdue, action));
                    }
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} notice at {1} (overdue {2}): {3}")
    @MethodSource("everyMove")
    void everyMoveFromEveryStage(WarningColour colour, NoticeStage stage, boolean overdue, String action) {
        SupervisionNotice n = at(colour, stage, overdue);
        Set<String> allowed = ALLOWED.get(stage);
        assertThat(n.allowedMoves()).containsExactlyInAnyOrderElementsOf(allowed);
        String status = overdue && stage.open() ? "OVERDUE" : stage.name();
        assertThat(n.status()).isEqualTo(status);
        LocalDate on = n.deadline().plusDays(5);
        if (allowed.contains(action)) {
            SupervisionNotice moved = apply(n, action, on);
            NoticeStage to = TARGET.get(action);
            assertThat(moved.stage()).isEqualTo(to);
            assertThat(moved.overdue()).isEqualTo(overdue);
            assertThat(moved.status()).isEqualTo(overdue && to != NoticeStage.CLOSED ? "OVERDUE" : to.name());
            assertThat(moved.trail()).hasSize(n.trail().size() + 1);
            NoticeStep step = moved.trail().get(moved.trail().size() - 1);
            assertThat(step.action()).isEqualTo(action);
            assertThat(step.from()).isEqualTo(status);
            assertThat(step.to()).isEqualTo(to.name());
            assertThat(step.on()).isEqualTo(on);
            assertThat(moved.trail().subList(0, n.trail().size())).isEqualTo(n.trail());
            // the rest of the notice is untouched
            assertThat(moved.deadline()).isEqualTo(n.deadline());
            assertThat(moved.issuedOn()).isEqualTo(n.issuedOn());
            assertThat(moved.copiedTo()).isEqualTo(n.copiedTo());
            assertThat(moved.reasons()).isEqualTo(n.reasons());
        } else {
            assertThatThrownBy(() -> apply(n, action, on))
                    .isInstanceOfSatisfying(IllegalNoticeMove.class, e -> {
                        assertThat(e.noticeId()).isEqualTo("P1_1");
                        assertThat(e.action()).isEqualTo(action);
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.allowed()).containsExactlyInAnyOrderElementsOf(allowed);
                        assertThat(e.getMessage()).contains(status);
                    });
        }
    }

    @Test
    void aRejectedNoticeCanBeRectifiedAgainAndThenClosed() {
        SupervisionNotice n = issued(WarningColour.RED);
        for (String action : List.of(ACK, RECTIFY, REJECT, RECTIFY, REJECT, RECTIFY, CLOSE)) {
            n = apply(n, action, ISSUED_ON.plusDays(2));
        }
        assertThat(n.stage()).isEqualTo(NoticeStage.CLOSED);
        assertThat(n.open()).isFalse();
        assertThat(n.trail()).extracting(NoticeStep::to).containsExactly("ISSUED", "ACKNOWLEDGED", "RECTIFIED",
                "REJECTED", "RECTIFIED", "REJECTED", "RECTIFIED", "CLOSED");
    }

    @Test
    void theTrailKeepsWhoWhenAndWhy() {
        Instant t1 = Instant.parse("2026-07-11T02:00:00Z");
        Instant t2 = Instant.parse("2026-07-14T03:00:00Z");
        Instant t3 = Instant.parse("2026-07-15T04:00:00Z");
        Instant t4 = Instant.parse("2026-07-18T05:00:00Z");
        Instant t5 = Instant.parse("2026-07-20T06:00:00Z");
        SupervisionNotice n = issued(WarningColour.RED)
                .acknowledge("张科长", LocalDate.of(2026, 7, 11), t1, "即日领办")
                .rectify("张科长", LocalDate.of(2026, 7, 14), t2, "已协调用地指标")
                .reject("督查室李某", LocalDate.of(2026, 7, 15), t3, "缺少批复文件")
                .rectify("张科长", LocalDate.of(2026, 7, 18), t4, "补充批复文件")
                .close("督查室李某", LocalDate.of(2026, 7, 20), t5, "核实无误，办结销号");
        assertThat(n.trail()).containsExactly(
                new NoticeStep("ISSUE", null, "ISSUED", "system", ISSUED_ON, AT, "项目转为预警"),
                new NoticeStep("ACKNOWLEDGE", "ISSUED", "ACKNOWLEDGED", "张科长", LocalDate.of(2026, 7, 11), t1,
                        "即日领办"),
                new NoticeStep("RECTIFY", "ACKNOWLEDGED", "RECTIFIED", "张科长", LocalDate.of(2026, 7, 14), t2,
                        "已协调用地指标"),
                new NoticeStep("REJECT", "RECTIFIED", "REJECTED", "督查室李某", LocalDate.of(2026, 7, 15), t3,
                        "缺少批复文件"),
                new NoticeStep("RECTIFY", "REJECTED", "RECTIFIED", "张科长", LocalDate.of(2026, 7, 18), t4,
                        "补充批复文件"),
                new NoticeStep("CLOSE", "RECTIFIED", "CLOSED", "督查室李某", LocalDate.of(2026, 7, 20), t5,
                        "核实无误，办结销号"));
        NoticeView view = n.view();
        assertThat(view.trail()).isEqualTo(n.trail());
        assertThat(SupervisionNotice.of(view)).isEqualTo(n);
    }

    // ---- issuing ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: deadline {1}, copied to {2}")
    @CsvSource({
            "GREEN,  ,           ",
            "YELLOW, 2026-07-25, ",
            "RED,    2026-07-17, 王副县长",
    })
    void issuing(WarningColour colour, LocalDate deadline, String copiedTo) {
        SupervisionNotice n = issued(colour);
        assertThat(n.deadline()).isEqualTo(deadline);
        assertThat(n.copiedTo()).isEqualTo(copiedTo);
        assertThat(n.stage()).isEqualTo(NoticeStage.ISSUED);
        assertThat(n.status()).isEqualTo("ISSUED");
        assertThat(n.overdue()).isFalse();
        assertThat(n.open()).isTrue();
        assertThat(n.issuedOn()).isEqualTo(ISSUED_ON);
    }

    // ---- overdue ---------------------------------------------------------------------------------------------------

    /** Yellow deadline 2026-07-25, red 2026-07-17, reminders none. */
    @ParameterizedTest(name = "{0} at {1}, on {2} → becomes overdue {3}")
    @CsvSource({
            "YELLOW, ISSUED,       2026-07-24, false",
            "YELLOW, ISSUED,       2026-07-25, false",
            "YELLOW, ISSUED,       2026-07-26, true",
            "YELLOW, ACKNOWLEDGED, 2026-07-26, true",
            "YELLOW, RECTIFIED,    2026-07-26, true",
            "YELLOW, REJECTED,     2026-07-26, true",
            "YELLOW, CLOSED,       2026-07-26, false",
            "YELLOW, CLOSED,       2027-07-26, false",
            "RED,    ISSUED,       2026-07-17, false",
            "RED,    ISSUED,       2026-07-18, true",
            "RED,    RECTIFIED,    2026-08-30, true",
            "RED,    CLOSED,       2026-07-18, false",
            "GREEN,  ISSUED,       2026-07-10, false",
            "GREEN,  ISSUED,       2026-07-18, false",
            "GREEN,  ISSUED,       2030-01-01, false",
    })
    void overdueOnlyAfterTheDeadlineDay(WarningColour colour, NoticeStage stage, LocalDate today, boolean overdue) {
        SupervisionNotice n = issued(colour);
        List<String> path = switch (stage) {
            case ISSUED -> List.of();
            case ACKNOWLEDGED -> List.of(ACK);
            case RECTIFIED -> List.of(ACK, RECTIFY);
            case REJECTED -> List.of(ACK, RECTIFY, REJECT);
            case CLOSED -> colour == WarningColour.GREEN ? List.of(CLOSE) : List.of(ACK, RECTIFY, CLOSE);
            default -> throw new IllegalArgumentException();
        };
        for (String action : path) {
            n = apply(n, action, ISSUED_ON.plusDays(1));
        }
        assertThat(n.becomesOverdue(today)).isEqualTo(overdue);
        SupervisionNotice before = n;
        if (overdue) {
            SupervisionNotice marked = n.markOverdue(today, AT);
            assertThat(marked.overdue()).isTrue();
            assertThat(marked.status()).isEqualTo("OVERDUE");
            assertThat(marked.stage()).isEqualTo(stage);
            NoticeStep step = marked.trail().get(marked.trail().size() - 1);
            assertThat(step.action()).isEqualTo(SupervisionNotice.MARK_OVERDUE);
            assertThat(step.to()).isEqualTo("OVERDUE");
            assertThat(step.on()).isEqualTo(today);
            // marked once: the next days do not mark it again
            assertThat(marked.becomesOverdue(today.plusDays(1))).isFalse();
        } else {
            assertThatThrownBy(() -> before.markOverdue(today, AT)).isInstanceOf(IllegalStateException.class);
            assertThat(n.status()).isNotEqualTo("OVERDUE");
        }
    }

    @ParameterizedTest(name = "overdue {0} notice stays OVERDUE through {1} until CLOSED")
    @EnumSource(value = WarningColour.class, names = {"YELLOW", "RED"})
    void anOverdueNoticeStaysOverdueUntilClosed(WarningColour colour) {
        SupervisionNotice n = issued(colour);
        n = n.markOverdue(n.deadline().plusDays(1), AT);
        List<String> statuses = new ArrayList<>();
        statuses.add(n.status());
        for (String action : List.of(ACK, RECTIFY, REJECT, RECTIFY, CLOSE)) {
            n = apply(n, action, n.deadline().plusDays(2));
            statuses.add(n.status());
        }
        assertThat(statuses).containsExactly("OVERDUE", "OVERDUE", "OVERDUE", "OVERDUE", "OVERDUE", "CLOSED");
        assertThat(n.open()).isFalse();
        assertThat(n.view().status()).isEqualTo("CLOSED");
        assertThat(n.view().stage()).isEqualTo("CLOSED");
    }

    @Test
    void theViewShowsOverdueAsStatusButKeepsTheStage() {
        SupervisionNotice n = apply(issued(WarningColour.YELLOW), ACK, ISSUED_ON.plusDays(1))
                .markOverdue(LocalDate.of(2026, 7, 26), AT);
        NoticeView view = n.view();
        assertThat(view.status()).isEqualTo("OVERDUE");
        assertThat(view.stage()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.overdue()).isTrue();
        assertThat(view.deadline()).isEqualTo(LocalDate.of(2026, 7, 25));
    }

    // ---- escalation ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "an overdue yellow at {0} escalates (new red {1})")
    @CsvSource({"ISSUED, true", "ACKNOWLEDGED, false", "RECTIFIED, true", "REJECTED, false"})
    void anOverdueYellowEscalates(NoticeStage stage, boolean newRed) {
        SupervisionNotice n = at(WarningColour.YELLOW, stage, true);
        LocalDate today = LocalDate.of(2026, 7, 26);
        SupervisionNotice escalated = n.escalate("P1_9", today, AT, newRed);
        assertThat(escalated.stage()).isEqualTo(NoticeStage.ESCALATED);
        assertThat(escalated.open()).isFalse();
        assertThat(escalated.status()).isEqualTo("ESCALATED");
        assertThat(escalated.escalatedTo()).isEqualTo("P1_9");
        assertThat(escalated.allowedMoves()).isEmpty();
        assertThat(escalated.becomesOverdue(today.plusDays(30))).isFalse();
        NoticeStep step = escalated.trail().get(escalated.trail().size() - 1);
        assertThat(step.action()).isEqualTo(SupervisionNotice.ESCALATE);
        assertThat(step.from()).isEqualTo("OVERDUE");
        assertThat(step.to()).isEqualTo("ESCALATED");
        assertThat(step.actor()).isEqualTo(SupervisionNotice.SYSTEM);
        assertThat(step.on()).isEqualTo(today);
        assertThat(step.note()).contains("P1_9");
    }

    @Test
    void onlyAnOpenOverdueYellowEscalates() {
        LocalDate late = LocalDate.of(2026, 8, 1);
        assertThatThrownBy(() -> issued(WarningColour.YELLOW).escalate("X", late, AT, true))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> at(WarningColour.RED, NoticeStage.ISSUED, true).escalate("X", late, AT, true))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> at(WarningColour.YELLOW, NoticeStage.CLOSED, true).escalate("X", late, AT, true))
                .isInstanceOf(IllegalStateException.class);
    }

    // ---- reminders -------------------------------------------------------------------------------------------------

    @Test
    void aReminderClosesByItselfOnlyWhileOpen() {
        SupervisionNotice reminder = issued(WarningColour.GREEN);
        SupervisionNotice closed = reminder.closeReminder(LocalDate.of(2026, 7, 12), AT, "提示事项已消除");
        assertThat(closed.stage()).isEqualTo(NoticeStage.CLOSED);
        assertThat(closed.trail().get(1)).isEqualTo(new NoticeStep("CLOSE", "ISSUED", "CLOSED", "system",
                LocalDate.of(2026, 7, 12), AT, "提示事项已消除"));
        assertThatThrownBy(() -> closed.closeReminder(LocalDate.of(2026, 7, 13), AT, "again"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> issued(WarningColour.YELLOW).closeReminder(LocalDate.of(2026, 7, 13), AT, "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openMeansNeitherClosedNorEscalated() {
        assertThat(Arrays.stream(NoticeStage.values()).filter(NoticeStage::open))
                .containsExactlyInAnyOrder(NoticeStage.ISSUED, NoticeStage.ACKNOWLEDGED, NoticeStage.RECTIFIED,
                        NoticeStage.REJECTED);
    }
}
