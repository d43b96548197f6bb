package gov.keyproject.assessment.scenario;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealSnapshot;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import gov.keyproject.contracts.statistics.InvestmentEntryRecorded;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An independent reading of DOMAIN.md §0 and §3–§5, written from the text alone (it calls none of the service's
 * rules): it is fed the same events the service is fed, the same notice moves and the same sweeps, on the same
 * simulated days, and says what every project's colour, every notice and every sequence's ranking must then be.
 * Arithmetic is exact (rationals); scores are rounded only to compare them with what the API shows.
 *
 * <p>Readings where the text leaves room (the scenario avoids depending on the others):
 * <ul>
 *   <li>"started" in the colour rules means started as of D (a move to UNDER_CONSTRUCTION on or before D);</li>
 *   <li>a notice is issued when the colour changes into yellow or red (a project not coloured before counts as
 *   green), unless one of that colour is open; reminders exist only for coloured projects;</li>
 *   <li>a reminder is one open green notice per project while any reminder condition holds;</li>
 *   <li>the report reminder and 漏报 concern projects required to report for the period (§5's definition);</li>
 *   <li>reason codes are compared as a set, each with the highest level it fired with.</li>
 * </ul>
 */
final class CountyOracle {

    static final Set<ProjectPhase> ACTIVE = EnumSet.of(ProjectPhase.PREPARATION, ProjectPhase.READY,
            ProjectPhase.UNDER_CONSTRUCTION);
    static final int DEADLINE_DAY = 5;
    static final int RED_AFTER = 31;
    static final int YELLOW_NOTICE_DAYS = 15;
    static final int RED_NOTICE_DAYS = 7;
    static final int MILESTONE_REMINDER_DAYS = 7;
    static final int REPORT_REMINDER_DAYS = 3;

    enum Colour { GREEN, YELLOW, RED }

    // ------------------------------------------------------------------------------------------------ rationals

    /** An exact fraction n/d, d &gt; 0, in lowest terms. */
    static final class Q implements Comparable<Q> {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);
        final BigInteger n;
        final BigInteger d;

        Q(BigInteger n, BigInteger d) {
            if (d.signum() == 0) {
                throw new ArithmeticException("n/0");
            }
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            if (g.signum() > 0) {
                n = n.divide(g);
                d = d.divide(g);
            }
            this.n = n;
            this.d = d;
        }

        static Q of(long v) {
            return new Q(BigInteger.valueOf(v), BigInteger.ONE);
        }

        static Q of(long n, long d) {
            return new Q(BigInteger.valueOf(n), BigInteger.valueOf(d));
        }

        static Q of(BigDecimal v) {
            return v.scale() >= 0 ? new Q(v.unscaledValue(), BigInteger.TEN.pow(v.scale()))
                    : new Q(v.toBigIntegerExact(), BigInteger.ONE);
        }

        Q plus(Q o) {
            return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Q minus(Q o) {
            return plus(new Q(o.n.negate(), o.d));
        }

        Q times(Q o) {
            return new Q(n.multiply(o.n), d.multiply(o.d));
        }

        Q over(Q o) {
            return new Q(n.multiply(o.d), d.multiply(o.n));
        }

        Q min(Q o) {
            return compareTo(o) <= 0 ? this : o;
        }

        Q max(Q o) {
            return compareTo(o) >= 0 ? this : o;
        }

        boolean isZero() {
            return n.signum() == 0;
        }

        BigDecimal round(int places) {
            return new BigDecimal(n).divide(new BigDecimal(d), places, RoundingMode.HALF_UP);
        }

        @Override
        public int compareTo(Q o) {
            return n.multiply(o.d).compareTo(o.n.multiply(d));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Q q && n.equals(q.n) && d.equals(q.d);
        }

        @Override
        public int hashCode() {
            return n.hashCode() * 31 + d.hashCode();
        }

        @Override
        public String toString() {
            return n + "/" + d;
        }
    }

    // ------------------------------------------------------------------------------------------------ state

    record Report(BigDecimal amount, boolean underWay) {
    }

    record Milestone(MilestoneKind kind, LocalDate planned, LocalDate actual) {
    }

    record PhaseAt(LocalDate on, ProjectPhase phase) {
    }

    static final class Project {
        final String code;
        String unit;
        ConstructionType type;
        Map<Integer, BigDecimal> planned = Map.of();
        LocalDate registeredOn;
        LocalDate plannedStart;
        LocalDate startDate;
        ProjectPhase phase;
        String leader;
        List<Milestone> milestones = List.of();
        final List<PhaseAt> history = new ArrayList<>();
        final Map<YearMonth, Report> reports = new HashMap<>();
        final Map<YearMonth, BigDecimal> entered = new HashMap<>();
        /** The colour at the last evaluation; null while not coloured. */
        Colour colour;
        Map<String, Colour> reasons = new TreeMap<>();
        final List<Notice> notices = new ArrayList<>();

        Project(String code) {
            this.code = code;
        }

        BigDecimal planned(int year) {
            return planned.getOrDefault(year, BigDecimal.ZERO);
        }

        ProjectPhase phaseOn(LocalDate day) {
            ProjectPhase result = null;
            for (PhaseAt p : history) {
                if (!p.on().isAfter(day)) {
                    result = p.phase();
                }
            }
            return result;
        }

        boolean startedBy(LocalDate day) {
            return startDate != null && !startDate.isAfter(day);
        }

        BigDecimal reported(YearMonth q) {
            Report r = reports.get(q);
            return r == null ? BigDecimal.ZERO : r.amount();
        }

        BigDecimal ytd(YearMonth p) {
            BigDecimal c = BigDecimal.ZERO;
            for (int m = 1; m <= p.getMonthValue(); m++) {
                c = c.add(reported(YearMonth.of(p.getYear(), m)));
            }
            return c;
        }
    }

    /** A planned move of a notice by its unit or the office (the scenario's choice, made when it is issued). */
    record Move(LocalDate day, String action) {
    }

    static final class Notice {
        final Project project;
        final Colour colour;
        final LocalDate issuedOn;
        final LocalDate deadline;
        final int ordinal;
        final Notice escalatedFrom;
        Notice escalatedTo;
        String stage = "ISSUED";
        boolean overdue;
        final List<String> trail = new ArrayList<>();
        final Deque<Move> plan = new ArrayDeque<>();

        Notice(Project project, Colour colour, LocalDate issuedOn, LocalDate deadline, int ordinal,
               Notice escalatedFrom) {
            this.project = project;
            this.colour = colour;
            this.issuedOn = issuedOn;
            this.deadline = deadline;
            this.ordinal = ordinal;
            this.escalatedFrom = escalatedFrom;
            trail.add("ISSUE@" + issuedOn);
        }

        boolean open() {
            return !stage.equals("CLOSED") && !stage.equals("ESCALATED");
        }

        String status() {
            return open() && overdue ? "OVERDUE" : stage;
        }

        /** project|colour|issuedOn|k: the same notice on both sides, whatever its id. */
        String key() {
            return key(project.code, colour.name(), issuedOn, ordinal);
        }

        static String key(String project, String colour, LocalDate issuedOn, int ordinal) {
            return project + "|" + colour + "|" + issuedOn + "|" + ordinal;
        }

        String describe() {
            return describe(key(), status(), deadline, escalatedFrom == null ? null : escalatedFrom.key(),
                    escalatedTo == null ? null : escalatedTo.key(),
                    colour == Colour.RED ? project.leader : null, trail);
        }

        static String describe(String key, String status, LocalDate deadline, String from, String to,
                               String copiedTo, List<String> trail) {
            return key + " status=" + status + " deadline=" + deadline + " from=" + from + " to=" + to
                    + " copiedTo=" + copiedTo + " trail=" + trail;
        }
    }

    static final class Deal {
        final String id;
        String unit;
        boolean signed;
        boolean terminated;
        boolean paper;
        BigDecimal agreed;
        BigDecimal funds = BigDecimal.ZERO;

        Deal(String id) {
            this.id = id;
        }
    }

    private final Map<String, UnitKind> units = new TreeMap<>();
    private final Map<String, Project> projects = new TreeMap<>();
    private final Map<String, Deal> deals = new TreeMap<>();
    private final Set<String> exempt = new TreeSet<>();
    private final Set<String> negative = new TreeSet<>();
    private final Function<Notice, List<Move>> planner;
    private int escalations;
    private int escalationsIntoExistingRed;

    /** {@code planner}: how the unit and the office will handle a yellow or red notice, decided when it is issued. */
    CountyOracle(Function<Notice, List<Move>> planner) {
        this.planner = planner;
    }

    // ------------------------------------------------------------------------------------------------ inputs

    void unit(String code, UnitKind kind) {
        units.put(code, kind);
    }

    void list(String unit, String list) {
        if (list.equals("EXEMPT")) {
            exempt.add(unit);
        } else {
            negative.add(unit);
        }
    }

    /** A registry or statistics event about a project, applied on D, after which the project is re-evaluated. */
    void project(DomainEvent event, LocalDate today) {
        Project f;
        if (event instanceof ProjectRegistered r) {
            f = projects.computeIfAbsent(r.project().projectCode(), Project::new);
            snapshot(f, r.project());
            f.history.add(new PhaseAt(r.project().registeredOn(), r.project().phase()));
        } else if (event instanceof ProjectChanged c) {
            f = projects.get(c.project().projectCode());
            snapshot(f, c.project());
        } else if (event instanceof ProjectPhaseChanged m) {
            f = projects.get(m.project().projectCode());
            snapshot(f, m.project());
            f.history.add(new PhaseAt(m.on(), m.to()));
            f.history.sort(Comparator.comparing(PhaseAt::on));
        } else if (event instanceof ProgressReported r) {
            f = projects.get(r.projectCode());
            f.reports.put(r.period(), new Report(r.investmentCompleted(), r.workUnderWay()));
        } else if (event instanceof InvestmentEntryRecorded e) {
            f = projects.get(e.projectCode());
            f.entered.put(e.period(), e.amountEntered());
        } else {
            throw new IllegalArgumentException("not a project event: " + event);
        }
        evaluate(f, today);
    }

    private static void snapshot(Project f, ProjectSnapshot s) {
        f.unit = s.unitCode();
        f.type = s.constructionType();
        f.planned = Map.copyOf(s.plannedInvestment());
        f.registeredOn = s.registeredOn();
        f.plannedStart = s.plannedStart();
        f.startDate = s.startDate();
        f.phase = s.phase();
        f.leader = s.linkedLeader();
        f.milestones = s.milestones().stream().map(m -> new Milestone(m.kind(), m.plannedDate(), m.actualDate()))
                .toList();
    }

    /** A promotion event: agreed amounts, funds, termination and the paper-project flag. */
    void deal(DomainEvent event) {
        if (event instanceof DealRegistered r) {
            snapshot(deals.computeIfAbsent(r.deal().dealId(), Deal::new), r.deal());
        } else if (event instanceof DealStageChanged s) {
            snapshot(deals.get(s.deal().dealId()), s.deal());
        } else if (event instanceof DealSigned s) {
            Deal d = deals.get(s.dealId());
            d.signed = true;
            d.agreed = s.agreedInvestment();
        } else if (event instanceof FundsArrived f) {
            deals.get(f.dealId()).funds = f.totalArrived();
        } else if (event instanceof DealTerminated t) {
            deals.get(t.dealId()).terminated = true;
        } else if (event instanceof PaperProjectFlagged f) {
            deals.get(f.dealId()).paper = true;
        } else if (event instanceof PaperProjectCleared c) {
            deals.get(c.dealId()).paper = false;
        }
        // DealLanded: the registry's business (the project it creates arrives as a ProjectRegistered).
    }

    private static void snapshot(Deal d, DealSnapshot s) {
        d.unit = s.unitCode();
        d.signed = s.reached().containsKey(DealStage.SIGNED);
        d.terminated = s.stage() == DealStage.TERMINATED;
        d.agreed = s.agreedInvestment();
        d.funds = s.fundsArrived() == null ? BigDecimal.ZERO : s.fundsArrived();
        d.paper = s.paperProject();
    }

    /** The daily sweep: every project re-evaluated as of D. */
    void sweep(LocalDate today) {
        for (Project f : projects.values()) {
            evaluate(f, today);
        }
    }

    /** A unit's or the office's move on a notice (领办, 整改, 驳回, 销号), then the project re-evaluated. */
    void move(Notice n, String action, LocalDate today) {
        String from = n.stage;
        String to = switch (action) {
            case "ACKNOWLEDGE" -> from.equals("ISSUED") ? "ACKNOWLEDGED" : null;
            case "RECTIFY" -> from.equals("ACKNOWLEDGED") || from.equals("REJECTED") ? "RECTIFIED" : null;
            case "REJECT" -> from.equals("RECTIFIED") ? "REJECTED" : null;
            case "CLOSE" -> from.equals("RECTIFIED") ? "CLOSED" : null;
            default -> null;
        };
        if (to == null) {
            throw new IllegalStateException("the scenario planned an impossible move " + action + " on " + n.key()
                    + " in " + from);
        }
        n.stage = to;
        n.trail.add(action + "@" + today);
        evaluate(n.project, today);
    }

    /** The notice moves planned for D or earlier on notices still open, in a stable order. */
    List<Map.Entry<Notice, String>> dueMoves(LocalDate today) {
        List<Map.Entry<Notice, String>> due = new ArrayList<>();
        for (Project f : projects.values()) {
            for (Notice n : f.notices) {
                if (!n.open()) {
                    n.plan.clear();
                    continue;
                }
                for (Move m : n.plan) {
                    if (!m.day().isAfter(today)) {
                        due.add(Map.entry(n, m.action()));
                    }
                }
            }
        }
        return due;
    }

    /** Takes a move off the notice's plan once it was made (or found impossible). */
    static void done(Notice n) {
        n.plan.pollFirst();
    }

    // ------------------------------------------------------------------------------------------------ rules

    static YearMonth assessmentPeriod(LocalDate d) {
        return YearMonth.from(d).minusMonths(1);
    }

    static LocalDate deadline(YearMonth q) {
        return q.plusMonths(1).atDay(DEADLINE_DAY);
    }

    /** The latest period whose deadline is before D. */
    static YearMonth latestPastDeadline(LocalDate d) {
        YearMonth q = YearMonth.from(d);
        while (!deadline(q).isBefore(d)) {
            q = q.minusMonths(1);
        }
        return q;
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    static boolean counted(Project f, YearMonth p) {
        return f.planned(p.getYear()).signum() > 0 && f.registeredOn != null
                && !f.registeredOn.isAfter(p.atEndOfMonth()) && f.phase != ProjectPhase.REVOKED;
    }

    static boolean coloured(Project f, LocalDate d) {
        return counted(f, assessmentPeriod(d)) && ACTIVE.contains(f.phase);
    }

    static boolean requiredToReport(Project f, YearMonth q) {
        if (f.registeredOn == null || f.registeredOn.isAfter(q.atEndOfMonth())) {
            return false;
        }
        ProjectPhase then = f.phaseOn(q.atEndOfMonth());
        return then != null && ACTIVE.contains(then);
    }

    private static void fire(Map<String, Colour> reasons, String code, Colour level) {
        reasons.merge(code, level, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    private static void byDays(Map<String, Colour> reasons, String code, long late) {
        if (late >= RED_AFTER) {
            fire(reasons, code, Colour.RED);
        } else if (late >= 1) {
            fire(reasons, code, Colour.YELLOW);
        }
    }

    /** Every reason that fires for a coloured project as of D, with its level. */
    static Map<String, Colour> reasons(Project f, LocalDate d) {
        Map<String, Colour> r = new TreeMap<>();
        YearMonth p = assessmentPeriod(d);
        int m = p.getMonthValue();
        boolean started = f.startedBy(d);
        if (f.type == ConstructionType.NEW && !started && f.plannedStart != null) {
            byDays(r, "NOT_STARTED", days(f.plannedStart, d));
        }
        for (Milestone ms : f.milestones) {
            if (ms.kind() != MilestoneKind.START && ms.actual() == null && ms.planned() != null) {
                byDays(r, "MILESTONE_OVERDUE", days(ms.planned(), d));
            }
        }
        if (started && m >= 4) {
            Q rate = Q.of(f.ytd(p)).over(Q.of(f.planned(p.getYear())));
            Q lag = rate.minus(Q.of(m, 12)); // as a fraction: −0.30 is 30 points behind
            if (lag.compareTo(Q.of(-30, 100)) < 0) {
                fire(r, "BEHIND_SCHEDULE", Colour.RED);
            } else if (lag.compareTo(Q.of(-10, 100)) <= 0) {
                fire(r, "BEHIND_SCHEDULE", Colour.YELLOW);
            }
        }
        YearMonth q = latestPastDeadline(d);
        if (requiredToReport(f, q) && !f.reports.containsKey(q)) {
            fire(r, "REPORT_MISSING", Colour.RED);
        }
        boolean supervisionOverdue = f.notices.stream().anyMatch(n -> n.colour == Colour.RED && n.open()
                && (n.overdue || n.escalatedFrom != null));
        if (supervisionOverdue) {
            fire(r, "SUPERVISION_OVERDUE", Colour.RED);
        }
        if (started) {
            YearMonth a = p.minusMonths(1);
            YearMonth b = p.minusMonths(2);
            if (f.reported(a).signum() > 0 && f.entered.getOrDefault(a, BigDecimal.ZERO).signum() == 0
                    && f.reported(b).signum() > 0 && f.entered.getOrDefault(b, BigDecimal.ZERO).signum() == 0) {
                fire(r, "ENTRY_LAGGING", Colour.YELLOW);
            }
        }
        return r;
    }

    static boolean reminderDue(Project f, LocalDate d) {
        for (Milestone ms : f.milestones) {
            if (ms.actual() == null && ms.planned() != null) {
                long ahead = days(d, ms.planned());
                if (ahead >= 0 && ahead <= MILESTONE_REMINDER_DAYS) {
                    return true;
                }
            }
        }
        YearMonth p = assessmentPeriod(d);
        long toDeadline = days(d, deadline(p));
        return requiredToReport(f, p) && !f.reports.containsKey(p) && toDeadline >= 0
                && toDeadline <= REPORT_REMINDER_DAYS;
    }

    private Notice open(Project f, Colour colour) {
        for (Notice n : f.notices) {
            if (n.colour == colour && n.open()) {
                return n;
            }
        }
        return null;
    }

    private Notice issue(Project f, Colour colour, LocalDate d, Notice escalatedFrom) {
        LocalDate deadline = colour == Colour.GREEN ? null
                : d.plusDays(colour == Colour.RED ? RED_NOTICE_DAYS : YELLOW_NOTICE_DAYS);
        int ordinal = (int) f.notices.stream().filter(n -> n.colour == colour && n.issuedOn.equals(d)).count();
        Notice n = new Notice(f, colour, d, deadline, ordinal, escalatedFrom);
        f.notices.add(n);
        if (colour != Colour.GREEN) {
            n.plan.addAll(planner.apply(n));
        }
        return n;
    }

    /** Re-evaluates one project as of D: deadlines, escalation, colour, new notices, the reminder. */
    void evaluate(Project f, LocalDate d) {
        for (Notice n : List.copyOf(f.notices)) {
            if (n.open() && !n.overdue && n.deadline != null && d.isAfter(n.deadline)) {
                n.overdue = true;
                n.trail.add("MARK_OVERDUE@" + d);
                if (n.colour == Colour.YELLOW) {
                    Notice red = open(f, Colour.RED);
                    escalations++;
                    if (red == null) {
                        red = issue(f, Colour.RED, d, n);
                    } else {
                        escalationsIntoExistingRed++;
                    }
                    n.stage = "ESCALATED";
                    n.escalatedTo = red;
                    n.trail.add("ESCALATE@" + d);
                    n.plan.clear();
                }
            }
        }
        Colour before = f.colour;
        if (!coloured(f, d)) {
            f.colour = null;
            f.reasons = new TreeMap<>();
            Notice green = open(f, Colour.GREEN);
            if (green != null) {
                green.stage = "CLOSED";
                green.trail.add("CLOSE@" + d);
            }
            return;
        }
        Map<String, Colour> reasons = reasons(f, d);
        Colour colour = Colour.GREEN;
        for (Colour c : reasons.values()) {
            colour = c.compareTo(colour) > 0 ? c : colour;
        }
        f.reasons = reasons;
        f.colour = colour;
        Colour previous = before == null ? Colour.GREEN : before;
        if (colour != previous && colour != Colour.GREEN && open(f, colour) == null) {
            issue(f, colour, d, null);
        }
        boolean remind = reminderDue(f, d);
        Notice green = open(f, Colour.GREEN);
        if (remind && green == null) {
            issue(f, Colour.GREEN, d, null);
        } else if (!remind && green != null) {
            green.stage = "CLOSED";
            green.trail.add("CLOSE@" + d);
        }
    }

    // ------------------------------------------------------------------------------------------------ outputs

    Map<String, Project> projects() {
        return projects;
    }

    int escalations() {
        return escalations;
    }

    int escalationsIntoExistingRed() {
        return escalationsIntoExistingRed;
    }

    /** code → "COLOUR CODE:LEVEL,…" for every coloured project; absent when not coloured. */
    Map<String, String> colours() {
        Map<String, String> out = new TreeMap<>();
        for (Project f : projects.values()) {
            if (f.colour != null) {
                out.put(f.code, colourLine(f.colour.name(), f.reasons));
            }
        }
        return out;
    }

    static String colourLine(String colour, Map<String, Colour> reasons) {
        StringBuilder b = new StringBuilder(colour);
        reasons.forEach((code, level) -> b.append(' ').append(code).append(':').append(level));
        return b.toString();
    }

    /** Every notice of the unit's projects, described. */
    List<String> notices(String unit) {
        List<String> out = new ArrayList<>();
        for (Project f : projects.values()) {
            if (unit.equals(f.unit)) {
                f.notices.forEach(n -> out.add(n.describe()));
            }
        }
        out.sort(null);
        return out;
    }

    List<Notice> allNotices() {
        List<Notice> all = new ArrayList<>();
        projects.values().forEach(f -> all.addAll(f.notices));
        return all;
    }

    /** A unit's standing for p(D) as of D. */
    record Standing(String unit, boolean ranked, Q score, BigDecimal ytd, String detail) {
    }

    record Ranking(List<Standing> ranked, List<Standing> unranked, List<String> honour, List<String> black) {
    }

    Standing standing(String unit, LocalDate d) {
        YearMonth p = assessmentPeriod(d);
        int y = p.getYear();
        int m = p.getMonthValue();
        LocalDate e = p.atEndOfMonth();
        BigDecimal sumC = BigDecimal.ZERO;
        BigDecimal sumP = BigDecimal.ZERO;
        int started = 0;
        int due = 0;
        int resumed = 0;
        int continued = 0;
        int msDue = 0;
        int msOnTime = 0;
        int openYellow = 0;
        int openRed = 0;
        int overdue = 0;
        for (Project f : projects.values()) {
            if (!unit.equals(f.unit)) {
                continue;
            }
            for (Notice n : f.notices) {
                if (!n.open() || n.colour == Colour.GREEN) {
                    continue;
                }
                if (n.colour == Colour.YELLOW) {
                    openYellow++;
                } else {
                    openRed++;
                }
                if (n.overdue) {
                    overdue++;
                }
            }
            if (!counted(f, p)) {
                continue;
            }
            sumC = sumC.add(f.ytd(p));
            sumP = sumP.add(f.planned(y));
            if (f.type == ConstructionType.NEW) {
                boolean s = f.startedBy(e);
                started += s ? 1 : 0;
                due += s || (f.plannedStart != null && !f.plannedStart.isAfter(e)) ? 1 : 0;
            } else {
                continued++;
                boolean r = false;
                for (int k = 1; k <= m; k++) {
                    Report rep = f.reports.get(YearMonth.of(y, k));
                    r |= rep != null && rep.underWay();
                }
                resumed += r ? 1 : 0;
            }
            for (Milestone ms : f.milestones) {
                if (ms.planned() != null && ms.planned().getYear() == y && !ms.planned().isAfter(e)) {
                    msDue++;
                    msOnTime += ms.actual() != null && !ms.actual().isAfter(ms.planned()) ? 1 : 0;
                }
            }
        }
        BigDecimal agreed = BigDecimal.ZERO;
        BigDecimal funds = BigDecimal.ZERO;
        int paper = 0;
        for (Deal deal : deals.values()) {
            if (!unit.equals(deal.unit)) {
                continue;
            }
            if (deal.signed && !deal.terminated && deal.agreed != null) {
                agreed = agreed.add(deal.agreed);
                funds = funds.add(deal.funds);
            }
            paper += deal.paper ? 1 : 0;
        }
        Q weighted = Q.ZERO;
        int weights = 0;
        StringBuilder detail = new StringBuilder();
        if (sumP.signum() != 0) {
            Q v = Q.of(sumC).over(Q.of(sumP).times(Q.of(m, 12))).min(Q.ONE);
            weighted = weighted.plus(v.times(Q.of(40)));
            weights += 40;
            detail.append(" inv=").append(sumC.toPlainString()).append('/').append(sumP.toPlainString());
        }
        if (due + continued != 0) {
            Q v = Q.of(started + resumed, due + continued);
            weighted = weighted.plus(v.times(Q.of(20)));
            weights += 20;
            detail.append(" start=").append(started + resumed).append('/').append(due + continued);
        }
        if (agreed.signum() != 0) {
            Q v = Q.of(funds).over(Q.of(agreed)).min(Q.ONE);
            weighted = weighted.plus(v.times(Q.of(20)));
            weights += 20;
            detail.append(" funds=").append(funds.toPlainString()).append('/').append(agreed.toPlainString());
        }
        if (msDue != 0) {
            Q v = Q.of(msOnTime, msDue);
            weighted = weighted.plus(v.times(Q.of(20)));
            weights += 20;
            detail.append(" ms=").append(msOnTime).append('/').append(msDue);
        }
        int penalty = 2 * openYellow + 5 * openRed + 3 * overdue + 5 * paper;
        detail.append(" penalty=").append(penalty).append(" (Y").append(openYellow).append(" R").append(openRed)
                .append(" O").append(overdue).append(" paper").append(paper).append(')');
        if (weights == 0) {
            return new Standing(unit, false, null, sumC, detail.toString());
        }
        Q score = weighted.over(Q.of(weights)).times(Q.of(100)).minus(Q.of(penalty)).max(Q.ZERO);
        return new Standing(unit, true, score, sumC, detail.toString());
    }

    static final Comparator<Standing> ORDER = Comparator.comparing(Standing::score, Comparator.reverseOrder())
            .thenComparing(Standing::ytd, Comparator.reverseOrder()).thenComparing(Standing::unit);

    Ranking ranking(UnitKind kind, LocalDate d) {
        List<Standing> ranked = new ArrayList<>();
        List<Standing> unranked = new ArrayList<>();
        for (Map.Entry<String, UnitKind> u : units.entrySet()) {
            if (u.getValue() != kind) {
                continue;
            }
            Standing s = standing(u.getKey(), d);
            (s.ranked() ? ranked : unranked).add(s);
        }
        ranked.sort(ORDER);
        List<Standing> others = ranked.stream().filter(s -> !exempt.contains(s.unit()) && !negative.contains(s.unit()))
                .toList();
        int n = others.size();
        int kh = Math.min(3, (n + 1) / 2);
        int kb = Math.min(3, n / 2);
        List<String> honour = new ArrayList<>();
        List<String> black = new ArrayList<>();
        for (List<Standing> group : List.of(ranked, unranked)) {
            for (Standing s : group) {
                if (exempt.contains(s.unit())) {
                    honour.add(s.unit());
                }
                if (negative.contains(s.unit())) {
                    black.add(s.unit());
                }
            }
        }
        others.subList(0, kh).forEach(s -> honour.add(s.unit()));
        others.subList(n - kb, n).forEach(s -> black.add(s.unit()));
        return new Ranking(ranked, unranked, honour, black);
    }

    Map<String, UnitKind> units() {
        return new LinkedHashMap<>(units);
    }
}
