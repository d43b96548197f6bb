package gov.keyproject.devstack;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real servers work through the real clients: a record crosses the broker, and the current MongoDB driver
 * still talks to mongo-java-server (it breaks when a driver raises its minimum wire version).
 */
class TestServersTest {

    private final TestServers servers = TestServers.get();

    @Test
    void aRecordCrossesTheRealBroker() {
        String topic = "devstack-smoke-" + System.nanoTime();
        try (TopicReader reader = new TopicReader(servers.kafkaBootstrap(), List.of(topic))) {
            reader.poll();
            TopicReader.send(servers.kafkaBootstrap(), topic,
                    List.of(Map.entry("P-1", "进度已填报".getBytes(StandardCharsets.UTF_8))));
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().size() == 1);
            assertThat(new String(reader.poll().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("进度已填报");
            assertThat(reader.poll().get(0).key()).isEqualTo("P-1");
        }
    }

    @Test
    void theDriverTalksToTheMongoProtocolServer() {
        try (var client = MongoClients.create(servers.mongoUri())) {
            var collection = client.getDatabase("devstack-smoke").getCollection("units");
            collection.insertOne(new Document("_id", "U-01").append("name", "城关镇"));
            collection.updateOne(new Document("_id", "U-01"),
                    new Document("$push", new Document("outbox", new Document("$each", List.of(
                            new Document("id", "e1"), new Document("id", "e2"))))));
            collection.updateOne(new Document("_id", "U-01"), new Document("$pull",
                    new Document("outbox", new Document("id", new Document("$in", List.of("e1"))))));
            Document found = collection.find(new Document("outbox.0", new Document("$exists", true))).first();
            assertThat(found).isNotNull();
            assertThat(found.getList("outbox", Document.class)).extracting(d -> d.getString("id"))
                    .containsExactly("e2");
        }
    }
}
