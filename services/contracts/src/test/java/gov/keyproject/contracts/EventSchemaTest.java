package gov.keyproject.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalogued event, serialized for real, must match its checked-in JSON schema, and round-trip. */
class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serializedEventMatchesItsSchema(EventType type) throws Exception {
        DomainEvent sample = EventSamples.SAMPLES.get(type);
        assertThat(sample).as("a sample for " + type).isNotNull();
        assertThat(sample.eventType()).isEqualTo(type);

        EventEnvelope envelope = EventCodec.wrap(sample, "/test", 7, Instant.parse("2026-10-05T08:00:00.123456Z"),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", Instant.parse("2026-10-05T08:00:00Z"));
        byte[] bytes = EventCodec.encode(envelope);

        Set<ValidationMessage> errors = schema(type).validate(JSON.readTree(bytes));
        assertThat(errors).as(new String(bytes)).isEmpty();

        EventEnvelope decoded = EventCodec.decode(bytes);
        assertThat(EventCodec.encode(decoded)).isEqualTo(bytes);
        assertThat(decoded.id()).isEqualTo(envelope.id());
        assertThat(decoded.key()).isEqualTo(sample.aggregateId());
        assertThat((DomainEvent) EventCodec.data(decoded)).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAnEnvelopeWithoutData(EventType type) throws Exception {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(EventCodec.encode(
                EventCodec.wrap(EventSamples.SAMPLES.get(type), "/test", 1, Instant.now(), null, null)));
        node.remove("data");
        assertThat(schema(type).validate(node)).isNotEmpty();
    }

    @Test
    void typesAreVersionedAndTopicsAreExplicit() {
        for (EventType type : EventType.values()) {
            assertThat(type.type()).matches("gov\\.keyproject\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(type.topic()).matches("[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(type.topic()).doesNotContain(type.recordClass().getSimpleName());
        }
    }

    @Test
    void malformedBytesAreRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventCodec.decode("{\"id\":1}".getBytes()))
                .isInstanceOf(EventCodec.MalformedEventException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventCodec.decode("not json".getBytes()))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }

    private static JsonSchema schema(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema " + type.schemaResource()).isNotNull();
            return FACTORY.getSchema(in);
        }
    }
}
