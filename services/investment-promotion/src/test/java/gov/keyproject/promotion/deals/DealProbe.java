package gov.keyproject.promotion.deals;

import gov.keyproject.contracts.Topics;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

/**
 * Everything a refused request could have changed: deals as the API shows them, their trails, how many deals each
 * unit has, and the events on {@code promotion.deal-events.v1} (per key and in total). A snapshot is taken once the
 * outbox relay is idle and the topic has been read to its end offsets, so two snapshots around a request are equal
 * exactly when the request changed nothing and published nothing.
 */
final class DealProbe implements AutoCloseable {

    private static final String TOPIC = Topics.PROMOTION_DEAL_EVENTS;

    private final ApiClient api;
    private final String operatorToken;
    private final OutboxRelay relay;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Integer> eventsPerKey = new HashMap<>();
    private int eventsInTotal;

    DealProbe(String kafkaBootstrap, ApiClient api, String operatorToken, OutboxRelay relay) {
        this.api = api;
        this.operatorToken = operatorToken;
        this.relay = relay;
        // Assigned partitions, no group: reading to the end offsets is exact, unlike a subscription's first polls.
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The observable state of these units and deals (ids that do not exist are shown as their 404). */
    Map<String, Object> take(Collection<String> unitCodes, Collection<String> dealIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);
        readToEnd();
        Map<String, Object> s = new TreeMap<>();
        for (String unit : unitCodes) {
            s.put("unit " + unit + ": deals", show(api.get("/api/v1/deals?unit=" + unit, operatorToken)));
        }
        for (String id : dealIds) {
            s.put("deal " + id, show(api.get("/api/v1/deals/" + id, operatorToken)));
            s.put("deal " + id + ": trail", show(api.get("/api/v1/deals/" + id + "/trail", operatorToken)));
            s.put("deal " + id + ": events", eventsPerKey.getOrDefault(id, 0));
        }
        s.put("topic " + TOPIC + ": events", eventsInTotal);
        return s;
    }

    private void readToEnd() {
        if (consumer.assignment().isEmpty()) {
            await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> !consumer.partitionsFor(TOPIC).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                eventsPerKey.merge(String.valueOf(r.key()), 1, Integer::sum);
                eventsInTotal++;
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
