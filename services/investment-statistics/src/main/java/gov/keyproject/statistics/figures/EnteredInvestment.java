package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Investment entered into statistics (投资入库), per project code and period, as the statistics feed last gave it.
 * A later row for the same (code, period) replaces the earlier one; the same row twice changes nothing.
 */
public record EnteredInvestment(Map<String, Map<YearMonth, BigDecimal>> amounts) {

    public static final EnteredInvestment NONE = new EnteredInvestment(Map.of());

    public EnteredInvestment {
        TreeMap<String, Map<YearMonth, BigDecimal>> copy = new TreeMap<>();
        Objects.requireNonNull(amounts, "amounts").forEach((code, byPeriod) -> {
            TreeMap<YearMonth, BigDecimal> periods = new TreeMap<>();
            byPeriod.forEach((period, amount) -> periods.put(Objects.requireNonNull(period, "period"),
                    Amounts.checked("amountEntered", amount)));
            copy.put(Objects.requireNonNull(code, "code"), Collections.unmodifiableMap(periods));
        });
        amounts = Collections.unmodifiableMap(copy);
    }

    /** The feed rows in arrival order; a later row for the same key replaces an earlier one. */
    public static EnteredInvestment of(Iterable<FeedEntry> rows) {
        EnteredInvestment result = NONE;
        for (FeedEntry row : rows) {
            result = result.with(row);
        }
        return result;
    }

    public EnteredInvestment with(FeedEntry row) {
        TreeMap<String, Map<YearMonth, BigDecimal>> next = new TreeMap<>(amounts);
        TreeMap<YearMonth, BigDecimal> periods = new TreeMap<>(next.getOrDefault(row.projectCode(), Map.of()));
        periods.put(row.period(), row.amountEntered());
        next.put(row.projectCode(), periods);
        return new EnteredInvestment(next);
    }

    /** Entered for {@code period} alone, zero when the feed has no row. */
    public BigDecimal month(String projectCode, YearMonth period) {
        return amounts.getOrDefault(projectCode, Map.of()).getOrDefault(period, BigDecimal.ZERO);
    }

    /** Entered year to date (本年累计入库): January of {@code period}'s year through {@code period}. */
    public BigDecimal ytd(String projectCode, YearMonth period) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, BigDecimal> e : amounts.getOrDefault(projectCode, Map.of()).entrySet()) {
            if (InvestmentFigures.isWithinYtd(e.getKey(), period)) {
                sum = sum.add(e.getValue());
            }
        }
        return sum;
    }
}
