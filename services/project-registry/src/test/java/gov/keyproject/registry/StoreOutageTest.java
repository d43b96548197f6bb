package gov.keyproject.registry;

import com.mongodb.ConnectionString;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.consumer.EventMessages;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static gov.keyproject.registry.RateLimitTest.metric;
import static gov.keyproject.registry.RegistryIntegrationTest.today;
import static gov.keyproject.registry.RegistryIntegrationTest.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A frozen store (TCP connection open, no bytes flowing), made with a proxy between the application and the test
 * store. The HTTP API answers 503 problem+json within the driver's timeouts, the {@code store} circuit breaker opens
 * and then answers at once, and after the thaw it half-opens and closes again. An event consumed during the freeze
 * waits the outage out and is applied after the thaw instead of going to the dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Its own group, so this context gets every deal event without taking partitions from the shared context.
        "spring.cloud.stream.bindings.dealEvents-in-0.group=project-registry-store-outage-test"})
@DirtiesContext
class StoreOutageTest {

    private static final TestServers servers = TestServers.get();
    private static final FreezableTcpProxy proxy = proxyToTestStore();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers.springProperties("registry-store-outage").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + proxy.port() + "/?directConnection=true");
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private final String operator = servers.token("outage-operator", null, Role.OPERATOR);

    private static FreezableTcpProxy proxyToTestStore() {
        String host = new ConnectionString(servers.mongoUri()).getHosts().get(0);
        int colon = host.lastIndexOf(':');
        return colon < 0 ? FreezableTcpProxy.to(host, 27017)
                : FreezableTcpProxy.to(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
    }

    @BeforeEach
    void storeAnswers() {
        api = new ApiClient("http://127.0.0.1:" + port);
        proxy.thaw();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/units", operator).status() == 200
                && breakerState() == 0);
    }

    @AfterEach
    void thaw() {
        proxy.thaw();
    }

    @Test
    void aFrozenStoreOpensTheBreakerAndAThawedOneClosesIt() {
        String unit = uniqueCode("ZO");
        assertThat(createUnit(unit).status()).isEqualTo(201);
        double opened = transitions("OPEN");
        double halfOpened = transitions("HALF_OPEN");
        double closed = transitions("CLOSED");

        proxy.freeze();
        // Each call waits out the driver's timeouts and fails with 503; after a few the breaker opens.
        List<ApiClient.Response> failures = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            failures.add(api.get("/api/v1/units/" + unit, operator));
            return breakerState() == 1;
        });
        assertThat(failures).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("title").asString()).isEqualTo("服务暂不可用");
        });
        assertThat(transitions("OPEN")).isGreaterThan(opened);

        // Open: answered at once, without waiting for the store, with the time until the breaker tries again.
        long start = System.nanoTime();
        ApiClient.Response open = api.get("/api/v1/units/" + unit, operator);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.contentType()).startsWith("application/problem+json");
        assertThat(open.json().get("title").asString()).isEqualTo("服务暂不可用");
        assertThat(open.json().get("detail").asString()).contains("数据存储暂不可用").contains("熔断");
        assertThat(Long.parseLong(open.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);
        assertThat(millis).as("answered without the store's timeouts").isLessThan(1_500);

        proxy.thaw();
        // After the wait in the open state the breaker half-opens, the trial calls succeed, and it closes.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/units/" + unit, operator).status() == 200
                && breakerState() == 0);
        assertThat(transitions("HALF_OPEN")).isGreaterThan(halfOpened);
        assertThat(transitions("CLOSED")).isGreaterThan(closed);
        assertThat(api.get("/api/v1/units/" + unit, operator).json().get("code").asString()).isEqualTo(unit);
    }

    @Test
    void anEventConsumedWhileTheStoreIsFrozenIsAppliedAfterTheThawAndNotDeadLettered() {
        String unit = uniqueCode("ZO");
        assertThat(createUnit(unit).status()).isEqualTo(201);
        // The consumer has caught up with the topic when a marker deal of this test has become a project.
        String marker = uniqueCode("D");
        TopicReader.send(servers.kafkaBootstrap(), Topics.PROMOTION_DEAL_EVENTS,
                List.of(Map.entry(marker, landed(marker, unit))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/projects/ZS-" + marker, operator).status() == 200);

        String dealId = uniqueCode("D");
        long retriesBefore = EventMessages.storeRetries();
        proxy.freeze();
        try {
            TopicReader.send(servers.kafkaBootstrap(), Topics.PROMOTION_DEAL_EVENTS,
                    List.of(Map.entry(dealId, landed(dealId, unit))));
            // More tries than the binder's 3 attempts would make before dead-lettering: the consumer waits.
            await().atMost(Duration.ofSeconds(90)).until(() -> EventMessages.storeRetries() - retriesBefore >= 4);
        } finally {
            proxy.thaw();
        }
        await().atMost(Duration.ofSeconds(90))
                .until(() -> api.get("/api/v1/projects/ZS-" + dealId, operator).status() == 200);
        assertThat(api.get("/api/v1/projects/ZS-" + dealId, operator).json().get("dealId").asString())
                .isEqualTo(dealId);

        // Nothing of this deal on the dead-letter topic: read it up to a marker written after the event was applied.
        String dlq = Topics.deadLetter(Topics.PROMOTION_DEAL_EVENTS, "project-registry");
        String end = "end-" + UUID.randomUUID();
        TopicReader.send(servers.kafkaBootstrap(), dlq, List.of(Map.entry(end, new byte[0])));
        try (TopicReader dead = new TopicReader(servers.kafkaBootstrap(), List.of(dlq))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> dead.poll().stream().anyMatch(r -> end.equals(r.key())));
            assertThat(dead.poll()).noneMatch(r -> dealId.equals(r.key()));
        }
    }

    private ApiClient.Response createUnit(String code) {
        return api.post("/api/v1/units", operator, Map.of("code", code, "name", "单位" + code, "kind", "DEVELOPMENT_ZONE"));
    }

    private double breakerState() {
        return metric(api.get("/actuator/prometheus", null).body(), "keyproject_store_breaker_state");
    }

    private double transitions(String to) {
        String prometheus = api.get("/actuator/prometheus", null).body();
        return prometheus.lines().filter(l -> l.startsWith("keyproject_store_breaker_transitions_total{")
                        && l.contains("to=\"" + to + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no transitions to " + to));
    }

    private static byte[] landed(String dealId, String unit) {
        return EventCodec.encode(EventCodec.wrap(new DealLanded(dealId, null, "智能装备制造基地", "某某智能科技有限公司",
                "高端装备", ProjectCategory.INDUSTRIAL, unit, new BigDecimal("30000"), today(), today().plusMonths(2),
                null), "/keyproject/investment-promotion", 3, Instant.now(), null, null));
    }
}
