package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

/**
 * A deal was registered (登记招商项目), in stage 在谈.
 */
public record DealRegistered(DealSnapshot deal) implements DomainEvent {
    @Override
    public String aggregateId() {
        return deal.dealId();
    }
}
