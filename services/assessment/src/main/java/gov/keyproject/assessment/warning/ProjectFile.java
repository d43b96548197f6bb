package gov.keyproject.assessment.warning;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What assessment knows of a project (项目档案), built only from other services' events: the registry's latest
 * snapshot, its phase history, the latest version of each monthly report, the statistics bureau's entered amounts
 * per month (入库) and the problems with their deadlines. Amounts in 万元.
 */
public record ProjectFile(String code, String name, String unitCode, String linkedLeader, ProjectPhase phase,
                          ConstructionType constructionType, Map<Integer, BigDecimal> plannedInvestment,
                          LocalDate registeredOn, LocalDate plannedStart, LocalDate startDate,
                          LocalDate completionDate, List<MilestoneState> milestones, List<PhaseMove> phaseHistory,
                          Map<YearMonth, MonthlyReport> reports, Map<YearMonth, BigDecimal> entered,
                          List<ProblemState> problems) {

    /** Phases that must report every month and are coloured. */
    public static final Set<ProjectPhase> ACTIVE = Set.of(ProjectPhase.PREPARATION, ProjectPhase.READY,
            ProjectPhase.UNDER_CONSTRUCTION);

    public ProjectFile {
        plannedInvestment = Map.copyOf(plannedInvestment);
        milestones = List.copyOf(milestones);
        phaseHistory = phaseHistory.stream().sorted(Comparator.comparing(PhaseMove::on)).toList();
        reports = Map.copyOf(reports);
        entered = Map.copyOf(entered);
        problems = List.copyOf(problems);
    }

    public BigDecimal planned(int year) {
        return plannedInvestment.getOrDefault(year, BigDecimal.ZERO);
    }

    /**
     * Counted in p's year (§3): planned investment for the year &gt; 0, registered by p's last day, not REVOKED.
     */
    public boolean counted(YearMonth period) {
        return planned(period.getYear()).signum() > 0 && registeredOn != null
                && !registeredOn.isAfter(period.atEndOfMonth()) && phase != ProjectPhase.REVOKED;
    }

    /** The phase on {@code day} from the history (null before registration). */
    public ProjectPhase phaseOn(LocalDate day) {
        ProjectPhase result = null;
        for (PhaseMove move : phaseHistory) {
            if (move.on().isAfter(day)) {
                break;
            }
            result = move.phase();
        }
        return result;
    }

    /** Was it required to report for {@code period}: registered and in an active phase on the period's last day. */
    public boolean requiredToReport(YearMonth period) {
        // A start dated back before registration puts the phase history earlier than the registration itself.
        if (registeredOn == null || registeredOn.isAfter(period.atEndOfMonth())) {
            return false;
        }
        ProjectPhase then = phaseOn(period.atEndOfMonth());
        return then != null && ACTIVE.contains(then);
    }

    public boolean started(LocalDate asOf) {
        return startDate != null && !startDate.isAfter(asOf);
    }

    /** YTD completed C for the period: the latest report of each month, January to p. */
    public BigDecimal ytdCompleted(YearMonth period) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = 1; m <= period.getMonthValue(); m++) {
            MonthlyReport r = reports.get(YearMonth.of(period.getYear(), m));
            if (r != null) {
                sum = sum.add(r.investmentCompleted());
            }
        }
        return sum;
    }

    public BigDecimal reported(YearMonth period) {
        MonthlyReport r = reports.get(period);
        return r == null ? BigDecimal.ZERO : r.investmentCompleted();
    }

    public BigDecimal entered(YearMonth period) {
        return entered.getOrDefault(period, BigDecimal.ZERO);
    }

    /** Resumed in the year (复工): a report of the year through p says work is under way, or completed in the year by E. */
    public boolean resumed(YearMonth period) {
        for (int m = 1; m <= period.getMonthValue(); m++) {
            MonthlyReport r = reports.get(YearMonth.of(period.getYear(), m));
            if (r != null && r.workUnderWay()) {
                return true;
            }
        }
        return completionDate != null && completionDate.getYear() == period.getYear()
                && !completionDate.isAfter(period.atEndOfMonth());
    }
}
