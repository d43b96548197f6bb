package gov.keyproject.statistics.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact rates, "—" for a zero denominator, half-up display to 0.01 % (DOMAIN §0, §3). */
class RateTest {

    @ParameterizedTest(name = "{0}/{1} → {2} ({3} points)")
    @CsvSource(delimiter = '|', textBlock = """
            # num      | den        | display  | points  | by hand
            1          | 3          | 33.33%   | 33.33   | 33.333…
            2          | 3          | 66.67%   | 66.67   | 66.666… rounds up
            1          | 8          | 12.50%   | 12.50   | exact
            -1         | 8          | -12.50%  | -12.50  | negative (a lag, a fall)
            1          | -4         | -25.00%  | -25.00  | sign of the denominator moves up
            1          | 20000      | 0.01%    | 0.01    | 0.005 % is a half: up
            -1         | 20000      | -0.01%   | -0.01   | half away from zero (四舍五入 on the magnitude)
            49999      | 1000000000 | 0.00%    | 0.00    | 0.0049999 % stays down
            -49999     | 1000000000 | 0.00%    | 0.00    | no "-0.00"
            0          | 5          | 0.00%    | 0.00    | zero is a value, not "—"
            5          | 5          | 100.00%  | 100.00  |
            3          | 2          | 150.00%  | 150.00  | rates may exceed 100 %
            0          | 0          | —        | —       | zero denominator: no value
            7          | 0          | —        | —       | zero denominator: no value, not 100 %
            """)
    void displays_half_up_to_a_hundredth_of_a_percent(long num, long den, String display, String points) {
        Rate rate = Rate.of(num, den);
        assertThat(rate.display()).isEqualTo(display);
        assertThat(rate.displayPoints()).isEqualTo(points);
        assertThat(rate.isPresent()).isEqualTo(den != 0);
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3680    | 8400    | 43.81%  | 0.43809…
            350.50  | 1200    | 29.21%  | 0.29208…
            1E+3    | 4000    | 25.00%  | a negative scale is fine
            0.01    | 0.03    | 33.33%  |
            0.01    | 0.00    | —       | zero with a scale is still zero
            0       | 0.00    | —       |
            """)
    void decimals_give_the_same_fractions(String num, String den, String display) {
        assertThat(Rate.of(new BigDecimal(num), new BigDecimal(den)).display()).isEqualTo(display);
    }

    @Test
    void equal_fractions_are_equal_rates() {
        Rate half = Rate.of(1, 2);
        assertThat(Rate.of(2, 4)).isEqualTo(half).hasSameHashCodeAs(half);
        assertThat(Rate.of(new BigDecimal("0.5"), BigDecimal.ONE)).isEqualTo(half);
        assertThat(Rate.of(new BigDecimal("50.00"), new BigDecimal("100"))).isEqualTo(half);
        assertThat(Rate.of(-1, -2)).isEqualTo(half);
        assertThat(Rate.of(0, 7)).isEqualTo(Rate.of(0, 1));
        assertThat(Rate.of(1, 0)).isEqualTo(Rate.absent()).isNotEqualTo(Rate.of(0, 1));
    }

    @Test
    void comparison_is_exact_not_on_a_rounded_decimal() {
        Rate third = Rate.of(1, 3);
        BigDecimal rounded = new BigDecimal("0.3333333333333333333333333333333333"); // 34 digits, DECIMAL128
        assertThat(third.value()).contains(rounded);
        assertThat(third.compareTo(Rate.of(rounded, BigDecimal.ONE))).isPositive();
        // 1/3 − 1/3 is exactly zero; two rates that display alike but differ are not equal.
        assertThat(third.minus(Rate.of(2, 6))).isEqualTo(Rate.of(0, 1));
        assertThat(Rate.of(1, 3).display()).isEqualTo(Rate.of(3333, 10000).display());
        assertThat(Rate.of(1, 3)).isNotEqualTo(Rate.of(3333, 10000));
        assertThat(Rate.of(1, 3).compareTo(Rate.of(3333, 10000))).isPositive();
    }

    @Test
    void differences_are_exact_and_absent_when_either_side_is() {
        // 7/12 − 1/2 = 1/12
        assertThat(Rate.of(7, 12).minus(Rate.of(1, 2))).isEqualTo(Rate.of(1, 12));
        assertThat(Rate.of(1, 2).minus(Rate.of(7, 12)).displayPoints()).isEqualTo("-8.33");
        assertThat(Rate.absent().minus(Rate.of(1, 2))).isEqualTo(Rate.absent());
        assertThat(Rate.of(1, 2).minus(Rate.absent())).isEqualTo(Rate.absent());
    }

    @Test
    void percent_and_value_are_decimals_for_charts() {
        assertThat(Rate.of(1, 8).percent()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("12.5"));
        assertThat(Rate.of(1, 8).value()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.125"));
        assertThat(Rate.absent().percent()).isEmpty();
        assertThat(Rate.absent().value()).isEmpty();
    }

    @Test
    void an_absent_rate_refuses_to_be_ordered() {
        assertThatThrownBy(() -> Rate.absent().compareTo(Rate.of(1, 2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Rate.of(1, 2).compareTo(Rate.absent())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void to_string_shows_the_fraction() {
        assertThat(Rate.of(6, 8)).hasToString("3/4 (75.00%)");
        assertThat(Rate.absent()).hasToString("—");
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | —
            0 | 3 | 0.00%
            3 | 5 | 60.00%
            3 | 3 | 100.00%
            """)
    void a_tally_is_a_rate_with_its_counts(int num, int den, String display) {
        Tally tally = new Tally(num, den);
        assertThat(tally.rate().display()).isEqualTo(display);
        assertThat(tally).hasToString(num + "/" + den);
    }

    @Test
    void tallies_add_and_refuse_impossible_counts() {
        assertThat(new Tally(1, 2).plus(new Tally(2, 3))).isEqualTo(new Tally(3, 5));
        assertThat(Tally.of(false, true)).isEqualTo(Tally.NONE);
        assertThat(Tally.of(true, false)).isEqualTo(new Tally(0, 1));
        assertThat(Tally.of(true, true)).isEqualTo(new Tally(1, 1));
        assertThatThrownBy(() -> new Tally(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tally(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
