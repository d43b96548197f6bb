package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static gov.keyproject.contracts.promotion.DealStage.LANDED;
import static gov.keyproject.contracts.promotion.DealStage.NEGOTIATING;
import static gov.keyproject.contracts.promotion.DealStage.PRODUCING;
import static gov.keyproject.contracts.promotion.DealStage.SIGNED;
import static gov.keyproject.contracts.promotion.DealStage.STARTED;
import static gov.keyproject.contracts.promotion.DealStage.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stage rules of DOMAIN §4, every (from, to) pair written out by hand: 6 × 6 = 36 rows, 8 allowed. */
class DealStageTest {

    private static final String TABLE = """
            NEGOTIATING, NEGOTIATING, false
            NEGOTIATING, SIGNED,      true
            NEGOTIATING, LANDED,      false
            NEGOTIATING, STARTED,     false
            NEGOTIATING, PRODUCING,   false
            NEGOTIATING, TERMINATED,  true
            SIGNED,      NEGOTIATING, false
            SIGNED,      SIGNED,      false
            SIGNED,      LANDED,      true
            SIGNED,      STARTED,     false
            SIGNED,      PRODUCING,   false
            SIGNED,      TERMINATED,  true
            LANDED,      NEGOTIATING, false
            LANDED,      SIGNED,      false
            LANDED,      LANDED,      false
            LANDED,      STARTED,     true
            LANDED,      PRODUCING,   false
            LANDED,      TERMINATED,  true
            STARTED,     NEGOTIATING, false
            STARTED,     SIGNED,      false
            STARTED,     LANDED,      false
            STARTED,     STARTED,     false
            STARTED,     PRODUCING,   true
            STARTED,     TERMINATED,  true
            PRODUCING,   NEGOTIATING, false
            PRODUCING,   SIGNED,      false
            PRODUCING,   LANDED,      false
            PRODUCING,   STARTED,     false
            PRODUCING,   PRODUCING,   false
            PRODUCING,   TERMINATED,  false
            TERMINATED,  NEGOTIATING, false
            TERMINATED,  SIGNED,      false
            TERMINATED,  LANDED,      false
            TERMINATED,  STARTED,     false
            TERMINATED,  PRODUCING,   false
            TERMINATED,  TERMINATED,  false
            """;

    @Test
    void the_table_has_every_pair_once_and_eight_allowed_moves() {
        var rows = TABLE.strip().lines().map(l -> Arrays.stream(l.split(",")).map(String::strip).toList()).toList();
        assertThat(rows).hasSize(36);
        assertThat(rows.stream().map(r -> r.get(0) + ">" + r.get(1)).distinct()).hasSize(36);
        assertThat(rows.stream().filter(r -> r.get(2).equals("true"))).hasSize(8);
    }

    @ParameterizedTest(name = "{0} → {1}: allowed = {2}")
    @CsvSource(textBlock = TABLE)
    void every_pair_is_allowed_or_refused_by_the_rules(DealStage from, DealStage to, boolean allowed) {
        assertThat(DealStages.allowedNext(from).contains(to)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> DealStages.checkMove(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> DealStages.checkMove(from, to)).isInstanceOf(IllegalStageMove.class);
        }
    }

    @ParameterizedTest(name = "command {0} → {1}: allowed = {2}")
    @CsvSource(textBlock = TABLE)
    void every_pair_is_allowed_or_refused_by_the_deal_commands(DealStage from, DealStage to, boolean allowed) {
        Deal deal = DealFixtures.inStage(from);
        assertThat(deal.stage()).isEqualTo(from);
        if (to == NEGOTIATING) {
            assertThat(allowed).isFalse(); // no command moves a deal back to 在谈; the rule refuses it
            return;
        }
        if (allowed) {
            Deal after = DealFixtures.moveTo(deal, to).after();
            assertThat(after.stage()).isEqualTo(to);
            assertThat(after.reachedOn(to)).contains(DealFixtures.NEXT);
            assertThat(deal.stage()).as("the deal itself is immutable").isEqualTo(from);
        } else {
            assertThatThrownBy(() -> DealFixtures.moveTo(deal, to))
                    .isInstanceOfSatisfying(IllegalStageMove.class, e -> {
                        assertThat(e.current()).isEqualTo(from);
                        assertThat(e.requested()).isEqualTo(to);
                        assertThat(e.allowed()).isEqualTo(DealStages.allowedNext(from));
                        assertThat(e.getMessage()).contains(from.label(), to.label());
                        DealStages.allowedNext(from).forEach(a -> assertThat(e.getMessage()).contains(a.label()));
                    });
        }
    }

    @Test
    void allowed_stages_per_stage() {
        assertThat(DealStages.allowedNext(NEGOTIATING)).containsExactlyInAnyOrder(SIGNED, TERMINATED);
        assertThat(DealStages.allowedNext(SIGNED)).containsExactlyInAnyOrder(LANDED, TERMINATED);
        assertThat(DealStages.allowedNext(LANDED)).containsExactlyInAnyOrder(STARTED, TERMINATED);
        assertThat(DealStages.allowedNext(STARTED)).containsExactlyInAnyOrder(PRODUCING, TERMINATED);
        assertThat(DealStages.allowedNext(PRODUCING)).isEmpty();
        assertThat(DealStages.allowedNext(TERMINATED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DealStage.class)
    void only_producing_and_terminated_are_final(DealStage stage) {
        assertThat(DealStages.isFinal(stage)).isEqualTo(stage == PRODUCING || stage == TERMINATED);
        assertThat(DealStages.allowedNext(stage).isEmpty()).isEqualTo(DealStages.isFinal(stage));
        assertThat(DealStages.allowedNext(stage)).doesNotContain(stage);
    }

    @Test
    void labels_are_the_chinese_terms() {
        assertThat(Arrays.stream(DealStage.values()).map(DealStage::label))
                .containsExactly("在谈", "签约", "落地", "开工", "投产", "终止");
    }

    @Test
    void the_refusal_names_the_current_stage_and_the_allowed_ones() {
        assertThatThrownBy(() -> DealStages.checkMove(NEGOTIATING, LANDED))
                .hasMessage("招商项目当前阶段为 在谈，不能转为 落地；允许的阶段: 签约、终止");
        assertThatThrownBy(() -> DealStages.checkMove(PRODUCING, TERMINATED))
                .hasMessage("招商项目当前阶段为 投产，不能转为 终止；允许的阶段: 无 (终态)");
    }

    @Test
    void allowed_sets_are_read_only() {
        Set<DealStage> allowed = DealStages.allowedNext(SIGNED);
        assertThatThrownBy(() -> allowed.add(PRODUCING)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(EnumSet.copyOf(DealStages.PATH)).doesNotContain(TERMINATED);
    }
}
