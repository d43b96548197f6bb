package gov.keyproject.assessment.notice;

import gov.keyproject.assessment.warning.AssessmentCalendar;
import gov.keyproject.assessment.warning.MilestoneNames;
import gov.keyproject.assessment.warning.ProjectFile;
import gov.keyproject.assessment.warning.Warning;
import gov.keyproject.assessment.warning.WarningRules;
import gov.keyproject.assessment.warning.WarningThresholds;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.assessment.ColourChanged;
import gov.keyproject.contracts.assessment.NoticeChanged;
import gov.keyproject.contracts.assessment.NoticeIssued;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One project's supervision as of D: marks overdue notices and escalates overdue yellow ones, re-evaluates the
 * colour, issues a yellow or red notice when the project turns that colour (never a second open one of a colour),
 * and issues or closes the green reminder. Pure: it returns the new state and the events it causes.
 */
public final class ProjectSupervision {

    /** The state after an evaluation and the events that say what changed. */
    public record Outcome(Warning warning, List<SupervisionNotice> notices, List<DomainEvent> events) {
        public Outcome {
            notices = List.copyOf(notices);
            events = List.copyOf(events);
        }

        public boolean changed() {
            return !events.isEmpty();
        }
    }

    private final WarningRules rules;
    private final WarningThresholds thresholds;
    private final AssessmentCalendar calendar;

    public ProjectSupervision(WarningThresholds thresholds, AssessmentCalendar calendar) {
        this.rules = new WarningRules(thresholds, calendar);
        this.thresholds = thresholds;
        this.calendar = calendar;
    }

    public WarningRules rules() {
        return rules;
    }

    /** The notice id for the project's n-th notice: stable, so a repeated evaluation cannot mint a second one. */
    public static String noticeId(String projectCode, int n) {
        return projectCode + "_" + n;
    }

    public Outcome evaluate(ProjectFile project, Warning previous, List<SupervisionNotice> before, LocalDate today,
                            Instant at) {
        List<SupervisionNotice> notices = new ArrayList<>(before);
        List<DomainEvent> events = new ArrayList<>();

        // 1. Deadlines: mark overdue; an overdue yellow escalates at once.
        for (int i = 0; i < notices.size(); i++) {
            SupervisionNotice n = notices.get(i);
            if (!n.becomesOverdue(today)) {
                continue;
            }
            n = n.markOverdue(today, at);
            set(notices, i, n, events);
            if (n.colour() == WarningColour.YELLOW) {
                Optional<SupervisionNotice> red = open(notices, WarningColour.RED);
                String redId = red.map(SupervisionNotice::id).orElse(noticeId(project.code(), notices.size() + 1));
                set(notices, i, n.escalate(redId, today, at, red.isEmpty()), events);
                if (red.isEmpty()) {
                    List<WarningReason> reasons = new ArrayList<>(n.reasons());
                    reasons.add(new WarningReason(WarningRules.SUPERVISION_OVERDUE, WarningColour.RED,
                            "黄色督办单 " + n.id() + " 逾期未办结，升级挂牌督办"));
                    add(notices, SupervisionNotice.issue(redId, project.code(), project.name(), project.unitCode(),
                            WarningColour.RED, reasons, today, at, thresholds.redNoticeDays(),
                            project.linkedLeader(), n.id(), "黄色督办单逾期升级"), events);
                }
            }
        }

        // 2. The colour, with the notices' state.
        boolean overdueRed = notices.stream().anyMatch(n -> n.colour() == WarningColour.RED && n.open()
                && n.overdue());
        boolean escalatedRed = notices.stream().anyMatch(n -> n.colour() == WarningColour.RED && n.open()
                && n.escalatedFrom() != null);
        Warning warning = rules.evaluate(project, overdueRed, escalatedRed, today);
        if (warning.colour() != previous.colour()) {
            events.add(new ColourChanged(project.code(), project.unitCode(), previous.colour(), warning.colour(),
                    warning.reasons(), today));
        }

        // 3. Turning yellow or red issues its notice, unless one of that colour is open.
        if (warning.colour() != previous.colour() && warning.colour() != WarningColour.GREEN
                && open(notices, warning.colour()).isEmpty()) {
            WarningColour c = warning.colour();
            add(notices, SupervisionNotice.issue(noticeId(project.code(), notices.size() + 1), project.code(),
                    project.name(), project.unitCode(), c, warning.reasons(), today, at,
                    c == WarningColour.RED ? thresholds.redNoticeDays() : thresholds.yellowNoticeDays(),
                    project.linkedLeader(), null, "项目转为" + c.label() + "色预警"), events);
        }

        // 4. The green reminder follows its condition.
        List<WarningReason> reminders = warning.coloured() ? reminders(project, today) : List.of();
        Optional<SupervisionNotice> green = open(notices, WarningColour.GREEN);
        if (!reminders.isEmpty() && green.isEmpty()) {
            add(notices, SupervisionNotice.issue(noticeId(project.code(), notices.size() + 1), project.code(),
                    project.name(), project.unitCode(), WarningColour.GREEN, reminders, today, at, 0, null, null,
                    "临近时间节点或填报截止日"), events);
        } else if (reminders.isEmpty() && green.isPresent()) {
            set(notices, notices.indexOf(green.get()), green.get().closeReminder(today, at, "提示事项已消除，自动销号"),
                    events);
        }
        return new Outcome(warning, notices, events);
    }

    /** Reminder conditions: a milestone due within the next days, or this period's report due within days. */
    List<WarningReason> reminders(ProjectFile project, LocalDate today) {
        List<WarningReason> reasons = new ArrayList<>();
        for (MilestoneState m : project.milestones()) {
            if (m.actualDate() != null || m.plannedDate() == null) {
                continue;
            }
            long ahead = ChronoUnit.DAYS.between(today, m.plannedDate());
            if (ahead >= 0 && ahead <= thresholds.reminderMilestoneDays()) {
                reasons.add(new WarningReason("MILESTONE_DUE", WarningColour.GREEN, "时间节点“"
                        + MilestoneNames.of(m.kind()) + "”计划 " + m.plannedDate() + "，还有 " + ahead + " 天"));
            }
        }
        YearMonth p = calendar.assessmentPeriod(today);
        long toDeadline = ChronoUnit.DAYS.between(today, calendar.deadline(p));
        if (project.requiredToReport(p) && !project.reports().containsKey(p) && toDeadline >= 0
                && toDeadline <= thresholds.reminderReportDays()) {
            reasons.add(new WarningReason("REPORT_DUE", WarningColour.GREEN, p + " 月度进度尚未填报，截止 "
                    + calendar.deadline(p) + "，还有 " + toDeadline + " 天"));
        }
        return reasons;
    }

    private static Optional<SupervisionNotice> open(List<SupervisionNotice> notices, WarningColour colour) {
        return notices.stream().filter(n -> n.colour() == colour && n.open()).findFirst();
    }

    private static void set(List<SupervisionNotice> notices, int i, SupervisionNotice moved,
                            List<DomainEvent> events) {
        notices.set(i, moved);
        events.add(new NoticeChanged(moved.view(), moved.trail().get(moved.trail().size() - 1)));
    }

    private static void add(List<SupervisionNotice> notices, SupervisionNotice issued, List<DomainEvent> events) {
        notices.add(issued);
        events.add(new NoticeIssued(issued.view()));
    }
}
