package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.util.List;

/**
 * A deal's details (招商项目信息) changed; {@code fields} names what changed.
 */
public record DealChanged(DealSnapshot deal, List<String> fields) implements DomainEvent {
    @Override
    public String aggregateId() {
        return deal.dealId();
    }
}
