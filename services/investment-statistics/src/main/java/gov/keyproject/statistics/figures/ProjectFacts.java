package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the statistics service knows of one registry project (项目台账) from the registry's events: the facts the
 * investment figures (投资统计, DOMAIN §3) are computed from. Immutable; maps are copied and sorted.
 *
 * @param code               project code
 * @param unitCode           responsible unit (责任单位)
 * @param township           township/street of the location (所在乡镇), may be null (it is optional in the registry)
 * @param plannedInvestment  planned investment (年度计划投资) per calendar year, 万元
 * @param registeredOn       the day the project entered the 项目库
 * @param plannedStart       planned start (计划开工), may be null
 * @param plannedCompletion  planned completion (计划竣工), may be null
 * @param phase              the latest phase known
 * @param revokedOn          the day it moved to REVOKED (收回), or null; only with phase REVOKED
 * @param startDate          actual start (the 开工 milestone's actual date, set by the move to UNDER_CONSTRUCTION), or null
 * @param completionDate     actual completion (set by the move to COMPLETED), or null
 * @param reports            per period, the latest version of its monthly report
 */
public record ProjectFacts(
        String code,
        String unitCode,
        String township,
        ProjectCategory category,
        ProjectLevel level,
        ConstructionType constructionType,
        Map<Integer, BigDecimal> plannedInvestment,
        LocalDate registeredOn,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        ProjectPhase phase,
        LocalDate revokedOn,
        LocalDate startDate,
        LocalDate completionDate,
        Map<YearMonth, MonthlyReport> reports) {

    public ProjectFacts {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(constructionType, "constructionType");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(phase, "phase");
        if (revokedOn != null && phase != ProjectPhase.REVOKED) {
            // REVOKED is terminal, so a revocation date with another phase is a bug upstream.
            throw new IllegalArgumentException("revokedOn is set but phase is " + phase + " for " + code);
        }
        TreeMap<Integer, BigDecimal> plans = new TreeMap<>();
        if (plannedInvestment != null) {
            plannedInvestment.forEach((year, amount) ->
                    plans.put(Objects.requireNonNull(year, "year"), Amounts.checked("plannedInvestment " + year, amount)));
        }
        plannedInvestment = Collections.unmodifiableMap(plans);
        TreeMap<YearMonth, MonthlyReport> byPeriod = new TreeMap<>();
        if (reports != null) {
            reports.forEach((period, report) ->
                    byPeriod.put(Objects.requireNonNull(period, "period"), Objects.requireNonNull(report, "report")));
        }
        reports = Collections.unmodifiableMap(byPeriod);
    }

    /** Planned investment P for {@code year}, zero when none was planned. */
    public BigDecimal plannedFor(int year) {
        return plannedInvestment.getOrDefault(year, BigDecimal.ZERO);
    }

    /**
     * REVOKED as of {@code today}: revoked on or before today; without a known date, whenever the phase is REVOKED.
     * The date matters when a past period is replayed: a project revoked later was still live then.
     */
    public boolean isRevokedAsOf(LocalDate today) {
        if (revokedOn != null) {
            return !revokedOn.isAfter(today);
        }
        return phase == ProjectPhase.REVOKED;
    }

    public Optional<MonthlyReport> report(YearMonth period) {
        return Optional.ofNullable(reports.get(period));
    }

    /** These facts with {@code report} as the latest version for {@code period} (a filing or a correction). */
    public ProjectFacts withReport(YearMonth period, MonthlyReport report) {
        TreeMap<YearMonth, MonthlyReport> next = new TreeMap<>(reports);
        next.put(period, report);
        return new ProjectFacts(code, unitCode, township, category, level, constructionType, plannedInvestment,
                registeredOn, plannedStart, plannedCompletion, phase, revokedOn, startDate, completionDate, next);
    }
}
