package gov.keyproject.contracts.registry;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;

/** A 责任单位's name or kind changed; carries the whole new state so consumers need no history. */
public record UnitChanged(String unitCode, String name, UnitKind kind) implements DomainEvent {
    @Override
    public String aggregateId() {
        return unitCode;
    }
}
