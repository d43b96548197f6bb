package gov.keyproject.statistics.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static gov.keyproject.statistics.figures.Fixtures.portfolioFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statistics feed's entered amounts (投资入库, DOMAIN §3): keyed by (code, period), the latest row wins. */
class EnteredInvestmentTest {

    @ParameterizedTest(name = "{0} {1}: month {2}, YTD {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # code | period  | month | YTD | by hand
            A      | 2025-12 | 70    | 70  | last year's row is last year's
            A      | 2026-01 | 0     | 0   | nothing in January
            A      | 2026-03 | 100   | 100 |
            A      | 2026-04 | 100   | 200 | 80 replaced by 100
            A      | 2026-06 | 0     | 200 | a zero row
            A      | 2026-07 | 500   | 700 |
            F      | 2026-05 | 150   | 250 | sent twice, counted once
            D      | 2026-06 | 0     | 0   | no rows at all
            NOPE   | 2026-06 | 0     | 0   | unknown code
            """)
    void month_and_ytd_entered(String code, String period, String month, String ytd) {
        EnteredInvestment feed = portfolioFeed();
        assertThat(feed.month(code, YearMonth.parse(period))).isEqualByComparingTo(month);
        assertThat(feed.ytd(code, YearMonth.parse(period))).isEqualByComparingTo(ytd);
    }

    @Test
    void the_same_file_twice_changes_nothing() {
        List<FeedEntry> rows = List.of(FeedEntry.of("A", "2026-03", "100"), FeedEntry.of("B", "2026-03", "5.5"));
        EnteredInvestment once = EnteredInvestment.of(rows);
        EnteredInvestment twice = EnteredInvestment.of(List.of(rows.get(0), rows.get(1), rows.get(0), rows.get(1)));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void a_later_row_replaces_and_order_matters() {
        EnteredInvestment up = EnteredInvestment.of(List.of(FeedEntry.of("A", "2026-03", "100"),
                FeedEntry.of("A", "2026-03", "120")));
        EnteredInvestment down = EnteredInvestment.of(List.of(FeedEntry.of("A", "2026-03", "120"),
                FeedEntry.of("A", "2026-03", "100")));
        assertThat(up.month("A", YearMonth.of(2026, 3))).isEqualByComparingTo("120");
        assertThat(down.month("A", YearMonth.of(2026, 3))).isEqualByComparingTo("100");
    }

    @Test
    void values_are_immutable_and_checked() {
        EnteredInvestment feed = EnteredInvestment.of(List.of(FeedEntry.of("A", "2026-03", "100")));
        assertThatThrownBy(() -> feed.amounts().put("B", java.util.Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> FeedEntry.of("A", "2026-03", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedEntry.of("A", "2026-03", "1.234")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FeedEntry.of("A", "2026-03", "1.230").amountEntered()).isEqualByComparingTo(new BigDecimal("1.23"));
    }
}
