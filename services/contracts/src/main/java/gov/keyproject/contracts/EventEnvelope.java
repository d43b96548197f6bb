package gov.keyproject.contracts;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code sequence} is the position of the event in its
 * aggregate's history (1, 2, 3 …): consumers use it to ignore redeliveries and stale events.
 * {@code traceparent} is the CloudEvents distributed-tracing extension (W3C trace context), and
 * {@code acceptedat} the moment the originating request was accepted, for end-to-end latency figures.
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        long sequence,
        String traceparent,
        Instant acceptedat,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    public java.util.Optional<EventType> eventType() {
        return EventType.ofType(type);
    }

    /** The Kafka key: the aggregate id, so one aggregate's events stay in order on one partition. */
    public String key() {
        return subject;
    }
}
