package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The paper-project rule (纸上项目), DOMAIN §4: on day D a deal is a paper project when it is signed, D − sign date
 * ≥ 181 days, and by D it has neither landed (ever reached 落地) nor been terminated. The daily sweep flags it once
 * and clears the flag once it lands or is terminated (landing and terminating also clear it themselves). A deal is
 * never flagged twice: once cleared, it has landed or been terminated for good.
 */
public final class PaperProjects {

    /** D − sign date must be at least this many days ("more than 180 days"). */
    public static final int DAYS = 181;

    private PaperProjects() {
    }

    /** Whether the rule holds for {@code deal} on {@code day}, whatever the flag says. */
    public static boolean isPaper(Deal deal, LocalDate day) {
        DealState.Signing signing = deal.state().signing();
        return signing != null
                && ChronoUnit.DAYS.between(signing.signedOn(), day) >= DAYS
                && !deal.reachedBy(DealStage.LANDED, day)
                && !deal.reachedBy(DealStage.TERMINATED, day);
    }

    /** The first day the rule can hold for a signed deal (its sign date + 181 days), if signed. */
    public static Optional<LocalDate> dueOn(Deal deal) {
        return Optional.ofNullable(deal.state().signing()).map(s -> s.signedOn().plusDays(DAYS));
    }

    /**
     * The daily sweep for day {@code day}: the change flagging the deal (a {@link PaperProjectFlagged}), the change
     * clearing its flag (a {@link PaperProjectCleared}), or nothing.
     */
    public static Optional<Deal.Change> sweep(Deal deal, LocalDate day) {
        DealState s = deal.state();
        if (s.paperFlaggedOn() == null) {
            return isPaper(deal, day) ? Optional.of(deal.flagPaperProject(day)) : Optional.empty();
        }
        if (deal.paperProject()) {
            if (deal.reachedBy(DealStage.LANDED, day)) {
                return Optional.of(deal.clearPaperProject(day, DealStage.LANDED));
            }
            if (deal.reachedBy(DealStage.TERMINATED, day)) {
                return Optional.of(deal.clearPaperProject(day, DealStage.TERMINATED));
            }
        }
        return Optional.empty();
    }
}
