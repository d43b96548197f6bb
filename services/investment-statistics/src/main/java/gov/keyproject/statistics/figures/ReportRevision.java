package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ProgressReported;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A monthly report as filed (revision 1) or corrected (2, 3 …): the part of a {@code ProgressReported} event the
 * figures need. A correction replaces the earlier version, so running totals move by {@link #delta()}, never by the
 * whole amount.
 *
 * @param previousInvestmentCompleted the amount of the version it replaces; null for a first filing
 */
public record ReportRevision(
        String projectCode,
        YearMonth period,
        int revision,
        BigDecimal investmentCompleted,
        BigDecimal previousInvestmentCompleted,
        boolean workUnderWay) {

    public ReportRevision {
        Objects.requireNonNull(projectCode, "projectCode");
        Objects.requireNonNull(period, "period");
        Amounts.checked("investmentCompleted", investmentCompleted);
        if (previousInvestmentCompleted != null) {
            Amounts.checked("previousInvestmentCompleted", previousInvestmentCompleted);
        }
        if (revision < 1 || (revision == 1) != (previousInvestmentCompleted == null)) {
            throw new IllegalArgumentException("revision 1 has no previous amount, later revisions have one: revision "
                    + revision + ", previous " + previousInvestmentCompleted);
        }
    }

    public static ReportRevision from(ProgressReported event) {
        return new ReportRevision(event.projectCode(), event.period(), event.revision(), event.investmentCompleted(),
                event.previousInvestmentCompleted(), event.workUnderWay());
    }

    /** What the revision adds to any total containing this report: new amount − replaced amount. */
    public BigDecimal delta() {
        return previousInvestmentCompleted == null ? investmentCompleted
                : investmentCompleted.subtract(previousInvestmentCompleted);
    }

    /** The report as it stands after this revision. */
    public MonthlyReport report() {
        return new MonthlyReport(investmentCompleted, workUnderWay);
    }

    /** {@code facts} with this revision as the latest version of its period's report. */
    public ProjectFacts applyTo(ProjectFacts facts) {
        if (!facts.code().equals(projectCode)) {
            throw new IllegalArgumentException("revision of " + projectCode + " applied to " + facts.code());
        }
        return facts.withReport(period, report());
    }
}
