package gov.keyproject.console;

import com.sun.net.httpserver.HttpServer;
import gov.keyproject.console.deadletter.DeadLetters;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.KafkaBroker;
import gov.keyproject.devstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console on the real broker: the live stream (JSON and Server-Sent Events, filtered), dead letters seen and
 * sent back exactly once, and the gateway's guard: a service that is down is a 503 naming it, its breaker opens,
 * and a write that is not an operator command never leaves the console. The "service" that answers is a plain
 * HTTP server standing in for assessment: the console only passes its answers on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleTest {

    private static final KafkaBroker broker = startBroker();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final int DOWN_PORT = Ports.free();
    private static HttpServer assessment;
    private static final List<String> assessmentCalls = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        assessment = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        assessment.createContext("/", exchange -> {
            assessmentCalls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"period\":\"2026-10\",\"units\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        assessment.start();
        registry.add("keyproject.console.bootstrap", broker::bootstrapServers);
        registry.add("keyproject.console.token", () -> "console-token");
        registry.add("keyproject.console.services.assessment",
                () -> "http://127.0.0.1:" + assessment.getAddress().getPort());
        registry.add("keyproject.console.services.statistics", () -> "http://127.0.0.1:" + DOWN_PORT);
    }

    @AfterAll
    static void stopStubAndBroker() {
        assessment.stop(0);
        broker.stop();
    }

    private static KafkaBroker startBroker() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keyproject-console-kafka-");
            return KafkaBroker.start(dir, Ports.free(), Ports.free(), dir.resolve("kafka.log"), Duration.ofSeconds(120));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    private Environment environment;

    private String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private ApiClient console() {
        return new ApiClient(baseUrl());
    }

    @Test
    void eventsShowInTheRecentListAndReachAWatchingBrowserFilteredByUnit() throws Exception {
        String unit = "TS-" + RUN;
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<InputStream> open = new AtomicReference<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> sse = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/console/api/stream?unit=" + unit)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.statusCode()).isEqualTo(200);
        open.set(sse.body());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    received.add(line);
                }
            } catch (IOException e) {
                received.add("closed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(l -> l.startsWith("event:ready")
                || l.equals("event: ready") || l.startsWith("event:") && l.contains("ready")));

        publish(Topics.REGISTRY_UNIT_EVENTS, new UnitRegistered("OTHER-" + RUN, "别的镇", UnitKind.TOWNSHIP));
        publish(Topics.REGISTRY_UNIT_EVENTS, new UnitRegistered(unit, "城关镇", UnitKind.TOWNSHIP));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("\"unit\":\"" + unit + "\"")));
        assertThat(received.stream().filter(l -> l.startsWith("data:") && l.contains("UnitRegistered")))
                .allMatch(l -> l.contains(unit)).noneMatch(l -> l.contains("OTHER-" + RUN));

        JsonNode recent = console().get("/console/api/events?type=UnitRegistered&unit=" + unit, null).json();
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).path("topic").asString()).isEqualTo(Topics.REGISTRY_UNIT_EVENTS);
        assertThat(recent.get(0).path("summary").asString()).contains("城关镇");
        open.get().close();
    }

    @Test
    void aDeadLetterIsShownWithItsCauseAndSentBackToItsTopicOnlyOnce() {
        String key = "P-" + RUN;
        String dlq = Topics.deadLetter(Topics.REGISTRY_PROJECT_EVENTS, "assessment");
        byte[] value = ("{\"broken\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(dlq, key, value);
            record.headers().add("kafka_dlt-original-topic",
                    Topics.REGISTRY_PROJECT_EVENTS.getBytes(StandardCharsets.UTF_8));
            record.headers().add("kafka_dlt-exception-message", "无法解析的事件".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : console().get("/console/api/dead-letters", null).json()) {
                if (key.equals(d.path("key").asString())) {
                    id.set(d.path("id").asString());
                    return true;
                }
            }
            return false;
        });
        JsonNode letter = console().get("/console/api/dead-letters/" + id.get(), null).json();
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.REGISTRY_PROJECT_EVENTS);
        assertThat(letter.path("group").asString()).isEqualTo("assessment");
        assertThat(letter.path("exceptionMessage").asString()).isEqualTo("无法解析的事件");
        assertThat(letter.path("resentAt").isNull()).isTrue();

        try (TopicReader original = new TopicReader(broker.bootstrapServers(), List.of(Topics.REGISTRY_PROJECT_EVENTS));
             TopicReader markers = new TopicReader(broker.bootstrapServers(), List.of(DeadLetters.RESENDS))) {
            ApiClient.Response sent = console().post("/console/api/dead-letters/" + id.get() + "/resend", null, null);
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.json().path("resentAt").isNull()).isFalse();
            ApiClient.Response again = console().post("/console/api/dead-letters/" + id.get() + "/resend", null, null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.contentType()).isEqualTo("application/problem+json");

            await().atMost(Duration.ofSeconds(30)).until(() -> original.poll().stream()
                    .anyMatch(r -> key.equals(r.key())));
            await().atMost(Duration.ofSeconds(30)).until(() -> markers.poll().stream()
                    .anyMatch(r -> id.get().equals(r.key())));
            List<ConsumerRecord<String, byte[]>> back = original.poll().stream().filter(r -> key.equals(r.key()))
                    .toList();
            assertThat(back).hasSize(1);
            assertThat(back.get(0).value()).isEqualTo(value);
            assertThat(new String(back.get(0).headers().lastHeader(DeadLetters.RESENT_FROM).value(),
                    StandardCharsets.UTF_8)).isEqualTo(id.get());
            assertThat(markers.poll().stream().filter(r -> id.get().equals(r.key()))).hasSize(1);
        }
        assertThat(console().post("/console/api/dead-letters/nope:0:1/resend", null, null).status()).isEqualTo(404);
    }

    @Test
    void aServiceThatIsDownIsA503NamingItAndItsBreakerOpens() {
        ApiClient.Response down = console().get("/console/api/statistics/api/v1/figures?dimension=UNIT", null);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.contentType()).isEqualTo("application/problem+json");
        assertThat(down.json().path("title").asString()).isEqualTo("投资统计服务暂不可用");
        assertThat(down.json().path("service").asString()).isEqualTo("statistics");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            console().get("/console/api/statistics/api/v1/figures", null);
            return "OPEN".equals(console().get("/console/api/services", null).json().path("statistics").asString());
        });
        // Another service's panel is not affected.
        ApiClient.Response ranking = console().get("/console/api/assessment/api/v1/rankings/TOWNSHIP", null);
        assertThat(ranking.status()).isEqualTo(200);
        assertThat(ranking.json().path("period").asString()).isEqualTo("2026-10");
        assertThat(assessmentCalls).anyMatch(c -> c.equals("GET /api/v1/rankings/TOWNSHIP Bearer console-token"));
    }

    @Test
    void onlyConfiguredOperatorCommandsPassAndOnlyToKnownServices() {
        int before = assessmentCalls.size();
        ApiClient.Response refused = console().post("/console/api/assessment/api/v1/notices/N-1/acknowledge", null,
                Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("title").asString()).isEqualTo("控制台不允许此操作");
        assertThat(console().get("/console/api/mail/api/v1/anything", null).status()).isEqualTo(404);
        assertThat(assessmentCalls).hasSize(before);

        ApiClient.Response close = console().post("/console/api/assessment/api/v1/notices/N-1/close", null, Map.of());
        assertThat(close.status()).isEqualTo(200);
        assertThat(assessmentCalls.subList(before, assessmentCalls.size()))
                .containsExactly("POST /api/v1/notices/N-1/close Bearer console-token");
    }

    private static void publish(String topic, gov.keyproject.contracts.DomainEvent event) {
        EventEnvelope envelope = EventCodec.wrap(event, "/keyproject/project-registry", 1, Instant.now(), null, null);
        TopicReader.send(broker.bootstrapServers(), topic, List.of(Map.entry(envelope.key(),
                EventCodec.encode(envelope))));
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
