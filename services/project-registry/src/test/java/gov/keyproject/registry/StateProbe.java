package gov.keyproject.registry;

import gov.keyproject.contracts.Topics;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * Everything a refused request could have changed: units and projects as the API shows them, their trails, how many
 * units and projects there are, stored photo blobs, and the events on the registry's topics (per key and in total).
 * A snapshot is taken once the outbox relay is idle and the topics have been read to their end offsets, so two
 * snapshots around a request are equal exactly when the request changed nothing and published nothing.
 */
public final class StateProbe implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.REGISTRY_UNIT_EVENTS, Topics.REGISTRY_PROJECT_EVENTS);

    private final ApiClient api;
    private final String operatorToken;
    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Integer> eventsPerKey = new HashMap<>();
    private final Map<String, Integer> eventsPerTopic = new HashMap<>();

    public StateProbe(String kafkaBootstrap, ApiClient api, String operatorToken, MongoTemplate mongo,
                      OutboxRelay relay) {
        this.api = api;
        this.operatorToken = operatorToken;
        this.mongo = mongo;
        this.relay = relay;
        // Assigned partitions, no group: reading to the end offsets is exact, unlike a subscription's first polls.
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The observable state of these units and projects (codes that do not exist are shown as their 404). */
    public Map<String, Object> take(Collection<String> unitCodes, Collection<String> projectCodes) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);
        readToEnd();
        Map<String, Object> s = new TreeMap<>();
        s.put("units: count", api.get("/api/v1/units", operatorToken).json().size());
        for (String unit : unitCodes) {
            s.put("unit " + unit, show(api.get("/api/v1/units/" + unit, operatorToken)));
            s.put("unit " + unit + ": trail", show(api.get("/api/v1/units/" + unit + "/trail", operatorToken)));
            s.put("unit " + unit + ": projects", api.get("/api/v1/projects?unit=" + unit, operatorToken).json()
                    .size());
            s.put("unit " + unit + ": events", eventsPerKey.getOrDefault(unit, 0));
        }
        for (String project : projectCodes) {
            s.put("project " + project, show(api.get("/api/v1/projects/" + project, operatorToken)));
            s.put("project " + project + ": trail",
                    show(api.get("/api/v1/projects/" + project + "/trail", operatorToken)));
            s.put("project " + project + ": photo blobs", mongo.count(
                    new Query(Criteria.where("projectCode").is(project)), Document.class, "photos"));
            s.put("project " + project + ": events", eventsPerKey.getOrDefault(project, 0));
        }
        TOPICS.forEach(t -> s.put("topic " + t + ": events", eventsPerTopic.getOrDefault(t, 0)));
        return s;
    }

    private void readToEnd() {
        if (consumer.assignment().isEmpty()) {
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> TOPICS.stream()
                    .allMatch(t -> !consumer.partitionsFor(t).isEmpty()));
            List<TopicPartition> partitions = TOPICS.stream().flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                eventsPerKey.merge(String.valueOf(r.key()), 1, Integer::sum);
                eventsPerTopic.merge(r.topic(), 1, Integer::sum);
            }
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    private static String show(ApiClient.Response r) {
        return r.status() + " " + r.body();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
