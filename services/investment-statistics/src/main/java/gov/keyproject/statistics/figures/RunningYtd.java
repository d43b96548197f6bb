package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A YTD completed total (本年累计完成) for period p kept up to date by report events instead of recomputation: each
 * filing or correction of a month in p's YTD moves it by the revision's delta. Applying the same revisions to
 * {@link ProjectFacts} and recomputing gives the same amount (the unit tests hold it to that).
 *
 * @param period p: revisions for months outside January..p leave the total unchanged
 * @param amount the running total, 万元
 */
public record RunningYtd(YearMonth period, BigDecimal amount) {

    public RunningYtd {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
    }

    public static RunningYtd zero(YearMonth period) {
        return new RunningYtd(period, BigDecimal.ZERO);
    }

    /** The total after {@code revision}: moved by its delta when its month is in the YTD, else unchanged. */
    public RunningYtd apply(ReportRevision revision) {
        if (!InvestmentFigures.isWithinYtd(revision.period(), period)) {
            return this;
        }
        return new RunningYtd(period, amount.add(revision.delta()));
    }
}
