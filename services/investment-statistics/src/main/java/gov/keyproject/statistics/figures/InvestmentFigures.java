package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The investment figures (投资统计, DOMAIN §3) for period p as of "today" D. Pure functions of their inputs, so any
 * past period can be replayed with the D it had.
 *
 * @param period p, normally {@link #assessmentPeriod(LocalDate) p(D)}; a bulletin uses the period it closes
 * @param today  D, from the injected clock: it decides whether a project is REVOKED
 */
public record InvestmentFigures(YearMonth period, LocalDate today) {

    public InvestmentFigures {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(today, "today");
    }

    /** The figures for the assessment period p(D) as of D. */
    public static InvestmentFigures asOf(LocalDate today) {
        return new InvestmentFigures(assessmentPeriod(today), today);
    }

    /** p(D), the assessment period (考核期): the calendar month before D. */
    public static YearMonth assessmentPeriod(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /** t = m / 12, m being the period's month (序时进度: "时间过半、任务过半", by June 50 %). */
    public static Rate timeProgress(YearMonth period) {
        return Rate.of(period.getMonthValue(), 12);
    }

    /** Whether {@code month} lies in the YTD (本年累计) of {@code period}: January of its year through it. */
    public static boolean isWithinYtd(YearMonth month, YearMonth period) {
        return month.getYear() == period.getYear() && !month.isAfter(period);
    }

    /** y, the period's year. */
    public int year() {
        return period.getYear();
    }

    /** E, the period's last day. */
    public LocalDate periodEnd() {
        return period.atEndOfMonth();
    }

    /**
     * The same month last year with the same D: the base of 同比. Counting uses the same "today", so a project revoked
     * since then leaves both years and the comparison stays like for like.
     */
    public InvestmentFigures previousYear() {
        return new InvestmentFigures(period.minusYears(1), today);
    }

    /** Why {@code project} is not counted in year y as of p; empty when it is counted (纳入统计). */
    public Set<Exclusion> exclusions(ProjectFacts project) {
        Set<Exclusion> reasons = EnumSet.noneOf(Exclusion.class);
        if (project.plannedFor(year()).signum() <= 0) {
            reasons.add(Exclusion.NO_PLAN_FOR_YEAR);
        }
        if (project.registeredOn().isAfter(periodEnd())) {
            reasons.add(Exclusion.REGISTERED_AFTER_PERIOD);
        }
        if (project.isRevokedAsOf(today)) {
            reasons.add(Exclusion.REVOKED);
        }
        return reasons;
    }

    /** Counted in year y as of p: P > 0, registered on or before E, not REVOKED as of D. */
    public boolean isCounted(ProjectFacts project) {
        return exclusions(project).isEmpty();
    }

    /** C = Σ monthly completed, January through p (each report in its latest version). */
    public BigDecimal ytdCompleted(ProjectFacts project) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, MonthlyReport> e : project.reports().entrySet()) {
            if (isWithinYtd(e.getKey(), period)) {
                sum = sum.add(e.getValue().investmentCompleted());
            }
        }
        return sum;
    }

    /** Started by E: the move to UNDER_CONSTRUCTION recorded a start date on or before E. */
    public boolean isStarted(ProjectFacts project) {
        return onOrBefore(project.startDate(), periodEnd());
    }

    /** In the 开工率 denominator (for a new project): planned start on or before E, or started by E. */
    public boolean isStartDue(ProjectFacts project) {
        return onOrBefore(project.plannedStart(), periodEnd()) || isStarted(project);
    }

    /** Completed in year y by E. A completion in an earlier year is not one of this year's. */
    public boolean isCompletedInYear(ProjectFacts project) {
        return inYearBy(project.completionDate());
    }

    /** In the 竣工率 denominator: planned completion in year y on or before E, or completed in year y by E. */
    public boolean isCompletionDue(ProjectFacts project) {
        return inYearBy(project.plannedCompletion()) || isCompletedInYear(project);
    }

    /** Resumed (复工, for a continued project): a report of year y through p says work is under way, or completed in y by E. */
    public boolean isResumed(ProjectFacts project) {
        boolean underWay = project.reports().entrySet().stream()
                .anyMatch(e -> isWithinYtd(e.getKey(), period) && e.getValue().workUnderWay());
        return underWay || isCompletedInYear(project);
    }

    /** The figures of one project, counted or not (see {@link ProjectFigures#exclusions()}). */
    public ProjectFigures project(ProjectFacts project, EnteredInvestment entered) {
        return new ProjectFigures(
                project.code(),
                period,
                exclusions(project),
                project.constructionType(),
                project.plannedFor(year()),
                project.report(period).map(MonthlyReport::investmentCompleted).orElse(BigDecimal.ZERO),
                ytdCompleted(project),
                isStarted(project),
                isStartDue(project),
                isResumed(project),
                isCompletedInYear(project),
                isCompletionDue(project),
                entered.month(project.code(), period),
                entered.ytd(project.code(), period));
    }

    /**
     * The figures of the group {@code key} in {@code dimension}, over the given projects (the caller picks the
     * members; only those counted this year enter this year's sums, only those counted last year enter the 同比 base).
     */
    public GroupFigures group(Dimension dimension, String key, Collection<ProjectFacts> members,
                              EnteredInvestment entered) {
        InvestmentFigures lastYear = previousYear();
        int counted = 0;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal month = BigDecimal.ZERO;
        BigDecimal ytd = BigDecimal.ZERO;
        BigDecimal lastYearYtd = BigDecimal.ZERO;
        BigDecimal ytdEntered = BigDecimal.ZERO;
        Tally start = Tally.NONE;
        Tally resume = Tally.NONE;
        Tally completed = Tally.NONE;
        Tally enteredTally = Tally.NONE;
        for (ProjectFacts member : members) {
            if (lastYear.isCounted(member)) {
                lastYearYtd = lastYearYtd.add(lastYear.ytdCompleted(member));
            }
            ProjectFigures f = project(member, entered);
            if (!f.counted()) {
                continue;
            }
            counted++;
            planned = planned.add(f.planned());
            month = month.add(f.monthCompleted());
            ytd = ytd.add(f.ytdCompleted());
            ytdEntered = ytdEntered.add(f.ytdEntered());
            start = start.plus(f.startTally());
            resume = resume.plus(f.resumeTally());
            completed = completed.plus(f.completedTally());
            enteredTally = enteredTally.plus(f.enteredTally());
        }
        return new GroupFigures(dimension, key, period, counted, planned, month, ytd, lastYearYtd, start, resume,
                completed, ytdEntered, enteredTally);
    }

    /**
     * One group per key of {@code dimension} met among {@code projects}, ordered by key. A group whose projects are
     * all uncounted is still listed, with zero sums and absent ("—") rates, so a unit never silently disappears.
     */
    public List<GroupFigures> byDimension(Dimension dimension, Collection<ProjectFacts> projects,
                                          EnteredInvestment entered) {
        Map<String, List<ProjectFacts>> members = new TreeMap<>();
        for (ProjectFacts p : projects) {
            members.computeIfAbsent(dimension.keyOf(p), k -> new ArrayList<>()).add(p);
        }
        List<GroupFigures> groups = new ArrayList<>(members.size());
        members.forEach((key, list) -> groups.add(group(dimension, key, list, entered)));
        return groups;
    }

    /** The same as {@link #byDimension}, keyed by group key (in key order). */
    public Map<String, GroupFigures> byKey(Dimension dimension, Collection<ProjectFacts> projects,
                                           EnteredInvestment entered) {
        Map<String, GroupFigures> result = new LinkedHashMap<>();
        byDimension(dimension, projects, entered).forEach(g -> result.put(g.key(), g));
        return result;
    }

    /** The whole county (全县合计). */
    public GroupFigures total(Collection<ProjectFacts> projects, EnteredInvestment entered) {
        return group(Dimension.TOTAL, "", projects, entered);
    }

    private boolean inYearBy(LocalDate date) {
        return date != null && date.getYear() == year() && !date.isAfter(periodEnd());
    }

    private static boolean onOrBefore(LocalDate date, LocalDate end) {
        return date != null && !date.isAfter(end);
    }
}
