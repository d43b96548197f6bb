package gov.keyproject.devstack;

import gov.keyproject.platform.security.DevTokens;
import gov.keyproject.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One real Kafka broker and one MongoDB-protocol server per test JVM, on free ports, started lazily and shared by
 * every test class (which isolate themselves by database, topic and consumer-group names).
 *
 * <p>By default the broker runs from the Kafka artifacts in a child JVM and the store is mongo-java-server in
 * memory. With {@code -Dkeyproject.test.servers=containers} (Maven profile {@code testcontainers}), the same tests
 * use Testcontainers' Kafka and MongoDB containers instead, where a Docker engine exists.
 */
public final class TestServers {

    private static final Logger log = LoggerFactory.getLogger(TestServers.class);
    private static TestServers instance;

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final KafkaBroker broker;
    private final Path keyDir;
    private final DevTokens tokens;

    private TestServers(String kafkaBootstrap, String mongoUri, KafkaBroker broker, Path keyDir) throws IOException {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.broker = broker;
        this.keyDir = keyDir;
        this.tokens = DevTokens.inDirectory(keyDir);
    }

    public static synchronized TestServers get() {
        if (instance == null) {
            try {
                instance = "containers".equals(System.getProperty("keyproject.test.servers"))
                        ? containers() : embedded();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static TestServers embedded() throws IOException {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("keyproject-test-");
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path kafkaLog = dir.resolve("kafka.log");
        KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port, controllerPort, kafkaLog,
                Duration.ofSeconds(90));
        MongoWireServer mongo = MongoWireServer.inMemory(Ports.free());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.kill();
            mongo.stop();
        }, "test-servers-stop"));
        log.info("test servers: Kafka {} (log {}), MongoDB-protocol server {}, up in {} ms",
                broker.bootstrapServers(), kafkaLog, mongo.uri(), (System.nanoTime() - start) / 1_000_000);
        return new TestServers(broker.bootstrapServers(), mongo.uri(), broker, dir.resolve("keys"));
    }

    private static TestServers containers() throws IOException {
        var kafka = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.2");
        var mongo = new org.testcontainers.mongodb.MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        log.info("test servers: Testcontainers Kafka {} and MongoDB {}", kafka.getBootstrapServers(),
                mongo.getReplicaSetUrl());
        String uri = mongo.getConnectionString();
        return new TestServers(kafka.getBootstrapServers(), uri, null,
                Files.createTempDirectory("keyproject-test-keys-"));
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** The broker process, for fault tests; null when running on containers. */
    public KafkaBroker broker() {
        return broker;
    }

    /** Spring properties that point a service at these servers, with its own database. */
    public Map<String, String> springProperties(String database) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrap);
        p.put("spring.mongodb.uri", mongoUri);
        p.put("spring.mongodb.database", database);
        p.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                DevTokens.publicKey(keyDir).toUri().toString());
        p.put("keyproject.outbox.sweep-interval", "500ms");
        p.put("keyproject.outbox.sweep-grace", "1s");
        return p;
    }

    /** The signing key's minter, for clients that mint their own tokens (the demo county loader). */
    public DevTokens devTokens() {
        return tokens;
    }

    /** A signed bearer token for a test caller. */
    public String token(String subject, String unit, Role... roles) {
        return tokens.mint(subject, unit, List.of(roles), Duration.ofHours(1));
    }
}
