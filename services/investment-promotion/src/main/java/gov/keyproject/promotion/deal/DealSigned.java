package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal was signed (签约) for an agreed investment (协议投资额, 万元).
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record DealSigned(String dealId, String unitCode, BigDecimal agreedInvestment,
                         LocalDate signedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
