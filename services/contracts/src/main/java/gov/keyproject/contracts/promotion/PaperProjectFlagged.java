package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A signed deal has not landed 181 days after signing: it is a paper project (纸上项目) from {@code flaggedOn}.
 */
public record PaperProjectFlagged(String dealId, String unitCode, LocalDate signedOn,
                                  LocalDate flaggedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
