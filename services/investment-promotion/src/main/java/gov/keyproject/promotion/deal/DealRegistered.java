package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

/**
 * A deal was registered (登记招商项目), in stage 在谈.
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record DealRegistered(DealSnapshot deal) implements DomainEvent {
    @Override
    public String aggregateId() {
        return deal.dealId();
    }
}
