package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal was signed (签约) for an agreed investment (协议投资额, 万元).
 */
public record DealSigned(String dealId, String unitCode, BigDecimal agreedInvestment,
                         LocalDate signedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
