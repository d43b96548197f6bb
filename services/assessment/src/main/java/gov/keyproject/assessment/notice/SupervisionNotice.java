package gov.keyproject.assessment.notice;

import gov.keyproject.contracts.assessment.NoticeStep;
import gov.keyproject.contracts.assessment.NoticeView;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 三色督办单: a GREEN reminder (提示单), a YELLOW notice (督办单) or a RED notice (挂牌督办单, copied to the linked
 * leader). Immutable: every move returns the moved notice, whose trail (痕迹管理) has one more step.
 */
public record SupervisionNotice(String id, String projectCode, String projectName, String unitCode,
                                WarningColour colour, NoticeStage stage, boolean overdue, LocalDate issuedOn,
                                LocalDate deadline, List<WarningReason> reasons, String copiedTo,
                                String escalatedFrom, String escalatedTo, List<NoticeStep> trail) {

    public static final String ISSUE = "ISSUE";
    public static final String ACKNOWLEDGE = "ACKNOWLEDGE";
    public static final String RECTIFY = "RECTIFY";
    public static final String REJECT = "REJECT";
    public static final String CLOSE = "CLOSE";
    public static final String MARK_OVERDUE = "MARK_OVERDUE";
    public static final String ESCALATE = "ESCALATE";
    public static final String SYSTEM = "system";

    public SupervisionNotice {
        reasons = List.copyOf(reasons);
        trail = List.copyOf(trail);
    }

    public static String actionLabel(String action) {
        return switch (action) {
            case ISSUE -> "下发";
            case ACKNOWLEDGE -> "领办";
            case RECTIFY -> "报送整改情况";
            case REJECT -> "驳回重办";
            case CLOSE -> "办结销号";
            case MARK_OVERDUE -> "逾期";
            case ESCALATE -> "升级";
            default -> action;
        };
    }

    public static String kindLabel(WarningColour colour) {
        return switch (colour) {
            case GREEN -> "绿色提示单";
            case YELLOW -> "黄色督办单";
            case RED -> "红色督办单";
        };
    }

    /** Issues a notice on {@code on}; yellow and red carry a deadline, reminders none. */
    public static SupervisionNotice issue(String id, String projectCode, String projectName, String unitCode,
                                          WarningColour colour, List<WarningReason> reasons, LocalDate on,
                                          Instant at, int deadlineDays, String copiedTo, String escalatedFrom,
                                          String why) {
        LocalDate deadline = colour == WarningColour.GREEN ? null : on.plusDays(deadlineDays);
        NoticeStep step = new NoticeStep(ISSUE, null, NoticeStage.ISSUED.name(), SYSTEM, on, at, why);
        return new SupervisionNotice(id, projectCode, projectName, unitCode, colour, NoticeStage.ISSUED, false, on,
                deadline, reasons, colour == WarningColour.RED ? copiedTo : null, escalatedFrom, null,
                List.of(step));
    }

    public boolean open() {
        return stage.open();
    }

    /** The status officials see: OVERDUE while an open notice is past its deadline, else the stage. */
    public String status() {
        return overdue && open() ? "OVERDUE" : stage.name();
    }

    /** Moves a unit or an operator may make from here (the system's own moves are not listed). */
    public Set<String> allowedMoves() {
        Set<String> moves = new LinkedHashSet<>();
        switch (stage) {
            case ISSUED -> moves.add(ACKNOWLEDGE);
            case ACKNOWLEDGED, REJECTED -> moves.add(RECTIFY);
            case RECTIFIED -> {
                moves.add(CLOSE);
                moves.add(REJECT);
            }
            default -> {
            }
        }
        if (colour == WarningColour.GREEN && open()) {
            moves.add(CLOSE);
        }
        return moves;
    }

    /** 领办: the unit takes the notice on. */
    public SupervisionNotice acknowledge(String actor, LocalDate on, Instant at, String note) {
        return move(ACKNOWLEDGE, NoticeStage.ACKNOWLEDGED, actor, on, at, note);
    }

    /** The unit reports what it did (整改情况). */
    public SupervisionNotice rectify(String actor, LocalDate on, Instant at, String measures) {
        return move(RECTIFY, NoticeStage.RECTIFIED, actor, on, at, measures);
    }

    /** 驳回重办: the operator is not satisfied with the rectification. */
    public SupervisionNotice reject(String actor, LocalDate on, Instant at, String reason) {
        return move(REJECT, NoticeStage.REJECTED, actor, on, at, reason);
    }

    /** 办结销号: the operator verifies the rectification (or closes a reminder). */
    public SupervisionNotice close(String actor, LocalDate on, Instant at, String note) {
        return move(CLOSE, NoticeStage.CLOSED, actor, on, at, note);
    }

    /** A reminder whose condition cleared closes by itself. */
    public SupervisionNotice closeReminder(LocalDate on, Instant at, String why) {
        if (colour != WarningColour.GREEN || !open()) {
            throw new IllegalStateException("only an open reminder closes by itself: " + id);
        }
        return withStep(NoticeStage.CLOSED, overdue, escalatedTo, new NoticeStep(CLOSE, stage.name(),
                NoticeStage.CLOSED.name(), SYSTEM, on, at, why));
    }

    /** Whether the notice is past its deadline on {@code today} and not yet marked so. */
    public boolean becomesOverdue(LocalDate today) {
        return open() && !overdue && deadline != null && today.isAfter(deadline);
    }

    /** Past its deadline without CLOSED: stays OVERDUE until closed (a yellow one then escalates). */
    public SupervisionNotice markOverdue(LocalDate on, Instant at) {
        if (!becomesOverdue(on)) {
            throw new IllegalStateException("not overdue on " + on + ": " + id);
        }
        return withStep(stage, true, escalatedTo, new NoticeStep(MARK_OVERDUE, stage.name(), "OVERDUE", SYSTEM, on,
                at, "超过办理期限 " + deadline + " 未办结"));
    }

    /** An overdue yellow notice ends ESCALATED, linked to the red notice that now stands for it. */
    public SupervisionNotice escalate(String redNoticeId, LocalDate on, Instant at, boolean newRed) {
        if (colour != WarningColour.YELLOW || !overdue || !open()) {
            throw new IllegalStateException("only an open overdue yellow notice escalates: " + id);
        }
        return withStep(NoticeStage.ESCALATED, true, redNoticeId, new NoticeStep(ESCALATE, status(),
                NoticeStage.ESCALATED.name(), SYSTEM, on, at, newRed ? "逾期升级为红色督办单 " + redNoticeId
                : "逾期，并入已下发的红色督办单 " + redNoticeId));
    }

    private SupervisionNotice move(String action, NoticeStage to, String actor, LocalDate on, Instant at,
                                   String note) {
        if (!allowedMoves().contains(action)) {
            throw new IllegalNoticeMove(id, action, status(), allowedMoves());
        }
        return withStep(to, overdue, escalatedTo, new NoticeStep(action, status(), to.name(), actor, on, at, note));
    }

    private SupervisionNotice withStep(NoticeStage to, boolean nowOverdue, String linkedTo, NoticeStep step) {
        List<NoticeStep> steps = new ArrayList<>(trail);
        steps.add(step);
        return new SupervisionNotice(id, projectCode, projectName, unitCode, colour, to, nowOverdue, issuedOn,
                deadline, reasons, copiedTo, escalatedFrom, linkedTo, steps);
    }

    public NoticeView view() {
        return new NoticeView(id, projectCode, projectName, unitCode, colour, status(), stage.name(), overdue,
                issuedOn, deadline, reasons, copiedTo, escalatedFrom, escalatedTo, trail);
    }

    public static SupervisionNotice of(NoticeView v) {
        return new SupervisionNotice(v.noticeId(), v.projectCode(), v.projectName(), v.unitCode(), v.colour(),
                NoticeStage.valueOf(v.stage()), v.overdue(), v.issuedOn(), v.deadline(), v.reasons(), v.copiedTo(),
                v.escalatedFrom(), v.escalatedTo(), v.trail());
    }
}
