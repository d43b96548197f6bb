package gov.keyproject.promotion.deal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stage of a deal (招商项目阶段), DOMAIN §4: 在谈 → 签约 → 落地 → 开工 → 投产, one way, one step at a time, or
 * 终止 from any stage that is not final. {@link #PRODUCING} and {@link #TERMINATED} are final.
 */
public enum DealStage {
    /** 在谈 */ NEGOTIATING("在谈"),
    /** 签约 */ SIGNED("签约"),
    /** 落地 */ LANDED("落地"),
    /** 开工 */ STARTED("开工"),
    /** 投产 */ PRODUCING("投产"),
    /** 终止 */ TERMINATED("终止");

    /** The path a successful deal follows, in order. */
    public static final List<DealStage> PATH = List.of(NEGOTIATING, SIGNED, LANDED, STARTED, PRODUCING);

    private final String label;

    DealStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == PRODUCING || this == TERMINATED;
    }

    /** The stages a deal may move to from this one (empty for a final stage). */
    public Set<DealStage> allowedNext() {
        return Collections.unmodifiableSet(switch (this) {
            case NEGOTIATING -> EnumSet.of(SIGNED, TERMINATED);
            case SIGNED -> EnumSet.of(LANDED, TERMINATED);
            case LANDED -> EnumSet.of(STARTED, TERMINATED);
            case STARTED -> EnumSet.of(PRODUCING, TERMINATED);
            case PRODUCING, TERMINATED -> EnumSet.noneOf(DealStage.class);
        });
    }

    /** Refuses a move the rules do not allow with an {@link IllegalStageMove} naming the current and allowed stages. */
    public static void checkMove(DealStage from, DealStage to) {
        if (!from.allowedNext().contains(to)) {
            throw new IllegalStageMove(from, to, from.allowedNext());
        }
    }
}
