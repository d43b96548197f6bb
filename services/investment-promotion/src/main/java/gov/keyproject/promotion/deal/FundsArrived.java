package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An instalment of funds arrived (资金到位); {@code totalArrived} is the sum so far, which may exceed the agreed
 * investment.
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record FundsArrived(String dealId, String unitCode, LocalDate arrivedOn, BigDecimal amount,
                           BigDecimal totalArrived, BigDecimal agreedInvestment) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
