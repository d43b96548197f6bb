package gov.keyproject.contracts;

/** An immutable fact one service publishes. Its aggregate id becomes the Kafka key and the CloudEvents subject. */
public interface DomainEvent {

    String aggregateId();

    default EventType eventType() {
        return EventType.of(getClass());
    }
}
