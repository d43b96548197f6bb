package gov.keyproject.registry.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text and amount rules shared by the registry's domain (DOMAIN §0: 万元, at most 2 decimals). */
class TextsTest {

    // ---- texts ----

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "\n \u3000"})
    void a_required_text_cannot_be_missing_or_blank(String value) {
        assertThatThrownBy(() -> Texts.required("name", value, 10))
                .isInstanceOfSatisfying(ProjectRuleViolation.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void a_missing_or_blank_optional_text_becomes_null(String value) {
        assertThat(Texts.optional("owner", value, 10)).isNull();
    }

    static Stream<Arguments> refusedTexts() {
        return Stream.of(
                Arguments.of("too long (11 of 10)", "一二三四五六七八九十一"),
                Arguments.of("control character BEL", "城关\u0007镇"),
                Arguments.of("control character NUL", "城关\u0000镇"),
                Arguments.of("starts with $", "$where"),
                Arguments.of("{$ operator", "a{$ne:1}"),
                Arguments.of("\"$ operator", "a\"$gt\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTexts")
    void refused_texts_name_their_field(String rule, String value) {
        assertThatThrownBy(() -> Texts.optional("township", value, 10))
                .isInstanceOfSatisfying(ProjectRuleViolation.class, e -> assertThat(e.field()).isEqualTo("township"));
        assertThatThrownBy(() -> Texts.required("township", value, 10))
                .isInstanceOfSatisfying(ProjectRuleViolation.class, e -> assertThat(e.field()).isEqualTo("township"));
    }

    static Stream<Arguments> acceptedTexts() {
        return Stream.of(
                Arguments.of("exactly the maximum", "一二三四五六七八九十", "一二三四五六七八九十"),
                Arguments.of("surrounding blanks are stripped (not counted)", "  一二三四五六七八九十  ",
                        "一二三四五六七八九十"),
                Arguments.of("tab and newline inside", "第一行\n第\t二行", "第一行\n第\t二行"),
                Arguments.of("a dollar sign inside", "资金 $5", "资金 $5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedTexts")
    void accepted_texts_are_stripped(String rule, String value, String expected) {
        assertThat(Texts.required("township", value, 10)).isEqualTo(expected);
        assertThat(Texts.optional("township", value, 10)).isEqualTo(expected);
    }

    // ---- amounts ----

    static Stream<Arguments> refusedAmounts() {
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("negative", new BigDecimal("-0.01")),
                Arguments.of("3 decimals", new BigDecimal("1200.005")),
                Arguments.of("3 decimals, tiny", new BigDecimal("0.001")),
                Arguments.of("above the maximum", Texts.MAX_AMOUNT.add(new BigDecimal("0.01"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAmounts")
    void refused_amounts_name_their_field(String rule, BigDecimal value) {
        assertThatThrownBy(() -> Texts.amount("totalInvestment", value))
                .isInstanceOfSatisfying(ProjectRuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("totalInvestment"));
    }

    static Stream<Arguments> acceptedAmounts() {
        return Stream.of(
                Arguments.of(new BigDecimal("0"), "0.00"),
                Arguments.of(new BigDecimal("1200"), "1200.00"),
                Arguments.of(new BigDecimal("1250.5"), "1250.50"),
                Arguments.of(new BigDecimal("1250.50"), "1250.50"),
                Arguments.of(new BigDecimal("0.01"), "0.01"),
                Arguments.of(new BigDecimal("7.000"), "7.00"), // trailing zeros are not real decimals
                Arguments.of(new BigDecimal("1E+3"), "1000.00"),
                Arguments.of(Texts.MAX_AMOUNT, "100000000.00"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("acceptedAmounts")
    void accepted_amounts_are_exact_at_scale_2(BigDecimal value, String expected) {
        BigDecimal amount = Texts.amount("investmentCompleted", value);
        assertThat(amount).isEqualTo(new BigDecimal(expected)); // equals: value and scale
    }

    @Test
    void the_maximum_is_one_trillion_yuan() {
        assertThat(Texts.MAX_AMOUNT).isEqualByComparingTo("100000000"); // 1e8 万元 = 1e12 元
    }
}
