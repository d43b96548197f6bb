package gov.keyproject.assessment.scenario;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealSnapshot;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import gov.keyproject.contracts.promotion.SourceKind;
import gov.keyproject.contracts.statistics.InvestmentEntryRecorded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A simulated county's year (2025), generated from a seed: 21 responsible units in three sequences, 100 key projects
 * (新建 and 续建, registered in waves, planned starts and milestones over the year, some met, some late, some
 * never), their monthly reports (on time, corrected, late, never), the statistics bureau's entries (on time, late,
 * never), 16 promotion deals (signed, funded above the agreed amount, terminated, landed as projects, 纸上项目
 * flagged and cleared) and the office's exemption and negative lists. Every happening is tied to a day; on that
 * day {@link #registry}, {@link #feed} and {@link #deals} produce the events the other services would publish,
 * built from the registry's and promotion's state at that moment.
 */
final class County {

    static final int YEAR = 2025;
    static final LocalDate FIRST = LocalDate.of(YEAR, 1, 1);
    static final LocalDate LAST = LocalDate.of(YEAR, 12, 31);

    record Unit(String code, String name, UnitKind kind) {
    }

    /** The registry's view of a project, mutated as the year goes on. */
    static final class Project {
        final String code;
        final String unit;
        final ConstructionType type;
        final Map<Integer, BigDecimal> planned;
        final LocalDate registeredOn;
        final ProjectPhase initialPhase;
        final LocalDate plannedStart;
        final String leader;
        final String dealId;
        final ProjectCategory category;
        ProjectPhase phase;
        LocalDate startDate;
        final List<MilestoneState> milestones = new ArrayList<>();
        final Map<YearMonth, BigDecimal> filed = new HashMap<>();
        final Map<YearMonth, Integer> revisions = new HashMap<>();
        final Map<YearMonth, Long> entrySequences = new HashMap<>();
        long sequence;

        Project(String code, String unit, ConstructionType type, Map<Integer, BigDecimal> planned,
                LocalDate registeredOn, ProjectPhase initialPhase, LocalDate plannedStart, LocalDate startDate,
                String leader, String dealId, ProjectCategory category) {
            this.code = code;
            this.unit = unit;
            this.type = type;
            this.planned = planned;
            this.registeredOn = registeredOn;
            this.initialPhase = initialPhase;
            this.phase = initialPhase;
            this.plannedStart = plannedStart;
            this.startDate = startDate;
            this.leader = leader;
            this.dealId = dealId;
            this.category = category;
            if (plannedStart != null || startDate != null) {
                milestones.add(new MilestoneState(MilestoneKind.START, plannedStart, startDate));
            }
        }

        BigDecimal planned2025() {
            return planned.getOrDefault(YEAR, BigDecimal.ZERO);
        }

        ProjectSnapshot snapshot() {
            BigDecimal total = planned.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .multiply(BigDecimal.valueOf(2));
            return new ProjectSnapshot(code, "重点项目" + code.substring(code.lastIndexOf('-') + 1), category,
                    ProjectLevel.COUNTY, type, total, planned, plannedStart,
                    plannedStart == null ? null : plannedStart.plusYears(2), "城关镇", unit, leader, "某建设有限公司",
                    dealId, phase, registeredOn, startDate, null, List.copyOf(milestones), List.of());
        }

        void milestone(MilestoneKind kind, LocalDate planned, LocalDate actual) {
            for (int i = 0; i < milestones.size(); i++) {
                if (milestones.get(i).kind() == kind) {
                    milestones.set(i, new MilestoneState(kind, planned, actual));
                    return;
                }
            }
            milestones.add(new MilestoneState(kind, planned, actual));
        }
    }

    /** Promotion's view of a deal. */
    static final class Deal {
        final String id;
        final String unit;
        final String company;
        final String industry;
        final SourceKind source;
        final BigDecimal intended;
        final LocalDate registeredOn;
        final Map<DealStage, LocalDate> reached = new EnumMap<>(DealStage.class);
        DealStage stage = DealStage.NEGOTIATING;
        BigDecimal agreed;
        LocalDate signedOn;
        BigDecimal funds = BigDecimal.ZERO;
        LocalDate terminatedOn;
        String reason;
        String projectCode;
        LocalDate flaggedOn;
        boolean paper;
        long sequence;
        /** Generation only: the (walked) signing day and the day it lands or is terminated, if it does. */
        LocalDate plannedSigning;
        LocalDate plannedEnd;

        Deal(String id, String unit, String company, String industry, SourceKind source, String intended,
             LocalDate registeredOn) {
            this.id = id;
            this.unit = unit;
            this.company = company;
            this.industry = industry;
            this.source = source;
            this.intended = new BigDecimal(intended);
            this.registeredOn = registeredOn;
            reached.put(DealStage.NEGOTIATING, registeredOn);
        }

        DealSnapshot snapshot() {
            return new DealSnapshot(id, company, industry, source, source == SourceKind.FAIR ? "青洽会" : null,
                    intended, unit, stage, registeredOn, reached, agreed, signedOn, funds, terminatedOn, reason,
                    projectCode, paper);
        }
    }

    /** Events with the sequence their producer gives them (per aggregate; per project and month for the feed). */
    record Out(DomainEvent event, long sequence) {
    }

    private interface Step extends Function<LocalDate, List<Out>> {
    }

    final String prefix;
    final List<Unit> units = new ArrayList<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    final Map<String, Deal> deals = new LinkedHashMap<>();
    /** Operator list changes: day → (unit, list). */
    final TreeMap<LocalDate, List<Map.Entry<String, String>>> lists = new TreeMap<>();
    private final TreeMap<LocalDate, List<Step>> registry = new TreeMap<>();
    private final TreeMap<LocalDate, List<Step>> feed = new TreeMap<>();
    private final TreeMap<LocalDate, List<Step>> dealSteps = new TreeMap<>();
    private final Random rnd;
    private final Predicate<LocalDate> walked;
    final Map<String, Integer> tally = new TreeMap<>();

    /**
     * The days the simulation walks: every day, or the days that matter (see {@link #daysThatMatter}). Everything
     * planned happens on a walked day.
     */
    County(String prefix, long seed, Predicate<LocalDate> walked) {
        this.prefix = prefix;
        this.rnd = new Random(seed);
        this.walked = walked;
        String[] townships = {"城关镇", "东关街道", "西湖镇", "南山镇", "北岭乡", "河口镇", "青石镇", "柳林乡", "新城街道"};
        String[] departments = {"发改局", "住建局", "交通局", "招商局", "水利局", "文旅局", "教体局"};
        String[] zones = {"经济开发区", "高新技术产业园", "化工园区", "物流园区", "文旅度假区"};
        for (int i = 0; i < townships.length; i++) {
            units.add(new Unit(unit("T", i + 1), townships[i], UnitKind.TOWNSHIP));
        }
        for (int i = 0; i < departments.length; i++) {
            units.add(new Unit(unit("D", i + 1), departments[i], UnitKind.DEPARTMENT));
        }
        for (int i = 0; i < zones.length; i++) {
            units.add(new Unit(unit("Z", i + 1), zones[i], UnitKind.DEVELOPMENT_ZONE));
        }
        dealsAndTheirProjects();
        generatedProjects(100 - projects.size());
        list(LocalDate.of(YEAR, 4, 1), unit("T", 1), "EXEMPT");
        list(LocalDate.of(YEAR, 5, 1), unit("D", 7), "NEGATIVE");
        list(LocalDate.of(YEAR, 5, 1), unit("Z", 2), "NEGATIVE");
    }

    /**
     * The days that matter: the first week of each month (reports for the month before are due on the 5th, the
     * reminders before it and 漏报 after it), every third day in between (deadlines of notices, thresholds of 1 and
     * 31 days are then met within two days), and each month's last day (the month-end rankings).
     */
    static boolean daysThatMatter(LocalDate d) {
        return d.getDayOfMonth() <= 7 || d.getDayOfMonth() % 3 == 1 || d.equals(YearMonth.from(d).atEndOfMonth());
    }

    boolean walked(LocalDate d) {
        return walked.test(d);
    }

    /** The first walked day on or after {@code d}. */
    LocalDate snap(LocalDate d) {
        while (!walked.test(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    String unit(String kind, int n) {
        return prefix + "-" + kind + String.format("%02d", n);
    }

    private void list(LocalDate day, String unit, String list) {
        lists.computeIfAbsent(day, d -> new ArrayList<>()).add(Map.entry(unit, list));
    }

    // ---------------------------------------------------------------------------------------------- the day's events

    List<Out> registry(LocalDate day) {
        return run(registry, day);
    }

    List<Out> feed(LocalDate day) {
        return run(feed, day);
    }

    List<Out> deals(LocalDate day) {
        return run(dealSteps, day);
    }

    /** Every day something is planned for (the walk must include them). */
    java.util.SortedSet<LocalDate> eventDays() {
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        days.addAll(registry.keySet());
        days.addAll(feed.keySet());
        days.addAll(dealSteps.keySet());
        days.addAll(lists.keySet());
        return days;
    }

    private static List<Out> run(TreeMap<LocalDate, List<Step>> plan, LocalDate day) {
        List<Out> out = new ArrayList<>();
        for (Step s : plan.getOrDefault(day, List.of())) {
            out.addAll(s.apply(day));
        }
        return out;
    }

    private void at(TreeMap<LocalDate, List<Step>> plan, LocalDate day, Step step) {
        if (day.isAfter(LAST)) {
            return; // beyond the simulated year
        }
        if (day.isBefore(FIRST) || !walked.test(day)) {
            throw new IllegalStateException("planned on a day not walked: " + day);
        }
        plan.computeIfAbsent(day, d -> new ArrayList<>()).add(step);
    }

    private void count(String what) {
        tally.merge(what, 1, Integer::sum);
    }

    // ---------------------------------------------------------------------------------------------- projects

    private static LocalDate d(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return from.plusDays(span <= 0 ? 0 : rnd.nextInt((int) span + 1));
    }

    private BigDecimal amount(int from, int to) {
        return BigDecimal.valueOf(from * 100L + rnd.nextInt((to - from) * 100 + 1), 2);
    }

    /** A month of work: its investment as a share of the year's plan, and whether work is under way. */
    private record Month(double share, boolean underWay) {
    }

    private static final String[] LEADERS = {"王副县长", "李副县长", "张常委", "刘副书记", "陈副县长"};
    private static final MilestoneKind[] BEFORE_START = {MilestoneKind.PROJECT_APPROVAL,
            MilestoneKind.FEASIBILITY_APPROVAL, MilestoneKind.LAND_PRE_EXAMINATION,
            MilestoneKind.ENVIRONMENTAL_APPROVAL, MilestoneKind.PLANNING_PERMIT, MilestoneKind.CONSTRUCTION_PERMIT};
    private static final MilestoneKind[] AFTER_START = {MilestoneKind.MAIN_STRUCTURE_COMPLETED,
            MilestoneKind.COMPLETION_ACCEPTANCE, MilestoneKind.PRODUCTION};

    private void generatedProjects(int count) {
        List<String> slots = new ArrayList<>();
        for (Unit u : units) {
            int n = switch (u.kind()) {
                case TOWNSHIP -> 5;
                case DEPARTMENT -> u.code().endsWith("D07") ? 0 : 5;
                case DEVELOPMENT_ZONE -> 4;
            };
            for (int i = 0; i < n; i++) {
                slots.add(u.code());
            }
        }
        Collections.shuffle(slots, rnd);
        int neverUnderWay = 2;
        for (int i = 0; i < count; i++) {
            String unit = slots.get(i % slots.size());
            String code = prefix + "-P" + String.format("%03d", i + 1);
            boolean continued = rnd.nextDouble() < 0.3;
            LocalDate registered = snap(rnd.nextDouble() < 0.85 ? between(d(1, 2), d(1, 30))
                    : between(d(2, 3), d(8, 28)));
            LocalDate countedFrom = YearMonth.from(registered).plusMonths(1).atDay(1);
            LocalDate quiet = countedFrom.plusDays(7); // nothing undone falls due between registration and this
            Map<Integer, BigDecimal> planned = Map.of(YEAR, continued ? amount(2000, 30000) : amount(800, 15000));
            String leader = LEADERS[rnd.nextInt(LEADERS.length)];
            ProjectCategory category = ProjectCategory.values()[rnd.nextInt(ProjectCategory.values().length)];
            double pace = pick(new double[]{1.15, 1.0, 0.85, 0.6, 0.3}, new double[]{30, 35, 15, 15, 5});
            Project p;
            if (continued) {
                LocalDate start = between(LocalDate.of(YEAR - 1, 3, 1), LocalDate.of(YEAR - 1, 11, 30));
                p = new Project(code, unit, ConstructionType.CONTINUED, planned, registered,
                        ProjectPhase.UNDER_CONSTRUCTION, start.minusDays(rnd.nextInt(21)), start, leader, null,
                        category);
                milestones(p, AFTER_START, registered, quiet, LocalDate.of(YEAR + 1, 3, 31));
                boolean winterStop = rnd.nextDouble() < 0.4;
                boolean never = neverUnderWay > 0 && rnd.nextDouble() < 0.3;
                if (never) {
                    neverUnderWay--;
                    count("continued never under way");
                }
                register(p);
                reports(p, q -> never || winterStop && q.getMonthValue() <= 2 ? new Month(0, false)
                        : new Month(pace / 12, true));
                count("continued");
            } else {
                double kind = rnd.nextDouble();
                if (kind < 0.05) {
                    // Started before the list was published.
                    LocalDate start = registered.minusDays(rnd.nextInt(20));
                    start = start.isBefore(FIRST) ? FIRST : start;
                    p = new Project(code, unit, ConstructionType.NEW, planned, registered,
                            ProjectPhase.UNDER_CONSTRUCTION, start.plusDays(rnd.nextInt(21) - 10), start, leader,
                            null, category);
                    milestones(p, AFTER_START, registered, quiet, LocalDate.of(YEAR, 12, 25));
                    register(p);
                    reports(p, q -> new Month(pace / 12, true));
                    count("new, started before registration");
                } else {
                    ProjectPhase initial = rnd.nextDouble() < 0.4 ? ProjectPhase.PREPARATION : ProjectPhase.READY;
                    LocalDate plannedStart = rnd.nextDouble() < 0.15
                            ? registered.minusDays(1 + rnd.nextInt(45))
                            : between(quiet, d(11, 25));
                    LocalDate start = startOutcome(plannedStart, registered);
                    p = new Project(code, unit, ConstructionType.NEW, planned, registered, initial, plannedStart,
                            null, leader, null, category);
                    milestones(p, BEFORE_START, registered, quiet, LocalDate.of(YEAR, 12, 20));
                    register(p);
                    phases(p, initial, start);
                    int from = Math.max(1, (plannedStart.getYear() < YEAR ? 1 : plannedStart.getMonthValue()));
                    double monthly = pace / (13 - from);
                    LocalDate s = start;
                    reports(p, q -> s != null && !s.isAfter(q.atEndOfMonth()) ? new Month(monthly, true)
                            : new Month(rnd.nextDouble() < 0.3 ? 0 : 0.03, false));
                    count("new");
                }
            }
            entries(p);
        }
    }

    private double pick(double[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** When a new project actually starts: early, on time, a little late, very late, or not this year. */
    private LocalDate startOutcome(LocalDate plannedStart, LocalDate registered) {
        double r = rnd.nextDouble();
        LocalDate start;
        if (r < 0.2) {
            start = plannedStart.minusDays(1 + rnd.nextInt(20));
            count("start early");
        } else if (r < 0.35) {
            start = plannedStart;
            count("start on time");
        } else if (r < 0.6) {
            start = plannedStart.plusDays(1 + rnd.nextInt(30));
            count("start 1-30 days late");
        } else if (r < 0.85) {
            start = plannedStart.plusDays(31 + rnd.nextInt(70));
            count("start 31-100 days late");
        } else {
            count("start never");
            return null;
        }
        if (!start.isAfter(registered)) {
            start = registered.plusDays(1 + rnd.nextInt(5));
        }
        start = snap(start);
        return start.isAfter(LAST) ? null : start;
    }

    /** 1–3 milestones of the kinds given, in order; some met before registration, the rest met, late or never. */
    private void milestones(Project p, MilestoneKind[] kinds, LocalDate registered, LocalDate quiet,
                            LocalDate latest) {
        int n = 1 + rnd.nextInt(3);
        int first = rnd.nextInt(kinds.length - n + 1);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dates.add(between(quiet, latest));
        }
        Collections.sort(dates);
        for (int i = 0; i < n; i++) {
            MilestoneKind kind = kinds[first + i];
            if (i == 0 && rnd.nextDouble() < 0.15) {
                // Already met when the project was listed.
                LocalDate planned = registered.minusDays(5 + rnd.nextInt(40));
                LocalDate actual = planned.plusDays(rnd.nextInt(8) - 5);
                actual = actual.isBefore(registered) ? actual : registered.minusDays(1);
                p.milestone(kind, planned, actual);
                count("milestone met before listing");
                continue;
            }
            LocalDate planned = dates.get(i);
            p.milestone(kind, planned, null);
            double r = rnd.nextDouble();
            LocalDate actual;
            if (r < 0.4) {
                actual = planned.minusDays(rnd.nextInt(10));
                count("milestone on time");
            } else if (r < 0.65) {
                actual = planned.plusDays(1 + rnd.nextInt(30));
                count("milestone 1-30 days late");
            } else if (r < 0.8) {
                actual = planned.plusDays(31 + rnd.nextInt(60));
                count("milestone 31-90 days late");
            } else {
                count("milestone never");
                continue;
            }
            if (!actual.isAfter(registered)) {
                actual = registered.plusDays(1);
            }
            LocalDate recorded = snap(actual.plusDays(rnd.nextInt(7)));
            LocalDate met = actual;
            at(registry, recorded, day -> {
                p.milestone(kind, planned, met);
                return List.of(new Out(new ProjectChanged(p.snapshot(), List.of("milestones")), ++p.sequence));
            });
        }
    }

    private void register(Project p) {
        projects.put(p.code, p);
        at(registry, p.registeredOn, day -> List.of(new Out(new ProjectRegistered(p.snapshot()), ++p.sequence)));
    }

    /** PREPARATION → READY some days before the start (or some time, if it never starts), then the start. */
    private void phases(Project p, ProjectPhase initial, LocalDate start) {
        if (initial == ProjectPhase.PREPARATION) {
            LocalDate ready = null;
            if (start != null) {
                ready = start.minusDays(rnd.nextInt(30));
            } else if (rnd.nextBoolean()) {
                ready = between(p.registeredOn.plusDays(1), d(12, 15));
            }
            if (ready != null) {
                if (!ready.isAfter(p.registeredOn)) {
                    ready = p.registeredOn.plusDays(1);
                }
                ready = snap(ready);
                if (start != null && ready.isAfter(start)) {
                    ready = start;
                }
                move(p, ready, ProjectPhase.READY);
            }
        }
        if (start != null) {
            move(p, start, ProjectPhase.UNDER_CONSTRUCTION);
        }
    }

    private void move(Project p, LocalDate day0, ProjectPhase to) {
        LocalDate on = snap(day0);
        at(registry, on, day -> {
            ProjectPhase from = p.phase;
            p.phase = to;
            if (to == ProjectPhase.UNDER_CONSTRUCTION) {
                p.startDate = on;
                p.milestone(MilestoneKind.START, p.plannedStart, on);
            }
            return List.of(new Out(new ProjectPhaseChanged(p.snapshot(), from, to, on), ++p.sequence));
        });
    }

    /** Which units file their reports late or not at all more often (漏报). */
    private boolean sloppy(String unit) {
        return unit.endsWith("T05") || unit.endsWith("D03") || unit.endsWith("Z04");
    }

    /**
     * The monthly reports from the registration month to November (filed in December), each on time (days 1–5 of
     * the next month, some corrected before the deadline), late (by an operator), or never; a few corrected by an
     * operator two months later. {@code share}: the month's investment as a share of the year's plan.
     */
    private void reports(Project p, Function<YearMonth, Month> work) {
        for (YearMonth q = YearMonth.from(p.registeredOn); q.getYear() == YEAR && q.getMonthValue() <= 11;
             q = q.plusMonths(1)) {
            YearMonth period = q;
            double r = rnd.nextDouble();
            double onTime = sloppy(p.unit) ? 0.65 : 0.93;
            double late = sloppy(p.unit) ? 0.85 : 0.97;
            Month month = work.apply(q);
            BigDecimal amount = money(p.planned2025(), month.share() * (0.6 + 0.8 * rnd.nextDouble()));
            boolean underWay = month.underWay();
            LocalDate next = q.plusMonths(1).atDay(1);
            if (r < onTime) {
                int day = (int) pick(new double[]{1, 2, 3, 4, 5}, new double[]{25, 25, 20, 15, 15});
                file(p, period, next.withDayOfMonth(day), amount, underWay, false);
                count("report on time");
                if (day < 5 && rnd.nextDouble() < 0.06) {
                    BigDecimal corrected = money(amount, 0.8 + 0.4 * rnd.nextDouble());
                    file(p, period, next.withDayOfMonth(day + 1 + rnd.nextInt(5 - day)), corrected, underWay,
                            false);
                    count("report corrected before the deadline");
                }
            } else if (r < late) {
                file(p, period, next.withDayOfMonth(6 + rnd.nextInt(15)), amount, underWay, true);
                count("report late (operator)");
            } else {
                count("report never");
                continue;
            }
            if (rnd.nextDouble() < 0.02) {
                file(p, period, q.plusMonths(2).atDay(12), money(amount, 1.1), underWay, true);
                count("report corrected by an operator later");
            }
        }
    }

    private static BigDecimal money(BigDecimal base, double factor) {
        return base.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
    }

    private void file(Project p, YearMonth period, LocalDate day0, BigDecimal amount, boolean underWay,
                      boolean byOperator) {
        at(registry, snap(day0), day -> {
            BigDecimal previous = p.filed.getOrDefault(period, BigDecimal.ZERO);
            int revision = p.revisions.merge(period, 1, Integer::sum);
            p.filed.put(period, amount);
            return List.of(new Out(new ProgressReported(p.code, p.unit, period, revision, amount, previous,
                    amount.subtract(previous), underWay, underWay ? "主体施工" : "前期准备", underWay ? 30 : 0, 0,
                    byOperator ? "operator-li" : "system-" + p.unit, byOperator, day), ++p.sequence));
        });
    }

    /** The statistics bureau enters most projects' reported amounts mid next month; some late, some never. */
    private void entries(Project p) {
        double r = rnd.nextDouble();
        if (r < 0.12) {
            count("entries never");
            return;
        }
        int lag = r < 0.2 ? 3 : 1;
        for (YearMonth q = YearMonth.from(p.registeredOn); q.getYear() == YEAR; q = q.plusMonths(1)) {
            YearMonth period = q;
            at(feed, snap(q.plusMonths(lag).atDay(15)), day -> {
                BigDecimal reported = p.filed.getOrDefault(period, BigDecimal.ZERO);
                if (reported.signum() <= 0) {
                    return List.of();
                }
                long seq = p.entrySequences.merge(period, 1L, Long::sum);
                return List.of(new Out(new InvestmentEntryRecorded(p.code, period, reported, seq), seq));
            });
        }
    }

    // ---------------------------------------------------------------------------------------------- deals

    private Deal deal(int n, String unit, String company, String industry, SourceKind source, String intended,
                      LocalDate day0) {
        LocalDate registered = snap(day0);
        Deal deal = new Deal(prefix + "-DL" + String.format("%02d", n), unit, company, industry, source, intended,
                registered);
        deals.put(deal.id, deal);
        at(dealSteps, registered, day -> List.of(new Out(new DealRegistered(deal.snapshot()), ++deal.sequence)));
        return deal;
    }

    private void sign(Deal deal, LocalDate day0, String agreed) {
        LocalDate on = snap(day0);
        deal.plannedSigning = on;
        at(dealSteps, on, day -> {
            DealStage from = deal.stage;
            deal.stage = DealStage.SIGNED;
            deal.reached.put(DealStage.SIGNED, on);
            deal.agreed = new BigDecimal(agreed);
            deal.signedOn = on;
            return List.of(new Out(new DealStageChanged(deal.snapshot(), from, DealStage.SIGNED, on), ++deal.sequence),
                    new Out(new DealSigned(deal.id, deal.unit, deal.agreed, on), ++deal.sequence));
        });
    }

    private void funds(Deal deal, LocalDate day0, String amount) {
        LocalDate on = snap(day0);
        at(dealSteps, on, day -> {
            deal.funds = deal.funds.add(new BigDecimal(amount));
            return List.of(new Out(new FundsArrived(deal.id, deal.unit, on, new BigDecimal(amount), deal.funds,
                    deal.agreed), ++deal.sequence));
        });
    }

    private void land(Deal deal, LocalDate on, Project project) {
        deal.plannedEnd = on;
        at(dealSteps, on, day -> {
            List<Out> out = new ArrayList<>();
            DealStage from = deal.stage;
            boolean flagged = deal.paper;
            deal.stage = DealStage.LANDED;
            deal.reached.put(DealStage.LANDED, on);
            deal.projectCode = project.code;
            deal.paper = false;
            out.add(new Out(new DealStageChanged(deal.snapshot(), from, DealStage.LANDED, on), ++deal.sequence));
            out.add(new Out(new DealLanded(deal.id, project.code, "招商项目" + deal.company, deal.company,
                    deal.industry, ProjectCategory.INDUSTRIAL, deal.unit, deal.agreed, on, project.plannedStart,
                    null), ++deal.sequence));
            if (flagged) {
                out.add(new Out(new PaperProjectCleared(deal.id, deal.unit, deal.flaggedOn, on, DealStage.LANDED),
                        ++deal.sequence));
            }
            return out;
        });
    }

    private void started(Deal deal, LocalDate day0) {
        LocalDate on = snap(day0);
        at(dealSteps, on, day -> {
            DealStage from = deal.stage;
            deal.stage = DealStage.STARTED;
            deal.reached.put(DealStage.STARTED, on);
            return List.of(new Out(new DealStageChanged(deal.snapshot(), from, DealStage.STARTED, on),
                    ++deal.sequence));
        });
    }

    private void terminate(Deal deal, LocalDate day0, String reason) {
        LocalDate on = snap(day0);
        deal.plannedEnd = on;
        at(dealSteps, on, day -> {
            List<Out> out = new ArrayList<>();
            DealStage from = deal.stage;
            boolean flagged = deal.paper;
            deal.stage = DealStage.TERMINATED;
            deal.reached.put(DealStage.TERMINATED, on);
            deal.terminatedOn = on;
            deal.reason = reason;
            deal.paper = false;
            out.add(new Out(new DealStageChanged(deal.snapshot(), from, DealStage.TERMINATED, on), ++deal.sequence));
            out.add(new Out(new DealTerminated(deal.id, deal.unit, from, on, reason), ++deal.sequence));
            if (flagged) {
                out.add(new Out(new PaperProjectCleared(deal.id, deal.unit, deal.flaggedOn, on,
                        DealStage.TERMINATED), ++deal.sequence));
            }
            return out;
        });
    }

    /**
     * 纸上项目 (DOMAIN §4): signed, D − sign date ≥ 181 and not landed (nor terminated) by D: promotion's daily sweep
     * flags it on the first such day.
     */
    private void paperRule(Deal deal) {
        LocalDate due = deal.plannedSigning.plusDays(181);
        LocalDate end = deal.plannedEnd;
        if (end != null && !end.isAfter(due)) {
            return;
        }
        LocalDate flag = snap(due);
        if (end != null && !end.isAfter(flag)) {
            throw new IllegalStateException("the scenario lands or ends " + deal.id + " between its due and walked "
                    + "flag days");
        }
        if (!flag.isAfter(LAST)) {
            count("paper project flagged");
        }
        at(dealSteps, flag, day -> {
            deal.paper = true;
            deal.flaggedOn = day;
            return List.of(new Out(new PaperProjectFlagged(deal.id, deal.unit, deal.signedOn, day), ++deal.sequence));
        });
    }

    /** A landed deal's project, as the registry creates it (phase READY, linked to the deal). */
    private Project landedProject(Deal deal, int n, LocalDate day0, Map<Integer, BigDecimal> planned,
                                  LocalDate plannedStart) {
        LocalDate landed = snap(day0);
        Project p = new Project(prefix + "-ZS" + String.format("%02d", n), deal.unit, ConstructionType.NEW,
                planned, landed, ProjectPhase.READY, plannedStart, null, LEADERS[n % LEADERS.length], deal.id,
                ProjectCategory.INDUSTRIAL);
        register(p);
        land(deal, landed, p);
        return p;
    }

    /** The planned investment for the year (万元), or none. */
    private static Map<Integer, BigDecimal> plan(String amount) {
        return amount == null ? Map.of() : Map.of(YEAR, new BigDecimal(amount));
    }

    private void dealsAndTheirProjects() {
        String t1 = unit("T", 1);
        Deal d1 = deal(1, unit("Z", 1), "华东新能源科技有限公司", "新能源", SourceKind.VISIT, "60000", d(1, 6));
        sign(d1, d(1, 13), "50000");
        funds(d1, d(2, 20), "12000");
        funds(d1, d(5, 12), "18000");
        funds(d1, d(9, 15), "10000");
        Project p1 = landedProject(d1, 1, d(6, 16), plan("8000"), d(7, 20));
        p1.milestone(MilestoneKind.CONSTRUCTION_PERMIT, d(7, 15), null);
        milestoneMet(p1, MilestoneKind.CONSTRUCTION_PERMIT, d(7, 15), d(7, 14), d(7, 14));
        move(p1, d(8, 4), ProjectPhase.UNDER_CONSTRUCTION);
        started(d1, d(8, 4));
        landedReports(p1, LocalDate.of(YEAR, 8, 4), 0.16);
        entries(p1);

        Deal d2 = deal(2, unit("Z", 1), "精密机械制造有限公司", "装备制造", SourceKind.FAIR, "15000", d(1, 8));
        terminate(d2, d(4, 22), "投资方战略调整");

        Deal d3 = deal(3, unit("Z", 2), "康瑞生物医药有限公司", "生物医药", SourceKind.REFERRAL, "35000", d(1, 10));
        sign(d3, d(1, 20), "30000");
        funds(d3, d(3, 10), "5000");

        Deal d4 = deal(4, unit("T", 2), "绿源农业科技有限公司", "现代农业", SourceKind.VISIT, "8000", d(2, 3));
        sign(d4, d(2, 17), "8000");
        funds(d4, d(3, 3), "3000");
        funds(d4, d(6, 9), "4000");
        funds(d4, d(8, 18), "3500"); // 10500 of 8000 agreed: above the agreed amount

        Deal d5 = deal(5, unit("T", 3), "顺达现代物流有限公司", "物流", SourceKind.ONLINE, "12000", d(1, 15));
        sign(d5, d(2, 10), "12000");
        funds(d5, d(4, 7), "2000");
        terminate(d5, d(10, 13), "企业资金链断裂");

        Deal d6 = deal(6, unit("T", 4), "山水文旅开发有限公司", "文化旅游", SourceKind.FAIR, "25000", d(3, 3));
        sign(d6, d(3, 24), "20000");
        funds(d6, d(5, 19), "6000");
        funds(d6, d(10, 20), "9000");
        Project p6 = landedProject(d6, 6, d(9, 8), plan("5000"), d(10, 20));
        p6.milestone(MilestoneKind.PLANNING_PERMIT, d(10, 10), null);
        landedReports(p6, null, 0.03);
        entries(p6);

        Deal d7 = deal(7, unit("D", 4), "芯联电子信息有限公司", "电子信息", SourceKind.VISIT, "20000", d(2, 24));
        sign(d7, d(3, 14), "15000");
        funds(d7, d(4, 28), "5000");
        // Landed in November, its investment plan not yet set: listed, reporting, but not counted (§3).
        Project p7 = landedProject(d7, 7, d(11, 17), plan(null), LocalDate.of(YEAR + 1, 3, 1));
        file(p7, YearMonth.of(YEAR, 11), d(12, 1), BigDecimal.ZERO, false, false);

        Deal d8 = deal(8, unit("D", 4), "华材新材料股份有限公司", "新材料", SourceKind.REFERRAL, "30000", d(4, 2));
        sign(d8, d(5, 6), "25000");
        funds(d8, d(6, 23), "8000");
        funds(d8, d(9, 29), "12000");
        funds(d8, d(12, 8), "10000"); // 30000 of 25000: above, but not for the unit as a whole

        Deal d9 = deal(9, unit("D", 2), "筑成绿色建材有限公司", "建材", SourceKind.VISIT, "6000", d(5, 12));
        sign(d9, d(6, 2), "6000");

        Deal d10 = deal(10, unit("Z", 3), "恒信精细化工有限公司", "化工", SourceKind.FAIR, "45000", d(1, 20));
        sign(d10, d(2, 5), "40000");
        funds(d10, d(3, 17), "20000");
        Project p10 = landedProject(d10, 10, d(7, 28), plan("12000"), d(8, 25));
        move(p10, d(8, 20), ProjectPhase.UNDER_CONSTRUCTION);
        started(d10, d(8, 20));
        landedReports(p10, d(8, 20), 0.2);
        entries(p10);

        deal(11, unit("Z", 4), "智运物流园管理有限公司", "物流", SourceKind.ONLINE, "18000", d(6, 3));

        Deal d12 = deal(12, unit("T", 6), "味源食品加工有限公司", "食品加工", SourceKind.VISIT, "5000", d(3, 11));
        sign(d12, d(4, 14), "5000");
        funds(d12, d(5, 5), "5000");
        Project p12 = landedProject(d12, 12, d(8, 11), plan("2500"), d(9, 15));
        move(p12, d(11, 10), ProjectPhase.UNDER_CONSTRUCTION);
        started(d12, d(11, 10));
        landedReports(p12, d(11, 10), 0.3);
        entries(p12);

        deal(13, unit("D", 7), "启航职业教育集团", "教育", SourceKind.REFERRAL, "10000", d(2, 12));

        Deal d14 = deal(14, unit("T", 7), "光耀分布式光伏有限公司", "新能源", SourceKind.ONLINE, "18000", d(7, 7));
        sign(d14, d(7, 21), "18000");
        funds(d14, d(8, 25), "4000");
        terminate(d14, d(11, 24), "项目选址调整");

        Deal d15 = deal(15, unit("Z", 5), "云数大数据中心有限公司", "数字经济", SourceKind.FAIR, "80000", d(9, 1));
        sign(d15, d(9, 22), "60000");
        funds(d15, d(10, 27), "15000");
        funds(d15, d(12, 15), "15000");

        Deal d16 = deal(16, t1, "颐养康养小镇投资有限公司", "康养", SourceKind.VISIT, "9000", d(1, 21));
        sign(d16, d(2, 26), "9000");
        funds(d16, d(3, 31), "9000");
        Project p16 = landedProject(d16, 16, d(7, 14), plan("3000"), d(8, 18));
        move(p16, d(9, 2), ProjectPhase.UNDER_CONSTRUCTION);
        started(d16, d(9, 2));
        landedReports(p16, d(9, 2), 0.25);
        entries(p16);

        // 纸上项目: every signed deal not landed nor terminated 181 days after signing.
        for (Deal deal : deals.values()) {
            if (deal.plannedSigning != null) {
                paperRule(deal);
            }
        }
    }

    private void milestoneMet(Project p, MilestoneKind kind, LocalDate planned, LocalDate actual,
                              LocalDate recorded) {
        at(registry, snap(recorded), day -> {
            p.milestone(kind, planned, actual);
            return List.of(new Out(new ProjectChanged(p.snapshot(), List.of("milestones")), ++p.sequence));
        });
    }

    private void landedReports(Project p, LocalDate start, double monthlyShare) {
        reports(p, q -> start != null && !start.isAfter(q.atEndOfMonth()) ? new Month(monthlyShare, true)
                : new Month(0, false));
    }
}
