package gov.keyproject.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** JSON on the wire: encodes and decodes envelopes and their data. Thread-safe. */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Amounts are exact decimals: never let a JSON number pass through a double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 0.0000000000, never 0E-10: decimals are written as plain digits.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Wraps an event in a new envelope; the time is truncated to milliseconds so that re-encoding is stable. */
    public static EventEnvelope wrap(DomainEvent event, String source, long sequence, Instant time,
                                     String traceparent, Instant acceptedAt) {
        EventType type = event.eventType();
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                time.truncatedTo(ChronoUnit.MILLIS), event.aggregateId(), EventEnvelope.JSON, sequence, traceparent,
                acceptedAt == null ? null : acceptedAt.truncatedTo(ChronoUnit.MILLIS),
                MAPPER.valueToTree(event));
    }

    public static byte[] encode(EventEnvelope envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    public static String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    /** @throws MalformedEventException when the bytes are not an envelope */
    public static EventEnvelope decode(byte[] bytes) {
        try {
            EventEnvelope envelope = MAPPER.readValue(bytes, EventEnvelope.class);
            if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
                throw new MalformedEventException("unsupported specversion " + envelope.specversion());
            }
            return envelope;
        } catch (JacksonException | NullPointerException e) {
            throw new MalformedEventException("not a CloudEvents envelope: " + e.getMessage(), e);
        }
    }

    /** The typed data of an envelope whose type is catalogued. */
    @SuppressWarnings("unchecked")
    public static <T extends DomainEvent> T data(EventEnvelope envelope) {
        EventType type = envelope.eventType()
                .orElseThrow(() -> new MalformedEventException("unknown event type " + envelope.type()));
        return (T) data(envelope.data(), type.recordClass());
    }

    public static <T> T data(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("data does not match " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Raised for bytes that cannot be an event of ours; consumers let it reach the dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
