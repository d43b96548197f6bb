package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A signed deal has not landed 181 days after signing: it is a paper project (纸上项目) from {@code flaggedOn}.
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record PaperProjectFlagged(String dealId, String unitCode, LocalDate signedOn,
                                  LocalDate flaggedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
