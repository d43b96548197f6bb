package gov.keyproject.statistics.figures;

import java.math.BigDecimal;

/**
 * The latest version of a project's monthly progress report (月度进度填报) for one period: only what the figures need.
 * A correction replaces the report, so this always holds the latest amount, never a sum of versions.
 *
 * @param investmentCompleted investment completed in the month, 万元
 * @param workUnderWay        whether the report says work is under way (drives 复工率)
 */
public record MonthlyReport(BigDecimal investmentCompleted, boolean workUnderWay) {

    public MonthlyReport {
        Amounts.checked("investmentCompleted", investmentCompleted);
    }

    public static MonthlyReport of(String investmentCompleted, boolean workUnderWay) {
        return new MonthlyReport(new BigDecimal(investmentCompleted), workUnderWay);
    }
}
