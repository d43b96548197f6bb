package gov.keyproject.promotion.deal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact rates: reduced fractions, absent on a zero denominator, rounded half-up only for display. */
class RatioTest {

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource(textBlock = """
            2,       3,      66.67%
            1,       3,      33.33%
            1,       6,      16.67%
            1,       8,      12.50%
            1,       800,    0.13%
            1,       200000, 0.00%
            0,       5,      0.00%
            5,       5,      100.00%
            2601,    2000,   130.05%
            7,       40,     17.50%
            3,       0,      —
            0,       0,      —
            """)
    void display_rounds_half_up_to_a_hundredth_of_a_percent(long n, long d, String shown) {
        assertThat(Ratio.of(n, d).display()).isEqualTo(shown);
    }

    @Test
    void fractions_are_reduced_so_equal_rates_are_equal() {
        assertThat(Ratio.of(2, 4)).isEqualTo(Ratio.of(1, 2));
        assertThat(Ratio.of(2, 4).numerator()).isEqualTo(BigInteger.ONE);
        assertThat(Ratio.of(0, 7)).isEqualTo(Ratio.of(0, 1));
        assertThat(Ratio.of(3, 0)).isEqualTo(Ratio.ABSENT);
    }

    @Test
    void decimals_of_different_scales_give_the_exact_fraction() {
        assertThat(Ratio.of(new BigDecimal("1300.50"), new BigDecimal("1000"))).isEqualTo(Ratio.of(2601, 2000));
        assertThat(Ratio.of(new BigDecimal("0.1"), new BigDecimal("0.30"))).isEqualTo(Ratio.of(1, 3));
        assertThat(Ratio.of(new BigDecimal("1E+3"), new BigDecimal("2000.00"))).isEqualTo(Ratio.of(1, 2));
        assertThat(Ratio.of(BigDecimal.TEN, new BigDecimal("0.00")).isAbsent()).isTrue();
    }

    @Test
    void comparison_is_exact_and_absent_sorts_lowest() {
        assertThat(Ratio.of(2, 3).compareTo(Ratio.of(new BigDecimal("0.6666666666666666666"), BigDecimal.ONE)))
                .isPositive();
        assertThat(Ratio.of(2, 3).compareTo(Ratio.of(4, 6))).isZero();
        assertThat(Ratio.of(0, 1).compareTo(Ratio.ABSENT)).isPositive();
        assertThat(Ratio.ABSENT.compareTo(Ratio.of(0, 1))).isNegative();
        assertThat(Ratio.ABSENT.compareTo(Ratio.ABSENT)).isZero();
    }

    @Test
    void values_and_percentages() {
        assertThat(Ratio.of(2, 3).value(4)).contains(new BigDecimal("0.6667"));
        assertThat(Ratio.of(2, 3).percent()).contains(new BigDecimal("66.67"));
        assertThat(Ratio.ABSENT.value(4)).isEmpty();
        assertThat(Ratio.ABSENT.percent()).isEmpty();
        assertThat(Ratio.of(2, 3)).hasToString("2/3");
        assertThat(Ratio.ABSENT).hasToString("—");
        assertThatThrownBy(() -> Ratio.of(1, -2)).isInstanceOf(IllegalArgumentException.class);
    }
}
