package gov.keyproject.console.stream;

import gov.keyproject.console.ConsoleSettings;
import gov.keyproject.console.deadletter.DeadLetters;
import gov.keyproject.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Reads every event topic, every dead-letter topic and the re-send markers (读取全部主题), without a consumer
 * group: the console keeps no offsets and disturbs no one. At start each event partition is read back
 * {@code backlog} records; dead letters and markers from the beginning (they are few and must all be seen).
 */
@Component
public class EventTail implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final ConsoleSettings settings;
    private final LiveStream stream;
    private final DeadLetters deadLetters;
    private final Set<String> eventTopics = new HashSet<>(Topics.all());
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile Instant lastPoll;
    private volatile int partitions;

    public EventTail(ConsoleSettings settings, LiveStream stream, DeadLetters deadLetters) {
        this.settings = settings;
        this.stream = stream;
        this.deadLetters = deadLetters;
        eventTopics.add(Topics.STATISTICS_FEED);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "event-tail");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                createMarkerTopic();
                tail();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // The broker may be down: say so and try again; the stream resumes where it can.
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                log.warn("event tail interrupted, retrying in 5 s: {} (cause: {})", e.toString(), root.toString());
                pause();
            }
        }
    }

    private void tail() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "keyproject-console-tail");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
            consumer = c;
            Set<TopicPartition> assigned = new HashSet<>();
            Instant nextRefresh = Instant.EPOCH;
            while (running) {
                if (Instant.now().isAfter(nextRefresh)) {
                    assign(c, assigned);
                    nextRefresh = Instant.now().plus(REFRESH);
                }
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                    take(record);
                }
                lastPoll = Instant.now();
            }
        } finally {
            consumer = null;
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (DeadLetters.RESENDS.equals(record.topic())) {
            if (record.value() != null) {
                deadLetters.marker(record.key(), record.value());
            }
            return;
        }
        if (record.topic().endsWith(".dlq")) {
            deadLetters.add(record);
        }
        stream.add(EventDigest.of(stream.nextSeq(), record));
    }

    /** Picks up topics and partitions that appeared since the last look (a DLQ is created on its first letter). */
    private void assign(KafkaConsumer<String, byte[]> c, Set<TopicPartition> assigned) {
        Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(10));
        List<TopicPartition> fresh = new ArrayList<>();
        topics.forEach((topic, infos) -> {
            if (wanted(topic)) {
                for (PartitionInfo info : infos) {
                    TopicPartition tp = new TopicPartition(topic, info.partition());
                    if (!assigned.contains(tp)) {
                        fresh.add(tp);
                    }
                }
            }
        });
        if (fresh.isEmpty()) {
            return;
        }
        assigned.addAll(fresh);
        c.assign(new ArrayList<>(assigned));
        Map<TopicPartition, Long> begin = c.beginningOffsets(fresh);
        Map<TopicPartition, Long> end = c.endOffsets(fresh);
        for (TopicPartition tp : fresh) {
            boolean everything = tp.topic().endsWith(".dlq") || DeadLetters.RESENDS.equals(tp.topic());
            long from = everything ? begin.get(tp) : Math.max(begin.get(tp), end.get(tp) - settings.backlog());
            c.seek(tp, from);
        }
        partitions = assigned.size();
        log.info("event tail now reads {} partitions ({} new)", assigned.size(), fresh.size());
    }

    private boolean wanted(String topic) {
        return eventTopics.contains(topic) || topic.endsWith(".dlq") || DeadLetters.RESENDS.equals(topic);
    }

    private void createMarkerTopic() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(DeadLetters.RESENDS, 1, (short) -1)
                    .configs(Map.of("retention.ms", "-1")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + DeadLetters.RESENDS, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Up while the tail polls; the console's pages work without it, but the stream would be stale. */
    @Override
    public Health health() {
        Instant last = lastPoll;
        if (last != null && last.isAfter(Instant.now().minusSeconds(30))) {
            return Health.up().withDetail("partitions", partitions).withDetail("watchers", stream.watchers()).build();
        }
        return Health.unknown().withDetail("lastPoll", String.valueOf(last)).build();
    }
}
