package gov.keyproject.contracts;

import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;

import java.util.Map;

/** One realistic sample per catalogued event type; a type without a sample fails the schema test. */
final class EventSamples {

    static final Map<EventType, DomainEvent> SAMPLES = Map.of(
            EventType.UNIT_REGISTERED, new UnitRegistered("U-TS-01", "城关镇", UnitKind.TOWNSHIP),
            EventType.UNIT_CHANGED, new UnitChanged("U-DP-03", "住房和城乡建设局", UnitKind.DEPARTMENT));

    private EventSamples() {
    }
}
