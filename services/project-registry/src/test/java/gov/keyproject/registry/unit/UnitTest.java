package gov.keyproject.registry.unit;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.registry.unit.Unit.UnitRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 责任单位: code and name rules, renaming, contact changes and the trail diff. */
class UnitTest {

    private static final Unit CHENGGUAN = new Unit("U-CG", "城关镇", UnitKind.TOWNSHIP, "王主任", "0531-88880000");

    @ParameterizedTest
    @ValueSource(strings = {"U1", "U-CG", "370103-ZJJ", "zjj", "0-", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"}) // last: 32
    void codes_of_2_to_32_letters_digits_or_dashes_are_accepted(String code) {
        assertThat(new Unit(code, "住建局", UnitKind.DEPARTMENT, null, null).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"U", "-UCG", "U_CG", "U CG", "城关镇", "U-CG ", "$where",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"}) // last: 33
    void other_codes_are_refused(String code) {
        assertThatThrownBy(() -> new Unit(code, "住建局", UnitKind.DEPARTMENT, null, null))
                .isInstanceOfSatisfying(UnitRuleViolation.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void a_name_is_required(String name) {
        assertThatThrownBy(() -> new Unit("U-CG", name, UnitKind.TOWNSHIP, null, null))
                .isInstanceOfSatisfying(UnitRuleViolation.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void a_name_has_at_most_64_characters() {
        assertThat(new Unit("U-CG", "镇".repeat(64), UnitKind.TOWNSHIP, null, null).name()).hasSize(64);
        assertThatThrownBy(() -> new Unit("U-CG", "镇".repeat(65), UnitKind.TOWNSHIP, null, null))
                .isInstanceOfSatisfying(UnitRuleViolation.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void a_kind_is_required() {
        assertThatThrownBy(() -> new Unit("U-CG", "城关镇", null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
    }

    @Test
    void renaming_keeps_code_and_contact_and_re_checks_the_name() {
        Unit renamed = CHENGGUAN.rename("城关街道", UnitKind.TOWNSHIP);
        assertThat(renamed).isEqualTo(new Unit("U-CG", "城关街道", UnitKind.TOWNSHIP, "王主任", "0531-88880000"));
        assertThatThrownBy(() -> CHENGGUAN.rename(" ", UnitKind.TOWNSHIP))
                .isInstanceOfSatisfying(UnitRuleViolation.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> CHENGGUAN.rename("城关街道", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void changing_the_contact_keeps_the_rest() {
        Unit changed = CHENGGUAN.withContact("李科长", "0531-88881111");
        assertThat(changed).isEqualTo(new Unit("U-CG", "城关镇", UnitKind.TOWNSHIP, "李科长", "0531-88881111"));
        assertThat(CHENGGUAN.withContact(null, null).contactPerson()).isNull();
    }

    @Test
    void no_change_means_an_empty_diff() {
        assertThat(CHENGGUAN.diff(CHENGGUAN)).isEmpty();
        assertThat(CHENGGUAN.diff(CHENGGUAN.rename("城关镇", UnitKind.TOWNSHIP))).isEmpty();
        assertThat(CHENGGUAN.diff(CHENGGUAN.withContact("王主任", "0531-88880000"))).isEmpty();
    }

    @Test
    void the_diff_names_each_changed_field_with_from_and_to() {
        Unit after = new Unit("U-CG", "城关街道", UnitKind.DEVELOPMENT_ZONE, "李科长", null);
        var diff = CHENGGUAN.diff(after);
        assertThat(diff).containsOnlyKeys("name", "kind", "contactPerson", "contactPhone");
        assertThat(diff.get("name")).containsExactly("城关镇", "城关街道");
        assertThat(diff.get("kind")).containsExactly(UnitKind.TOWNSHIP, UnitKind.DEVELOPMENT_ZONE);
        assertThat(diff.get("contactPerson")).containsExactly("王主任", "李科长");
        assertThat(diff.get("contactPhone")).containsExactly("0531-88880000", null);
    }

    @Test
    void a_contact_set_for_the_first_time_is_a_change() {
        Unit bare = new Unit("ZJJ", "住建局", UnitKind.DEPARTMENT, null, null);
        assertThat(bare.diff(bare.withContact("赵科长", null))).containsOnlyKeys("contactPerson");
    }
}
