package gov.keyproject.contracts.registry;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;

/** A 责任单位 was registered. */
public record UnitRegistered(String unitCode, String name, UnitKind kind) implements DomainEvent {
    @Override
    public String aggregateId() {
        return unitCode;
    }
}
