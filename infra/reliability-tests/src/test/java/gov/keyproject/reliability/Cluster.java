package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.KafkaBroker;
import gov.keyproject.devstack.MongoWireServer;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.DevTokens;
import gov.keyproject.platform.security.Role;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The whole system for the reliability suite, one per test JVM: a Kafka broker in its own process (so it can be
 * killed and restarted on its data), a MongoDB-protocol server behind an in-JVM {@link TcpProxy} (so the store can be
 * made unreachable), the four services and the console as processes. Test classes share it and keep apart by their
 * own unit and project codes; every test leaves it running.
 *
 * <p>Clocks: the registry runs on 2026-06-30 (projects registered then count for June), the other services on
 * 2026-07-01, when June is the assessment period, t = 6/12, and the June report's deadline is four days away
 * (no reminders) while May's was not due from projects registered in June (no missing reports).
 */
final class Cluster {

    static final String REGISTRY_DAY = "2026-06-30";
    static final String TODAY = "2026-07-01";
    static final List<Service> SERVICES = List.of(Service.PROJECT_REGISTRY, Service.INVESTMENT_STATISTICS,
            Service.INVESTMENT_PROMOTION, Service.ASSESSMENT);
    static final Map<Service, String> GROUPS = Map.of(Service.PROJECT_REGISTRY, "project-registry",
            Service.INVESTMENT_STATISTICS, "investment-statistics",
            Service.INVESTMENT_PROMOTION, "investment-promotion", Service.ASSESSMENT, "assessment");
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static Cluster instance;

    private final Path dir;
    private final int kafkaPort = Ports.free();
    private final int controllerPort = Ports.free();
    private final MongoWireServer mongo;
    private final TcpProxy storeProxy;
    private final DevTokens tokens;
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private KafkaBroker broker;
    private int starts;

