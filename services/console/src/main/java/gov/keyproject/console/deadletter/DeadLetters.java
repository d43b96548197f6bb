package gov.keyproject.console.deadletter;

import gov.keyproject.console.ConsoleSettings;
import gov.keyproject.contracts.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The dead letters of every consumer group (死信队列), read from the {@code *.dlq} topics, and their re-sending.
 * A re-send puts the record back on its original topic and writes a marker to {@link #RESENDS} in one Kafka
 * transaction, so "sent back" is recorded exactly when the record really went back, and a second re-send of the
 * same dead letter is refused, after a console restart too.
 */
@Component
public class DeadLetters implements AutoCloseable {

    /** Markers of re-sent dead letters, keyed by the dead letter's id. */
    public static final String RESENDS = "console.dead-letter-resends.v1";
    /** Header on a re-sent record naming the dead letter it came from. */
    public static final String RESENT_FROM = "keyproject-resent-from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final ConsoleSettings settings;
    private final Clock clock;
    private final Map<String, DeadLetter> letters = new LinkedHashMap<>();
    private final Map<String, JsonNode> markers = new HashMap<>();
    private Producer<String, byte[]> producer;

    public DeadLetters(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Another dead letter read from a {@code .dlq} topic. */
    public synchronized void add(ConsumerRecord<String, byte[]> record) {
        String id = record.topic() + ":" + record.partition() + ":" + record.offset();
        String json = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        String type = null;
        try {
            JsonNode node = EventCodec.mapper().readTree(json);
            String t = node.path("type").asString("");
            type = t.isEmpty() ? null : gov.keyproject.console.stream.EventDigest.shortType(t);
        } catch (RuntimeException e) {
            // not an event at all: that is often why it is here
        }
        String original = header(record, "original-topic");
        DeadLetter letter = new DeadLetter(id, record.topic(), record.partition(), record.offset(),
                original != null ? original : originalTopic(record.topic()), group(record.topic()), record.key(),
                type, header(record, "exception-fqcn"), reason(header(record, "exception-message")),
                Instant.ofEpochMilli(record.timestamp()), json, null, null);
        JsonNode marker = markers.get(id);
        letters.put(id, marker == null ? letter : letter.resent(instant(marker), marker.path("by").asString(null)));
    }

    /** A marker read back from {@link #RESENDS} (ours or another console's). */
    public synchronized void marker(String id, byte[] value) {
        JsonNode node = EventCodec.mapper().readTree(value);
        markers.put(id, node);
        DeadLetter letter = letters.get(id);
        if (letter != null && letter.resentAt() == null) {
            letters.put(id, letter.resent(instant(node), node.path("by").asString(null)));
        }
    }

    public synchronized List<DeadLetter> all() {
        return letters.values().stream().sorted(Comparator.comparing(DeadLetter::at).reversed()).toList();
    }

    public synchronized Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(letters.get(id));
    }

    /** What happened to a re-send request. */
    public enum Outcome { SENT, ALREADY_SENT, UNKNOWN }

    /** Puts the dead letter back on its original topic, once. */
    public synchronized Outcome resend(String id, String by) {
        DeadLetter letter = letters.get(id);
        if (letter == null) {
            return Outcome.UNKNOWN;
        }
        if (letter.resentAt() != null) {
            return Outcome.ALREADY_SENT;
        }
        Instant now = clock.instant();
        byte[] marker = EventCodec.mapper().writeValueAsBytes(Map.of("at", now.toString(), "by", by,
                "originalTopic", letter.originalTopic()));
        Producer<String, byte[]> p = producer();
        p.beginTransaction();
        try {
            ProducerRecord<String, byte[]> back = new ProducerRecord<>(letter.originalTopic(), letter.key(),
                    letter.json().getBytes(StandardCharsets.UTF_8));
            back.headers().add(RESENT_FROM, id.getBytes(StandardCharsets.UTF_8));
            p.send(back);
            p.send(new ProducerRecord<>(RESENDS, id, marker));
            p.commitTransaction();
        } catch (RuntimeException e) {
            abort(p);
            throw e;
        }
        log.info("dead letter {} re-sent to {} by {}", id, letter.originalTopic(), by);
        markers.put(id, EventCodec.mapper().readTree(marker));
        letters.put(id, letter.resent(now, by));
        return Outcome.SENT;
    }

    private void abort(Producer<String, byte[]> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException again) {
            // A fenced or broken producer cannot abort: start a new one next time.
            log.warn("abort failed, producer replaced: {}", again.toString());
            p.close();
            producer = null;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "keyproject-console-resend");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            KafkaProducer<String, byte[]> created = new KafkaProducer<>(props);
            created.initTransactions();
            producer = created;
        }
        return producer;
    }

    private static Instant instant(JsonNode marker) {
        try {
            return Instant.parse(marker.path("at").asString());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** The binder wraps every failure in "error occurred in message handler [...]; ": the rest is the reason. */
    static String reason(String message) {
        return message == null ? null : message.replaceFirst("^error occurred in message handler \\[[^]]*]; ", "");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String suffix) {
        String found = null;
        for (Header h : record.headers()) {
            if (h.key().endsWith(suffix) && h.value() != null) {
                found = new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return found;
    }

    /** {@code registry.project-events.v1.assessment.dlq} → {@code registry.project-events.v1}. */
    static String originalTopic(String dlq) {
        int v = dlq.indexOf(".v");
        int end = dlq.indexOf('.', v + 2);
        return end < 0 ? dlq : dlq.substring(0, end);
    }

    /** {@code registry.project-events.v1.assessment.dlq} → {@code assessment}. */
    static String group(String dlq) {
        String original = originalTopic(dlq);
        String rest = dlq.substring(Math.min(dlq.length(), original.length() + 1));
        return rest.endsWith(".dlq") ? rest.substring(0, rest.length() - 4) : rest;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
