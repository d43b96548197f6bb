package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One row of the statistics feed (统计局入库数据): the amount the statistics bureau has entered into statistics (入库)
 * for a project and period, 万元. Rows are keyed by (project code, period).
 */
public record FeedEntry(String projectCode, YearMonth period, BigDecimal amountEntered) {

    public FeedEntry {
        Objects.requireNonNull(projectCode, "projectCode");
        Objects.requireNonNull(period, "period");
        Amounts.checked("amountEntered", amountEntered);
    }

    public static FeedEntry of(String projectCode, String period, String amountEntered) {
        return new FeedEntry(projectCode, YearMonth.parse(period), new BigDecimal(amountEntered));
    }
}
