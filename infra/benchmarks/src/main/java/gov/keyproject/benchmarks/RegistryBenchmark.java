package gov.keyproject.benchmarks;

import gov.keyproject.contracts.Topics;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.security.Role;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * project-registry under load, on the real broker and store, the service in its own process:
 * (1) single-report PUT latency at a fixed arrival rate (open loop: latency counts from the scheduled send time);
 * (2) batch-endpoint throughput, in reports accepted per second and reports stored with their events published
 * per second. Run: {@code infra/benchmarks/run.sh registry}. Figures go to infra/benchmarks/target/results/.
 */
public final class RegistryBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int UNITS = Integer.getInteger("units", 20);
    private static final int PROJECTS_PER_UNIT = Integer.getInteger("projectsPerUnit", 500);
    private static final int RATE = Integer.getInteger("rate", 200);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    private static final int BATCH = Integer.getInteger("batch", 1000);

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Figures figures = new Figures("project-registry benchmark");
        TestServers servers = TestServers.get();
        Path logs = Files.createTempDirectory("registry-bench-");
        // The store gets its own JVM: sharing one with the load generator, its GC pauses stalled every command.
        int mongoPort = Ports.free();
        Process mongo = gov.keyproject.devstack.MongoWireServer.startProcess("memory", mongoPort, "3g",
                logs.resolve("mongo.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::destroyForcibly));
        Map<String, String> spring = servers.springProperties("bench-registry");
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap());
        // Throughput is the point here, not the per-client limit (it is tested in the reliability suite).
        env.put("KEYPROJECT_RATELIMIT_ENABLED", "false");
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("MONGODB_DATABASE", "bench-registry-" + System.nanoTime());
        env.put("JWT_PUBLIC_KEY_LOCATION", spring.get("spring.security.oauth2.resourceserver.jwt.public-key-location"));
        env.put("SERVICE_JAVA_OPTS", "-Xmx1g -XX:+UseParallelGC");
        ServiceProcess registry = ServiceProcess.start(root, ServiceProcess.Service.PROJECT_REGISTRY, Ports.free(), env,
                logs.resolve("registry.log")).awaitReady(Duration.ofSeconds(120));
        try {
            run(servers, registry, figures);
        } finally {
            registry.stop();
        }
        figures.note("Everything co-located on one 2-core machine: Kafka broker, MongoDB-protocol server (in memory), "
                + "the registry and the load generator, each its own JVM.");
        figures.write(root.resolve("infra/benchmarks/target/results"), "registry");
        System.exit(0);
    }

    static void run(TestServers servers, ServiceProcess registry, Figures figures) throws Exception {
        String operator = servers.token("bench-operator", null, Role.OPERATOR);
        ApiClient api = new ApiClient(registry.baseUrl());
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String period = YearMonth.from(today).toString();

        // Tokens are minted once per unit: signing is the client's cost, not the service's.
        Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        // Seed units and projects through the API, 32 requests in flight.
        List<String> units = new ArrayList<>();
        Map<String, List<String>> projectsByUnit = new HashMap<>();
        for (int u = 0; u < UNITS; u++) {
            String unit = "BU-" + u;
            units.add(unit);
            api.post("/api/v1/units", operator, Map.of("code", unit, "name", "基准单位" + u, "kind", "TOWNSHIP"));
        }
        long seedStart = System.nanoTime();
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> seeds = new ArrayList<>();
        for (String unit : units) {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < PROJECTS_PER_UNIT; i++) {
                String code = "B-" + unit.substring(3) + "-" + i;
                codes.add(code);
                Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "基准项目" + code,
                        "category", "INDUSTRIAL", "level", "COUNTY", "constructionType", "NEW",
                        "totalInvestment", 10000, "plannedInvestment", Map.of(Integer.toString(today.getYear()), 5000),
                        "unitCode", unit, "phase", "READY"));
                inFlight.acquire();
                seeds.add(send(http, registry, "POST", "/api/v1/projects", operator, body)
                        .whenComplete((r, e) -> inFlight.release()));
            }
            projectsByUnit.put(unit, codes);
        }
        CompletableFuture.allOf(seeds.toArray(CompletableFuture[]::new)).join();
        long seeded = seeds.stream().filter(f -> f.join().statusCode() == 201).count();
        figures.put("projects registered (seed)", seeded);
        figures.put("seed registrations/s (32 in flight)", round(seeded / seconds(seedStart)));

        try (TopicReader topic = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.REGISTRY_PROJECT_EVENTS))) {
            // (1) Fixed-rate single reports.
            int total = RATE * SECONDS;
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
            AtomicInteger failures = new AtomicInteger();
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            List<CompletableFuture<?>> sent = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / RATE;
            for (int i = 0; i < total; i++) {
                int n = i;
                long due = start + n * intervalNanos;
                clock.schedule(() -> {
                    String unit = units.get(n % units.size());
                    String code = projectsByUnit.get(unit).get((n / units.size()) % PROJECTS_PER_UNIT);
                    String token = tokens.computeIfAbsent(unit, u -> servers.token("bench-" + u, u, Role.UNIT_SYSTEM));
                    sent.add(send(http, registry, "PUT", "/api/v1/projects/" + code + "/reports/" + period, token,
                            Map.of("investmentCompleted", 100 + n, "workUnderWay", true, "imageProgressPercent", 30))
                            .whenComplete((r, e) -> {
                                latencies.add(System.nanoTime() - due);
                                if (e != null || r.statusCode() >= 300) {
                                    failures.incrementAndGet();
                                }
                            }));
                }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
            clock.shutdown();
            clock.awaitTermination(SECONDS + 60L, TimeUnit.SECONDS);
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            long[] sorted = Figures.sorted(latencies);
            figures.put("single PUT: rate (reports/s) x seconds", RATE + " x " + SECONDS);
            figures.put("single PUT: latency p50 (ms)", round(Figures.percentile(sorted, 50)));
            figures.put("single PUT: latency p95 (ms)", round(Figures.percentile(sorted, 95)));
            figures.put("single PUT: latency p99 (ms)", round(Figures.percentile(sorted, 99)));
            figures.put("single PUT: latency max (ms)", round(sorted[sorted.length - 1] / 1e6));
            figures.put("single PUT: non-2xx answers", failures.get());
            long expectedEvents = countReported(topic) + 0;

            // (2) Batch endpoint: every project of every unit, BATCH reports per call, 4 calls in flight; two passes.
            for (int pass = 1; pass <= 2; pass++) {
                long before = countReported(topic);
                int amount = 1000 * pass;
                long t0 = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> batches = new ArrayList<>();
                Semaphore calls = new Semaphore(4);
                int reports = 0;
                for (String unit : units) {
                    List<String> codes = projectsByUnit.get(unit);
                    String token = tokens.computeIfAbsent(unit, u -> servers.token("bench-" + u, u, Role.UNIT_SYSTEM));
                    for (int from = 0; from < codes.size(); from += BATCH) {
                        List<Map<String, Object>> items = new ArrayList<>();
                        for (String code : codes.subList(from, Math.min(codes.size(), from + BATCH))) {
                            items.add(Map.of("projectCode", code, "period", period, "investmentCompleted", amount,
                                    "workUnderWay", true, "imageProgressPercent", 40));
                        }
                        reports += items.size();
                        calls.acquire();
                        batches.add(send(http, registry, "POST", "/api/v1/reports/batch", token,
                                Map.of("reports", items)).whenComplete((r, e) -> calls.release()));
                    }
                }
                CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
                double accepted = seconds(t0);
                long acceptedCount = batches.stream().mapToLong(f -> count(f.join().body(), "\"status\":\"CORRECTED\"")
                        + count(f.join().body(), "\"status\":\"FILED\"")).sum();
                long target = before + acceptedCount;
                while (countReported(topic) < target && seconds(t0) < 300) {
                    Thread.onSpinWait();
                }
                double published = seconds(t0);
                figures.put("batch pass " + pass + ": reports sent / accepted", reports + " / " + acceptedCount);
                figures.put("batch pass " + pass + ": accepted reports/s (answers back)", round(acceptedCount / accepted));
                figures.put("batch pass " + pass + ": reports/s with events published", round(acceptedCount / published));
            }
            figures.put("events on registry.project-events.v1 (ProgressReported)", countReported(topic));
            figures.note("single-PUT phase events observed before the batch phase: " + expectedEvents);
        }
    }

    private static long reportedSeen;
    private static int recordsCounted;

    /** Counts ProgressReported records, looking only at records not counted before (the reader keeps them all). */
    private static long countReported(TopicReader topic) {
        var all = topic.poll();
        for (int i = recordsCounted; i < all.size(); i++) {
            if (new String(all.get(i).value(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"type\":\"gov.keyproject.registry.ProgressReported.v1\"")) {
                reportedSeen++;
            }
        }
        recordsCounted = all.size();
        return reportedSeen;
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, ServiceProcess registry, String method,
                                                               String path, String token, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .timeout(Duration.ofSeconds(120)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String body, String needle) {
        long n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