    private Cluster() throws IOException {
        dir = Files.createTempDirectory("keyproject-reliability-");
        broker = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort, dir.resolve("kafka.log"),
                Duration.ofSeconds(90));
        mongo = MongoWireServer.inMemory(Ports.free());
        storeProxy = new TcpProxy(Integer.parseInt(mongo.uri().substring(mongo.uri().lastIndexOf(':') + 1)));
        tokens = DevTokens.inDirectory(dir.resolve("keys"));
        for (Service s : List.of(Service.PROJECT_REGISTRY, Service.INVESTMENT_STATISTICS,
                Service.INVESTMENT_PROMOTION, Service.ASSESSMENT, Service.CONSOLE)) {
            ports.put(s, Ports.free());
        }
        for (Service s : SERVICES) {
            start(s, Map.of());
        }
        for (Service s : SERVICES) {
            running.get(s).awaitReady(Duration.ofSeconds(180));
        }
        start(Service.CONSOLE, Map.of()).awaitReady(Duration.ofSeconds(120));
    }

    static synchronized Cluster get() {
        if (instance == null) {
            try {
                instance = new Cluster();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Cluster c = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(c::shutdown, "reliability-cluster-stop"));
        }
        return instance;
    }

    Path logs() {
        return dir;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    TcpProxy storeProxy() {
        return storeProxy;
    }

    /** The store directly, not through the proxy: for the tests' own reads. */
    String mongoUri() {
        return mongo.uri();
    }

    static String database(Service service) {
        return "rel-" + service.id;
    }

    String token(String subject, String unit, Role... roles) {
        return tokens.mint(subject, unit, List.of(roles), Duration.ofHours(4));
    }

    String operator() {
        return token("operator-reliability", null, Role.OPERATOR);
    }

    ServiceProcess service(Service s) {
        return running.get(s);
    }

    ApiClient api(Service s) {
        return new ApiClient(running.get(s).baseUrl());
    }

    /** Starts (or restarts, on the same port) a service with extra environment variables. */
    synchronized ServiceProcess start(Service s, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        env.put("JWT_PUBLIC_KEY_LOCATION", DevTokens.publicKey(dir.resolve("keys")).toUri().toString());
        env.put("KEYPROJECT_OUTBOX_SWEEPINTERVAL", "500ms");
        env.put("KEYPROJECT_OUTBOX_SWEEPGRACE", "1s");
        env.put("KEYPROJECT_TODAY", s == Service.PROJECT_REGISTRY ? REGISTRY_DAY : TODAY);
        if (s == Service.CONSOLE) {
            env.put("REGISTRY_URL", "http://127.0.0.1:" + ports.get(Service.PROJECT_REGISTRY));
            env.put("STATISTICS_URL", "http://127.0.0.1:" + ports.get(Service.INVESTMENT_STATISTICS));
            env.put("PROMOTION_URL", "http://127.0.0.1:" + ports.get(Service.INVESTMENT_PROMOTION));
            env.put("ASSESSMENT_URL", "http://127.0.0.1:" + ports.get(Service.ASSESSMENT));
            env.put("CONSOLE_SERVICE_TOKEN", operator());
        } else {
            env.put("MONGODB_URI", "mongodb://127.0.0.1:" + storeProxy.port());
            env.put("MONGODB_DATABASE", database(s));
        }
        env.putAll(extra);
        try {
            ServiceProcess p = ServiceProcess.start(ROOT, s, ports.get(s), env,
                    dir.resolve(s.id + "-" + (++starts) + ".log"));
            running.put(s, p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash: no shutdown hook runs, nothing is flushed. */
    void kill(Service s) {
        running.get(s).kill();
    }

    ServiceProcess restart(Service s, Map<String, String> extra) {
        kill(s);
        return start(s, extra).awaitReady(Duration.ofSeconds(180));
    }

    void killBroker() {
        broker.kill();
    }

    void startBroker() {
        try {
            broker = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort, dir.resolve("kafka.log"),
                    Duration.ofSeconds(120));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** End offsets of every topic's partitions (dead-letter topics included). */
    Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = admin()) {
            var topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            described.values().forEach(d -> d.partitions()
                    .forEach(p -> spec.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(spec).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records on dead-letter topics ({@code *.dlq}), per topic. */
    Map<String, Long> deadLetters() {
        Map<String, Long> out = new TreeMap<>();
        endOffsets().forEach((tp, end) -> {
            if (tp.topic().endsWith(".dlq")) {
                out.merge(tp.topic(), end, Long::sum);
            }
        });
        return out;
    }

    /**
     * Lag of each service's consumer group: the records between its committed offset and the end, summed over its
     * partitions. Counted by reading them, because a transaction's commit marker also takes an offset and a consumer
     * never commits past a marker at the end of a partition (the console's dead-letter send-back is transactional).
     */
    Map<String, Long> lag() {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<String, Long> lag = new TreeMap<>();
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(GROUPS::containsValue).toList();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> behind = new HashMap<>();
                committed.forEach((tp, offset) -> {
                    if (offset != null && ends.getOrDefault(tp, 0L) > offset.offset()) {
                        behind.put(tp, offset.offset());
                    }
                });
                lag.put(group, behind.isEmpty() ? 0L : recordsBetween(behind, ends));
            }
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
        return lag;
    }

    /** Records (not transaction markers) from each partition's {@code from} offset to its end offset. */
    private long recordsBetween(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long records = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    return Math.max(records, 1); // could not read to the end: count it as behind
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        records++;
                    }
                }
            }
            return records;
        }
    }

    /** Waits until every service's consumer group has consumed everything on its topics. */
    void awaitNoLag(Duration within) {
        long start = System.nanoTime();
        await().atMost(within).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            Map<String, Long> lag = lag();
            System.out.println(Results.seconds(start) + " lag " + lag);
            return lag.values().stream().allMatch(l -> l == 0);
        });
    }

    /** Every record now on {@code topics} whose key passes {@code keys}, read from the start up to the end. */
    List<ConsumerRecord<String, byte[]>> records(List<String> topics, Predicate<String> keys) {
        Map<TopicPartition, Long> ends = endOffsets();
        List<TopicPartition> partitions = ends.keySet().stream().filter(tp -> topics.contains(tp.topic())).toList();
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to their end in 60 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))
                            && r.key() != null && keys.test(r.key())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Writes records as they are (key, value and headers), as a broker redelivery or a replay would. */
    void resend(List<ConsumerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                sent.add(producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())));
            }
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private void shutdown() {
        // All at once: one after another, their graceful stops outlast surefire's wait for the JVM to exit.
        running.values().parallelStream().forEach(ServiceProcess::stop);
        broker.kill();
        try {
            storeProxy.close();
        } catch (IOException ignored) {
            // exiting anyway
        }
        mongo.stop();
    }
}
