package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A deal was terminated (终止) from stage {@code stageBefore}.
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record DealTerminated(String dealId, String unitCode, DealStage stageBefore, LocalDate terminatedOn,
                             String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
