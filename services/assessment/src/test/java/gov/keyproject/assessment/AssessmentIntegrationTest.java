package gov.keyproject.assessment;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.SettableClock;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of the assessment service's integration tests: the application on a random port against the real broker and
 * the MongoDB-protocol server of this test JVM, with a clock the tests move. Inputs are published to the other
 * services' topics exactly as those services publish them. All test classes share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "keyproject.assessment.sweep-at-start=false")
@Import(AssessmentIntegrationTest.TestClock.class)
public abstract class AssessmentIntegrationTest {

    protected static final TestServers servers = TestServers.get();
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    protected static final SettableClock clock = new SettableClock(LocalDate.of(2026, 3, 10), ZONE);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers.springProperties("assessment-it").forEach((k, v) -> registry.add(k, () -> v));
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @Autowired
    private Environment environment;

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + environment.getProperty("local.server.port"));
    }

    protected static String operator() {
        return servers.token("operator-li", null, Role.OPERATOR);
    }

    protected static String unitSystem(String unit) {
        return servers.token("system-" + unit, unit, Role.UNIT_SYSTEM);
    }

    protected static String viewer() {
        return servers.token("viewer-zhao", null, Role.VIEWER);
    }

    /** Publishes events as their producer would: each to its catalogued topic, keyed by aggregate id. */
    protected static void publish(String source, List<Map.Entry<DomainEvent, Long>> events) {
        Map<String, List<Map.Entry<String, byte[]>>> byTopic = new java.util.LinkedHashMap<>();
        for (Map.Entry<DomainEvent, Long> e : events) {
            EventEnvelope envelope = EventCodec.wrap(e.getKey(), source, e.getValue(), Instant.now(), null,
                    Instant.now());
            byTopic.computeIfAbsent(e.getKey().eventType().topic(), t -> new ArrayList<>())
                    .add(Map.entry(e.getKey().aggregateId(), EventCodec.encode(envelope)));
        }
        byTopic.forEach((topic, records) -> TopicReader.send(servers.kafkaBootstrap(), topic, records));
    }

    protected static void publish(String source, DomainEvent event, long sequence) {
        publish(source, List.of(Map.entry(event, sequence)));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
