package gov.keyproject.statistics.unit;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.security.Role;
import gov.keyproject.statistics.StatisticsIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The unit read model is fed only by the registry topic, over the real broker: idempotent, and poison goes to the DLQ. */
class UnitDirectoryTest extends StatisticsIntegrationTest {

    private static final String DLQ = Topics.deadLetter(Topics.REGISTRY_UNIT_EVENTS, "investment-statistics");

    @Autowired
    MongoTemplate mongo;

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        String code = uniqueCode("TS");
        byte[] registered = envelope(new UnitRegistered(code, "城关镇", UnitKind.TOWNSHIP), 1);
        byte[] renamed = envelope(new UnitChanged(code, "城关街道", UnitKind.TOWNSHIP), 2);
        byte[] last = envelope(new UnitChanged(code, "城关街道办事处", UnitKind.TOWNSHIP), 3);

        // Twice each, and the first one once more after the second (stale); then a last event on the same key.
        send(code, registered, registered, renamed, renamed, registered);
        send(code, last);

        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(code) == 3);
        Document unit = mongo.findById(code, Document.class, "units");
        assertThat(unit.getString("name")).isEqualTo("城关街道办事处");
        assertThat(unit.getInteger("eventsApplied")).isEqualTo(3);

        var api = api().get("/api/v1/units", servers.token("viewer", null, Role.VIEWER)).json();
        List<String> names = new ArrayList<>();
        api.forEach(u -> {
            if (code.equals(u.get("code").asString())) {
                names.add(u.get("name").asString());
            }
        });
        assertThat(names).containsExactly("城关街道办事处");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndLaterEventsOnItsPartitionStillApply() {
        String code = uniqueCode("ZN");
        byte[] poison = "这不是一个事件 {".getBytes(StandardCharsets.UTF_8);
        try (TopicReader dlq = new TopicReader(servers.kafkaBootstrap(), List.of(DLQ))) {
            send(code, poison);
            send(code, envelope(new UnitRegistered(code, "高新区", UnitKind.DEVELOPMENT_ZONE), 1));

            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(code) == 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream().anyMatch(r -> code.equals(r.key())));
            ConsumerRecord<String, byte[]> dead = dlq.poll().stream().filter(r -> code.equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(dead.value()).isEqualTo(poison);
            List<String> headers = new ArrayList<>();
            for (Header h : dead.headers()) {
                headers.add(h.key());
            }
            assertThat(headers).anyMatch(h -> h.contains("original-topic"));
            assertThat(headers).anyMatch(h -> h.contains("exception-message"));
        }
        assertThat(mongo.findById(code, Document.class, "units").getString("name")).isEqualTo("高新区");
    }

    private long lastSequence(String code) {
        Document d = mongo.findById(code, Document.class, "units");
        return d == null ? 0 : d.get("lastSequence", Number.class).longValue();
    }

    private static byte[] envelope(DomainEvent event, long sequence) {
        return EventCodec.encode(EventCodec.wrap(event, "/keyproject/project-registry", sequence, Instant.now(),
                null, null));
    }

    private static void send(String key, byte[]... values) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (byte[] v : values) {
            records.add(Map.entry(key, v));
        }
        TopicReader.send(servers.kafkaBootstrap(), Topics.REGISTRY_UNIT_EVENTS, records);
    }
}
