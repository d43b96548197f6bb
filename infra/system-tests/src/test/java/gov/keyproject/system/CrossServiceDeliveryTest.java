package gov.keyproject.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.security.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registry and statistics as separate processes on the real broker and store: a change made over HTTP leaves through
 * the outbox, crosses the broker and is applied by the other service once, however often it is delivered, and
 * whether the registry process dies before the publish or after it.
 */
class CrossServiceDeliveryTest {

    private static final TestServers servers = TestServers.get();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
    private static final String REGISTRY_DB = "e2e-registry-" + RUN;
    private static final String STATISTICS_DB = "e2e-statistics-" + RUN;
    private static final String OPERATOR = servers.token("operator-e2e", null, Role.OPERATOR);

    private static Path logs;
    private static ServiceProcess registry;
    private static ServiceProcess statistics;
    private static MongoClient mongo;
    private static int restarts;

    @BeforeAll
    static void startServices() throws Exception {
        logs = Files.createTempDirectory("keyproject-e2e-logs-");
        mongo = MongoClients.create(servers.mongoUri());
        statistics = ServiceProcess.start(ROOT, Service.INVESTMENT_STATISTICS, Ports.free(), env(STATISTICS_DB, true),
                logs.resolve("statistics.log"));
        registry = startRegistry(true);
        statistics.awaitReady(Duration.ofSeconds(120));
        registry.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopServices() {
        if (registry != null) {
            registry.stop();
        }
        if (statistics != null) {
            statistics.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void aChangeCrossesToTheOtherServiceAndARedeliveryChangesNothing() {
        String code = "E2E-A-" + RUN;
        assertThat(registryApi().post("/api/v1/units", OPERATOR,
                Map.of("code", code, "name", "城关镇", "kind", "TOWNSHIP")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> statisticsUnit(code) != null);

        // Deliver the very same record again, then make a later change and wait until it has been applied.
        ConsumerRecord<String, byte[]> first = recordsFor(code, 1).get(0);
        TopicReader.send(servers.kafkaBootstrap(), Topics.REGISTRY_UNIT_EVENTS, List.of(Map.entry(code, first.value())));
        assertThat(registryApi().put("/api/v1/units/" + code, OPERATOR,
                Map.of("name", "城关街道", "kind", "TOWNSHIP")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "城关街道".equals(statisticsUnit(code).getString("name")));

        assertThat(statisticsUnit(code).getInteger("eventsApplied")).isEqualTo(2);
        assertThat(statisticsUnit(code).get("lastSequence", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void aCrashBetweenTheStateWriteAndThePublishLosesNothing() {
        registry.kill();
        registry = startRegistry(false).awaitReady(Duration.ofSeconds(120)); // relay not running: no publish
        String code = "E2E-B-" + RUN;
        assertThat(registryApi().post("/api/v1/units", OPERATOR,
                Map.of("code", code, "name", "高新区", "kind", "DEVELOPMENT_ZONE")).status()).isEqualTo(201);
        assertThat(pendingEvents(code)).hasSize(1);
        registry.kill(); // dies with the event written but never published

        registry = startRegistry(true).awaitReady(Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> statisticsUnit(code) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEvents(code).isEmpty());

        assertThat(recordsFor(code, 1)).hasSize(1);
        assertThat(statisticsUnit(code).getInteger("eventsApplied")).isEqualTo(1);
    }

    @Test
    void aCrashAfterThePublishAndBeforeTheMarkPublishesTwiceButAppliesOnce() {
        registry.kill();
        registry = startRegistry(false).awaitReady(Duration.ofSeconds(120));
        String code = "E2E-C-" + RUN;
        assertThat(registryApi().post("/api/v1/units", OPERATOR,
                Map.of("code", code, "name", "交通运输局", "kind", "DEPARTMENT")).status()).isEqualTo(201);
        Document pending = pendingEvents(code).get(0);
        // What the relay would have sent just before dying, without marking the event sent.
        TopicReader.send(servers.kafkaBootstrap(), pending.getString("topic"), List.of(Map.entry(code,
                pending.getString("payload").getBytes(StandardCharsets.UTF_8))));
        registry.kill();

        registry = startRegistry(true).awaitReady(Duration.ofSeconds(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEvents(code).isEmpty());
        List<ConsumerRecord<String, byte[]>> records = recordsFor(code, 2);
        assertThat(records).hasSize(2);
        EventEnvelope a = EventCodec.decode(records.get(0).value());
        EventEnvelope b = EventCodec.decode(records.get(1).value());
        assertThat(a).isEqualTo(b);
        await().atMost(Duration.ofSeconds(30)).until(() -> statisticsUnit(code) != null);
        assertThat(statisticsUnit(code).getInteger("eventsApplied")).isEqualTo(1);
    }

    @Test
    void aReportFiledAtTheRegistryBecomesFiguresAndACorrectionMovesThemByTheDifference() {
        String unit = "E2E-U-" + RUN;
        String code = "E2E-P-" + RUN;
        String period = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        int year = java.time.YearMonth.parse(period).getYear();
        assertThat(registryApi().post("/api/v1/units", OPERATOR,
                Map.of("code", unit, "name", "城关镇", "kind", "TOWNSHIP")).status()).isEqualTo(201);
        Map<String, Object> project = new HashMap<>(Map.of("code", code, "name", "城关镇农贸市场改造",
                "category", "LIVELIHOOD", "level", "COUNTY", "constructionType", "NEW", "totalInvestment", 2000,
                "plannedInvestment", Map.of(Integer.toString(year), 1200), "unitCode", unit, "phase", "READY"));
        assertThat(registryApi().post("/api/v1/projects", OPERATOR, project).status()).isEqualTo(201);
        String unitSystem = servers.token("system-" + unit, unit, Role.UNIT_SYSTEM);
        String path = "/api/v1/projects/" + code + "/reports/" + period;
        assertThat(registryApi().put(path, unitSystem, Map.of("investmentCompleted", 300, "workUnderWay", true))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> ytd(code, period).compareTo(new java.math.BigDecimal("300")) == 0);

        assertThat(registryApi().put(path, unitSystem, Map.of("investmentCompleted", 250.5, "workUnderWay", true))
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> ytd(code, period).compareTo(new java.math.BigDecimal("250.5")) == 0);
    }

    private static java.math.BigDecimal ytd(String code, String period) {
        var figures = new ApiClient(statistics.baseUrl()).get("/api/v1/figures/projects?period=" + period, OPERATOR)
                .json();
        for (var p : figures) {
            if (code.equals(p.get("code").asString())) {
                return p.get("ytdCompleted").decimalValue();
            }
        }
        return java.math.BigDecimal.valueOf(-1);
    }

    private static ServiceProcess startRegistry(boolean relay) {
        try {
            return ServiceProcess.start(ROOT, Service.PROJECT_REGISTRY, Ports.free(), env(REGISTRY_DB, relay),
                    logs.resolve("registry-" + (++restarts) + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> env(String database, boolean relay) {
        Map<String, String> env = ServiceEnvironment.of(servers, database);
        env.put("KEYPROJECT_OUTBOX_ENABLED", Boolean.toString(relay));
        return env;
    }

    private static ApiClient registryApi() {
        return new ApiClient(registry.baseUrl());
    }

    private static Document statisticsUnit(String code) {
        return mongo.getDatabase(STATISTICS_DB).getCollection("units").find(new Document("_id", code)).first();
    }

    private static List<Document> pendingEvents(String code) {
        Document unit = mongo.getDatabase(REGISTRY_DB).getCollection("units").find(new Document("_id", code)).first();
        assertThat(unit).as("unit " + code + " in the registry").isNotNull();
        return unit.getList("outbox", Document.class);
    }

    /** All records for a key, once at least {@code atLeast} have arrived. */
    private static List<ConsumerRecord<String, byte[]>> recordsFor(String code, int atLeast) {
        try (TopicReader reader = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.REGISTRY_UNIT_EVENTS))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.poll().stream().filter(r -> code.equals(r.key())).count() >= atLeast);
            // A further poll of the same assignment picks up anything else already on the partition.
            return reader.poll().stream().filter(r -> code.equals(r.key())).toList();
        }
    }
}
