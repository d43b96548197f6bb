package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An instalment of funds arrived (资金到位); {@code totalArrived} is the sum so far, which may exceed the agreed
 * investment.
 */
public record FundsArrived(String dealId, String unitCode, LocalDate arrivedOn, BigDecimal amount,
                           BigDecimal totalArrived, BigDecimal agreedInvestment) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
