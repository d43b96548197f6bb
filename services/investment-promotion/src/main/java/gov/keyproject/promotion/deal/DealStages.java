package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static gov.keyproject.contracts.promotion.DealStage.LANDED;
import static gov.keyproject.contracts.promotion.DealStage.NEGOTIATING;
import static gov.keyproject.contracts.promotion.DealStage.PRODUCING;
import static gov.keyproject.contracts.promotion.DealStage.SIGNED;
import static gov.keyproject.contracts.promotion.DealStage.STARTED;
import static gov.keyproject.contracts.promotion.DealStage.TERMINATED;

/**
 * The move rules of the deal stages ({@link DealStage}), DOMAIN §4: 在谈 → 签约 → 落地 → 开工 → 投产, one way, one step
 * at a time, or 终止 from any stage that is not final. {@link DealStage#PRODUCING} and {@link DealStage#TERMINATED}
 * are final.
 */
public final class DealStages {

    /** The path a successful deal follows, in order. */
    public static final List<DealStage> PATH = List.of(NEGOTIATING, SIGNED, LANDED, STARTED, PRODUCING);

    private DealStages() {
    }

    public static boolean isFinal(DealStage stage) {
        return stage == PRODUCING || stage == TERMINATED;
    }

    /** The stages a deal may move to from {@code stage} (empty for a final stage). */
    public static Set<DealStage> allowedNext(DealStage stage) {
        return Collections.unmodifiableSet(switch (stage) {
            case NEGOTIATING -> EnumSet.of(SIGNED, TERMINATED);
            case SIGNED -> EnumSet.of(LANDED, TERMINATED);
            case LANDED -> EnumSet.of(STARTED, TERMINATED);
            case STARTED -> EnumSet.of(PRODUCING, TERMINATED);
            case PRODUCING, TERMINATED -> EnumSet.noneOf(DealStage.class);
        });
    }

    /** Refuses a move the rules do not allow with an {@link IllegalStageMove} naming the current and allowed stages. */
    public static void checkMove(DealStage from, DealStage to) {
        if (!allowedNext(from).contains(to)) {
            throw new IllegalStageMove(from, to, allowedNext(from));
        }
    }
}
