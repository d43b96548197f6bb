package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.util.List;

/**
 * A deal's details (招商项目信息) changed; {@code fields} names what changed.
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record DealChanged(DealSnapshot deal, List<String> fields) implements DomainEvent {
    @Override
    public String aggregateId() {
        return deal.dealId();
    }
}
