package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stored state of a deal: plain data. {@code reached} maps every stage the deal ever reached (including 在谈 on
 * registration and 终止) to the date it reached it, so rates can count "ever reached" and a funnel per month.
 * {@code projectCode} is the linked registry project, set on landing. {@code paperFlaggedOn}/{@code paperClearedOn}
 * record the paper-project flag (纸上项目): flagged while the first is set and the second is not.
 */
public record DealState(
        String id,
        DealDetails details,
        DealStage stage,
        LocalDate registeredOn,
        Map<DealStage, LocalDate> reached,
        Signing signing,
        List<FundArrival> funds,
        Termination termination,
        String projectCode,
        LocalDate paperFlaggedOn,
        LocalDate paperClearedOn) {

    public DealState {
        EnumMap<DealStage, LocalDate> copy = new EnumMap<>(DealStage.class);
        copy.putAll(reached);
        reached = Collections.unmodifiableMap(copy);
        funds = List.copyOf(funds);
    }

    /** 签约: the agreed amount (协议投资额, 万元) and the signing date. */
    public record Signing(BigDecimal agreedAmount, LocalDate signedOn) {
    }

    /** One instalment of 资金到位: the date it arrived and its amount (万元). */
    public record FundArrival(LocalDate arrivedOn, BigDecimal amount) {
    }

    /** 终止: when and why. */
    public record Termination(LocalDate terminatedOn, String reason) {
    }
}
