package gov.keyproject.reliability;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 9. 1,000 concurrent clients file reports for 60 s: no 5xx; each unit system's token (shared by 50 clients) is one
 * client to the per-client
 * rate limit (here 1/s, burst 2: a unit system files a few reports a month, and 2 cores
 * can then exceed it), and beyond it the answer is 429 with Retry-After;
 * every accepted report is reflected in the registry (one revision per accepted change) and in the figures.
 */
@org.junit.jupiter.api.Order(8) // the heavy ones last: the test store has no secondary indexes
class LoadTest {

    private static final int CLIENTS = 1_000;
    private static final Duration LOAD = Duration.ofSeconds(60);
    private final Cluster cluster = Cluster.get();

    @AfterEach
    void defaultLimitAgain() {
        cluster.restart(Service.PROJECT_REGISTRY, Map.of());
    }

    @Test
    void aThousandClientsForAMinuteGetNo5xxAndEveryAcceptedReportCounts() throws Exception {
        County county = new County("LOD", 20, 50, List.of(County.JUNE));
        county.register(cluster);
        cluster.restart(Service.PROJECT_REGISTRY, Map.of("KEYPROJECT_RATELIMIT_REQUESTSPERSECOND", "1",
                "KEYPROJECT_RATELIMIT_BURST", "2"));
        List<String> codes = new ArrayList<>(county.projects.keySet());
        Map<String, String> tokens = new ConcurrentHashMap<>();
        county.units.forEach(u -> tokens.put(u, cluster.token("system-" + u, u, Role.UNIT_SYSTEM)));
        // 50 clients share each of 20 unit systems' tokens: many more requests than one system may make.

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = cluster.service(Service.PROJECT_REGISTRY).baseUrl();
        Map<String, BigDecimal> lastAccepted = new ConcurrentHashMap<>();
        Map<String, Integer> acceptedPerProject = new ConcurrentHashMap<>();
        Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(CLIENTS);
        long deadline = System.nanoTime() + LOAD.toNanos();
        for (int i = 0; i < CLIENTS; i++) {
            String code = codes.get(i);
            String token = tokens.get(county.projects.get(code));
            Thread client = new Thread(null, () -> {
                try {
                    for (int n = 1; System.nanoTime() < deadline; n++) {
                        BigDecimal amount = BigDecimal.valueOf(10_000 + n, 2);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/" + code
                                        + "/reports/2026-06")).timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"investmentCompleted\":" + amount
                                        + ",\"workUnderWay\":true}")).build();
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        byStatus.computeIfAbsent(r.statusCode(), s -> new AtomicLong()).incrementAndGet();
                        if (r.statusCode() / 100 == 2) {
                            lastAccepted.put(code, amount);
                            acceptedPerProject.merge(code, 1, Integer::sum);
                        } else if (r.statusCode() == 429) {
                            String retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                            if (retryAfter == null || !r.headers().firstValue("Content-Type").orElse("")
                                    .startsWith("application/problem+json")) {
                                problems.add(code + ": 429 without Retry-After or problem+json");
                                return;
                            }
                            Thread.sleep(Long.parseLong(retryAfter) * 1000L); // the client does as the 429 says
                        } else {
                            problems.add(code + ": " + r.statusCode() + " " + r.body());
                            return;
                        }
                    }
                } catch (Exception e) {
                    problems.add(code + ": " + e);
                } finally {
                    done.countDown();
                }
            }, "client-" + i, 256 * 1024);
            client.start();
        }
        assertThat(done.await(LOAD.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();
        assertThat(problems).isEmpty();
        assertThat(byStatus.keySet()).allMatch(s -> s / 100 == 2 || s == 429);
        assertThat(byStatus.get(429)).as("the rate limit applied").isNotNull();
        long accepted = acceptedPerProject.values().stream().mapToLong(Integer::longValue).sum();

        // Every accepted report: in the figures with its last amount, and one registry revision per acceptance.
        long start = System.nanoTime();
        ApiClient statistics = cluster.api(Service.INVESTMENT_STATISTICS);
        cluster.awaitNoLag(Duration.ofMinutes(10));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> wrong = new ArrayList<>();
            for (JsonNode p : statistics.get("/api/v1/figures/projects?period=2026-06", cluster.operator()).json()) {
                String code = p.get("code").asString();
                // A client that never got a report accepted (all 429s) leaves its project at 0.
                BigDecimal expected = lastAccepted.getOrDefault(code, BigDecimal.ZERO);
                if (code.startsWith("LOD-") && (p.get("ytdCompleted").isNull()
                        || p.get("ytdCompleted").decimalValue().compareTo(expected) != 0)) {
                    wrong.add(code + " " + p.get("ytdCompleted") + " ≠ " + expected);
                }
            }
            assertThat(wrong).isEmpty();
        });
        String caughtUp = Results.seconds(start);
        List<String> revisions = java.util.Collections.synchronizedList(new ArrayList<>());
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        County.parallel(codes, code -> {
            int revision = registry.get("/api/v1/projects/" + code + "/reports", County.operatorFor(cluster, code))
                    .json().path("2026-06").path("revision").asInt();
            if (revision != acceptedPerProject.getOrDefault(code, 0)) {
                revisions.add(code + " revision " + revision + " ≠ accepted " + acceptedPerProject.get(code));
            }
        });
        assertThat(revisions).isEmpty();

        Results.record("9. Load", String.format("1,000 concurrent clients (50 per unit system token, 20 tokens) "
                + "filing for 60 s against a limit of 1/s (burst 2) per client: answers %s, no 5xx; every 429 was "
                + "problem+json with Retry-After; %,d accepted (%.0f/s), each one revision in the registry, all "
                + "1,000 projects' figures equal the last accepted amount %s after the load; lag 0",
                new java.util.TreeMap<>(byStatus), accepted, accepted / (double) LOAD.toSeconds(), caughtUp));
    }
}
