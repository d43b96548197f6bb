package gov.keyproject.benchmarks;

import com.sun.net.httpserver.HttpServer;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ProgressReported;
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
import org.apache.kafka.clients.admin.NewTopic;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The whole pipeline on this machine, in one run (issue 9): the local stack's start-up and memory; the raw broker
 * (Kafka's own performance tools) and a pass-through pipeline with the same hops and message sizes doing no work;
 * a province-sized burst of reports through the registry's batch endpoint until statistics and assessment have
 * applied them all; report → ranking latency at fixed rates; a replay of every topic into fresh statistics and
 * assessment instances beside the raw consume rate of the same topics; and a statistics file of 100,000 rows.
 * Run: {@code infra/benchmarks/run.sh pipeline}; figures go to infra/benchmarks/target/results/pipeline.{md,json}.
 */
public final class PipelineBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PROJECTS = Integer.getInteger("projects", 20_000);
    private static final int UNITS = Integer.getInteger("units", 40);
    private static final int BATCH = Integer.getInteger("batch", 1_000);
    private static final int LATENCY_SECONDS = Integer.getInteger("latencySeconds", 60);
    /** Workloads left out of a shorter run (-Dskip=replay,feed). */
    private static final Set<String> SKIP = Set.of(System.getProperty("skip", "").split(","));
    /** Fixed report rates of the latency workload (-Drates=50,200,1000). */
    private static final List<Integer> RATES = java.util.Arrays.stream(System.getProperty("rates", "200,1000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final int RAW_RECORDS = Integer.getInteger("rawRecords", 200_000);
    private static final int WAIT_SECONDS = Integer.getInteger("waitSeconds", 1_800);
    /** A replay slower than this is measured over this long (events applied by then), not to the end. */
    private static final int REPLAY_SECONDS = Integer.getInteger("replaySeconds", 300);
    private static final String REGISTRY_DAY = "2026-06-30";
    private static final String TODAY = "2026-07-01";
    private static final YearMonth PERIOD = YearMonth.of(2026, 6);
    /** The live consumer groups the pipeline waits on, with the topics each consumes. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "investment-statistics", List.of(Topics.REGISTRY_UNIT_EVENTS, Topics.REGISTRY_PROJECT_EVENTS,
                    Topics.STATISTICS_FEED),
            "assessment", List.of(Topics.REGISTRY_UNIT_EVENTS, Topics.REGISTRY_PROJECT_EVENTS,
                    Topics.STATISTICS_ENTRY_EVENTS, Topics.PROMOTION_DEAL_EVENTS, Topics.STATISTICS_PERIOD_EVENTS));

    private final Path root = Path.of("").toAbsolutePath();
    private final Figures figures = new Figures("pipeline benchmark: the whole system against the machine's limit");
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    private Path dir;
    private KafkaBroker broker;
    private Process mongo;
    private int mongoPort;
    private DevTokens tokens;
    private String operator;
    private final Map<String, String> unitTokens = new HashMap<>();

    public static void main(String[] args) throws Exception {
        PipelineBenchmark bench = new PipelineBenchmark();
        try {
            bench.run();
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        dir = Files.createTempDirectory("pipeline-bench-");
        startStack();
        byte[] reportEvent = EventCodec.encode(EventCodec.wrap(report("PB-U0-P0", "PB-U0", new BigDecimal("1234.56")),
                "/keyproject/project-registry", 2, Instant.now(), null, Instant.now()));
        figures.put("report event size (bytes)", reportEvent.length);

        double raw = rawBroker(reportEvent.length);
        double passThrough = passThrough(reportEvent.length);
        seed();
        double burst = burst();
        figures.put("burst / pass-through", ratio(burst / passThrough));
        figures.put("burst / raw produce", ratio(burst / raw));
        for (int rate : RATES) {
            latency(rate);
        }
        if (!SKIP.contains("replay")) {
            replay();
        }
        if (!SKIP.contains("feed")) {
            feed();
        }
        figures.note("Everything co-located on one machine: the Kafka broker, the MongoDB-protocol server (in memory), "
                + "four services, the load generator and the pass-through pipeline, each service its own JVM with the "
                + "local stack's default heap. Rate limits are off (they are tested in the reliability suite).");
        figures.put("consumer threads per binding", System.getProperty("concurrency", "1 (default)"));
        figures.note(PROJECTS + " projects in " + UNITS + " township units; the registry runs on " + REGISTRY_DAY
                + ", the others on " + TODAY + " (June is the assessment period).");
        figures.write(root.resolve("infra/benchmarks/target/results"), "pipeline");
    }

    // ---- the stack ---------------------------------------------------------------------------------------------

    private void startStack() throws Exception {
        long t0 = System.nanoTime();
        mongoPort = Ports.free();
        mongo = MongoWireServer.startProcess("memory", mongoPort, "3g", dir.resolve("mongo.log"));
        broker = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free(), dir.resolve("kafka.log"),
                Duration.ofSeconds(120));
        tokens = DevTokens.inDirectory(dir.resolve("keys"));
        operator = tokens.mint("bench-operator", null, List.of(Role.OPERATOR), Duration.ofDays(1));
        for (Service s : List.of(Service.PROJECT_REGISTRY, Service.INVESTMENT_STATISTICS,
                Service.INVESTMENT_PROMOTION, Service.ASSESSMENT)) {
            services.put(s, ServiceProcess.start(root, s, Ports.free(), env(s, Map.of()),
                    dir.resolve(s.id + ".log")));
        }
        for (ServiceProcess s : services.values()) {
            s.awaitReady(Duration.ofSeconds(180));
        }
        figures.put("stack ready: broker, store and four services (s)", round(seconds(t0)));
        long rss = rssKiB(broker.process().pid()) + rssKiB(mongo.pid());
        for (ServiceProcess s : services.values()) {
            rss += rssKiB(s.process().pid());
        }
        figures.put("stack resident after start-up (MiB)", rss / 1024);
    }

    private Map<String, String> env(Service service, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("JWT_PUBLIC_KEY_LOCATION", DevTokens.publicKey(dir.resolve("keys")).toUri().toString());
        env.put("KEYPROJECT_RATELIMIT_ENABLED", "false");
        env.put("KEYPROJECT_TODAY", service == Service.PROJECT_REGISTRY ? REGISTRY_DAY : TODAY);
        if (System.getProperty("concurrency") != null) {
            env.put("KAFKA_CONSUMER_CONCURRENCY", System.getProperty("concurrency")); // consumer threads per binding
        }
        env.putAll(extra);
        return env;
    }

    private void stop() {
        services.values().parallelStream().forEach(ServiceProcess::stop);
        if (broker != null) {
            broker.kill();
        }
        if (mongo != null) {
            mongo.destroyForcibly();
        }
    }

    // ---- the limit: raw broker and pass-through ----------------------------------------------------------------

    /** Kafka's ProducerPerformance and ConsumerPerformance on a topic shaped like the registry's; returns records/s. */
    private double rawBroker(int recordSize) throws Exception {
        String topic = "bench.raw";
        createTopic(topic);
        String produced = captured(() -> org.apache.kafka.tools.ProducerPerformance.main(new String[]{
                "--topic", topic, "--num-records", Integer.toString(RAW_RECORDS), "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + broker.bootstrapServers(), "acks=all", "linger.ms=5"}));
        String last = lastLine(produced, "records sent");
        double produceRate = Double.parseDouble(last.replaceAll("^.*records sent, ([0-9.]+) records/sec.*$", "$1"));
        figures.put("raw broker produce, acks=all (records/s)", Math.round(produceRate));
        String consumed = captured(() -> org.apache.kafka.tools.ConsumerPerformance.main(new String[]{
                "--bootstrap-server", broker.bootstrapServers(), "--topic", topic, "--messages",
                Integer.toString(RAW_RECORDS), "--timeout", "60000"}));
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String[] row = lastLine(consumed, "-").split(",\\s*");
        double consumeRate = Double.parseDouble(row[5]);
        figures.put("raw broker consume (records/s)", Math.round(consumeRate));
        return produceRate;
    }

    /**
     * The same hops with no work: an HTTP endpoint that takes the same batch requests and sends one record per report
     * (the registry's hop), and two consumer groups that each send one record per record they read (statistics'
     * and assessment's hops), all with the report event's size. Returns reports/s end to end.
     */
    private double passThrough(int recordSize) throws Exception {
        List<String> topics = List.of("bench.pass.reports", "bench.pass.figures", "bench.pass.rankings");
        for (String t : topics) {
            createTopic(t);
        }
        byte[] payload = new byte[recordSize];
        java.util.Arrays.fill(payload, (byte) 'x');
        KafkaProducer<String, byte[]> producer = producer();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/batch", exchange -> {
            JsonNode items = JSON.readTree(exchange.getRequestBody().readAllBytes()).get("reports");
            List<Future<?>> sent = new ArrayList<>();
            for (JsonNode item : items) {
                sent.add(producer.send(new ProducerRecord<>(topics.get(0), item.get("projectCode").asString(),
                        payload)));
            }
            try {
                for (Future<?> f : sent) {
                    f.get();
                }
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
            byte[] answer = ("{\"accepted\":" + sent.size() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        AtomicLong statistics = new AtomicLong();
        AtomicLong assessment = new AtomicLong();
        List<Thread> hops = List.of(hop("bench-pass-statistics", topics.get(0), topics.get(1), payload, statistics),
                hop("bench-pass-assessment", topics.get(0), topics.get(2), payload, assessment));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            awaitSeconds(60, () -> hopsReady.get() >= 2);
            long t0 = System.nanoTime();
            int sent = sendBatches(base + "/batch", null, 1);
            awaitSeconds(WAIT_SECONDS, () -> statistics.get() >= sent && assessment.get() >= sent);
            double rate = sent / seconds(t0);
            figures.put("pass-through: " + sent + " reports, HTTP → broker → 2 consumer hops (reports/s)",
                    Math.round(rate));
            return rate;
        } finally {
            hopsStop = true;
            for (Thread t : hops) {
                t.join(10_000);
            }
            server.stop(0);
            producer.close();
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger hopsReady = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean hopsStop;

    private Thread hop(String group, String from, String to, byte[] payload, AtomicLong count) {
        Thread t = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer(group);
                 KafkaProducer<String, byte[]> producer = producer()) {
                consumer.subscribe(List.of(from), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                    public void onPartitionsRevoked(java.util.Collection<TopicPartition> p) {
                    }

                    public void onPartitionsAssigned(java.util.Collection<TopicPartition> p) {
                        if (!p.isEmpty()) {
                            hopsReady.incrementAndGet();
                        }
                    }
                });
                while (!hopsStop) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    List<Future<?>> sent = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : records) {
                        sent.add(producer.send(new ProducerRecord<>(to, r.key(), payload)));
                    }
                    for (Future<?> f : sent) {
                        f.get();
                    }
                    consumer.commitSync();
                    count.addAndGet(records.count());
                }
            } catch (Exception e) {
                count.set(Long.MIN_VALUE);
                e.printStackTrace();
            }
        }, group);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---- the real pipeline --------------------------------------------------------------------------------------

    /** Units and projects through the registry's API, then waits until statistics and assessment know them all. */
    private void seed() throws Exception {
        ApiClient registry = new ApiClient(services.get(Service.PROJECT_REGISTRY).baseUrl());
        long t0 = System.nanoTime();
        for (int u = 0; u < UNITS; u++) {
            var r = registry.post("/api/v1/units", operator, Map.of("code", unit(u), "name", "基准乡镇" + u,
                    "kind", "TOWNSHIP"));
            check(r.status() == 201 || r.status() == 409, "unit: " + r.status() + " " + r.body());
        }
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("code", project(i), "name", "基准项目" + i,
                    "category", "INDUSTRIAL", "level", "COUNTY", "constructionType", "CONTINUED",
                    "totalInvestment", 10000, "plannedInvestment", Map.of("2026", 1200),
                    "plannedStart", "2026-03-01", "plannedCompletion", "2027-12-31"));
            body.putAll(Map.of("unitCode", unit(i % UNITS), "township", "镇" + (i % UNITS), "phase", "READY"));
            inFlight.acquire();
            sent.add(send("POST", services.get(Service.PROJECT_REGISTRY).baseUrl() + "/api/v1/projects", operator,
                    body).whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long created = sent.stream().filter(f -> f.join().statusCode() == 201).count();
        check(created == PROJECTS, "registered " + created + " of " + PROJECTS + ": "
                + sent.get(0).join().statusCode() + " " + sent.get(0).join().body());
        figures.put("seed: projects registered through the API (registrations/s, 16 in flight)",
                Math.round(created / seconds(t0)));
        awaitNoLag(WAIT_SECONDS);
        figures.put("seed: registrations applied by statistics and assessment (s from the first)",
                round(seconds(t0)));
    }

    /** Every project files June through the batch endpoint; done when both consumers have applied all of them. */
    private double burst() throws Exception {
        String base = services.get(Service.PROJECT_REGISTRY).baseUrl();
        long rankingsBefore = endOffset(Topics.ASSESSMENT_RANKING_EVENTS);
        Map<Service, Map<String, Double>> metricsBefore = new EnumMap<>(Service.class);
        for (Service s : List.of(Service.INVESTMENT_STATISTICS, Service.ASSESSMENT)) {
            metricsBefore.put(s, prometheus(s));
        }
        long t0 = System.nanoTime();
        int sent = sendBatches(base + "/api/v1/reports/batch", "registry", 2);
        double accepted = seconds(t0);
        Map<String, Double> caughtUp = awaitNoLag(WAIT_SECONDS);
        double applied = seconds(t0);
        caughtUp.forEach((g, at) -> figures.put("burst: " + g + " caught up (s)", round(accepted + at)));
        // The ranking follows the last tally move within the re-rank delay: done when re-ranking has stopped.
        awaitReranksSettled();
        Instant lastRanking = lastRecordAt(Topics.ASSESSMENT_RANKING_EVENTS);
        double ranked = Math.max(applied, (lastRanking.toEpochMilli() - t0Wall) / 1000.0);
        double rate = sent / ranked;
        figures.put("burst: reports filed through the batch endpoint (" + BATCH + " per call, 4 in flight)", sent);
        figures.put("burst: accepted by the registry (reports/s)", Math.round(sent / accepted));
        figures.put("burst: all applied by statistics and assessment (s)", round(applied));
        figures.put("burst: last ranking published (s)", round(ranked));
        figures.put("burst: rankings published during the burst",
                endOffset(Topics.ASSESSMENT_RANKING_EVENTS) - rankingsBefore);
        figures.put("burst: end to end (reports/s)", Math.round(rate));
        for (Service s : List.of(Service.INVESTMENT_STATISTICS, Service.ASSESSMENT)) {
            Double at = caughtUp.get(s.id);
            profile(s, metricsBefore.get(s), prometheus(s), sent, at == null ? null : accepted + at);
        }
        return rate;
    }

    private static final String STORE_COMMANDS = "mongodb_driver_commands_seconds";

    /**
     * Where a consumer's time went during the burst, from its own metrics: the store commands it sent per report
     * (the driver's command timer, by command and collection) and the time they took against its catch-up time;
     * for assessment, its per-event timers too.
     */
    private void profile(Service service, Map<String, Double> before, Map<String, Double> after, int reports,
                         Double caughtUpSeconds) {
        Map<String, double[]> byCommand = new TreeMap<>();
        after.forEach((key, v) -> {
            if (key.startsWith(STORE_COMMANDS + "_count{")) {
                String what = label(key, "command") + " " + label(key, "collection");
                double seconds = after.getOrDefault(key.replace("_count{", "_sum{"), 0.0)
                        - before.getOrDefault(key.replace("_count{", "_sum{"), 0.0);
                double[] sum = byCommand.computeIfAbsent(what, k -> new double[2]);
                sum[0] += v - before.getOrDefault(key, 0.0);
                sum[1] += seconds;
            }
        });
        double commands = byCommand.values().stream().mapToDouble(c -> c[0]).sum();
        double storeSeconds = byCommand.values().stream().mapToDouble(c -> c[1]).sum();
        if (commands == 0) {
            figures.note(service.id + ": no store command metrics exposed; no profile of the burst");
            return;
        }
        String label = "burst profile " + service.id + ": ";
        figures.put(label + "store commands per report", round(commands / reports));
        figures.put(label + "store command mean (ms)", round(storeSeconds / commands * 1000));
        if (caughtUpSeconds != null) {
            figures.put(label + "store time / its catch-up time (all threads)",
                    round(storeSeconds / Math.max(0.001, caughtUpSeconds)));
        }
        figures.put(label + "commands per report by command and collection", byCommand.entrySet().stream()
                .filter(e -> e.getValue()[0] / reports >= 0.05)
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .map(e -> e.getKey() + " " + round(e.getValue()[0] / reports) + " × "
                        + round(e.getValue()[1] / Math.max(1, e.getValue()[0]) * 1000) + " ms")
                .collect(java.util.stream.Collectors.joining("; ")));
        if (service == Service.ASSESSMENT) {
            for (String timer : List.of("keyproject_assessment_project_update_seconds",
                    "keyproject_assessment_ranking_update_seconds", "keyproject_assessment_ranking_rerank_seconds")) {
                double[] q = quantiles(before, after, timer);
                figures.put(label + timer.substring("keyproject_assessment_".length(), timer.length() - 8)
                        + " mean (ms) × count", round(q[0]) + " × " + Math.round(q[4]));
            }
        }
    }

    private static String label(String key, String name) {
        int at = key.indexOf(name + "=\"");
        if (at < 0) {
            return "?";
        }
        at += name.length() + 2;
        return key.substring(at, key.indexOf('"', at));
    }

    private long t0Wall;

    /** Waits until assessment's re-rank count stops moving over a second (several re-rank delays). */
    private void awaitReranksSettled() throws InterruptedException {
        String count = "keyproject_assessment_ranking_rerank_seconds_count";
        double[] last = {-1};
        long[] since = {System.nanoTime()};
        awaitSeconds(120, () -> {
            double now = metric(Service.ASSESSMENT, count);
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return seconds(since[0]) >= 1.0;
        });
    }

    /** Reports at a fixed rate (a batch every 100 ms) for LATENCY_SECONDS; percentiles from assessment's histogram. */
    private void latency(int rate) throws Exception {
        String base = services.get(Service.PROJECT_REGISTRY).baseUrl();
        String timer = "keyproject_pipeline_accepted_to_ranking_seconds";
        Map<String, Double> before = prometheus(Service.ASSESSMENT);
        int perTick = Math.max(1, rate / 10);
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(4);
        List<CompletableFuture<HttpResponse<String>>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        int ticksTotal = LATENCY_SECONDS * 10;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        for (int tick = 0; tick < ticksTotal; tick++) {
            ticks.schedule(() -> {
                Map<String, List<Map<String, Object>>> byUnit = new LinkedHashMap<>();
                for (int k = 0; k < perTick; k++) {
                    long n = next.getAndIncrement();
                    int i = (int) (n % PROJECTS);
                    // A new amount every time: an unchanged report is not an event.
                    byUnit.computeIfAbsent(unit(i % UNITS), u -> new ArrayList<>()).add(item(i,
                            BigDecimal.valueOf(rate).add(BigDecimal.valueOf(n, 2))));
                }
                byUnit.forEach((unit, items) -> sent.add(send("POST", base + "/api/v1/reports/batch",
                        unitToken(unit), Map.of("reports", items))));
            }, tick * 100L, TimeUnit.MILLISECONDS);
        }
        ticks.shutdown();
        ticks.awaitTermination(LATENCY_SECONDS + 120L, TimeUnit.SECONDS);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        double sending = seconds(start);
        long failed = sent.stream().filter(f -> f.join().statusCode() != 200).count();
        long accepted = sent.stream().mapToLong(f -> count(f.join().body(), "\"status\":\"FILED\"")
                + count(f.join().body(), "\"status\":\"CORRECTED\"")).sum();
        long stopped = System.nanoTime();
        awaitNoLag(WAIT_SECONDS);
        double drain = seconds(stopped);
        awaitReranksSettled();
        Map<String, Double> after = prometheus(Service.ASSESSMENT);
        double[] q = quantiles(before, after, timer);
        String label = "latency at " + rate + " reports/s for " + LATENCY_SECONDS + " s";
        figures.put(label + ": reports sent / accepted / non-200 batches", next.get() + " / " + accepted + " / "
                + failed);
        figures.put(label + ": offered rate achieved (reports/s)", Math.round(next.get() / sending));
        figures.put(label + ": report accepted → ranking published p50 / p95 / p99 (ms, ≤ bucket)",
                bucket(q[1]) + " / " + bucket(q[2]) + " / " + bucket(q[3]));
        figures.put(label + ": mean (ms) over moves", round(q[0]) + " over " + Math.round(q[4]));
        figures.put(label + ": consumer lag back to 0 after the load (s)", round(drain));
    }

    /**
     * Fresh statistics and assessment instances (new databases, new consumer groups) replay every topic they consume
     * from the start; beside them, a plain consumer reads the same topics. Returns nothing: figures only.
     */
    private void replay() throws Exception {
        Map<Service, List<String>> bindings = Map.of(
                Service.INVESTMENT_STATISTICS, List.of("unitEvents", "projectEvents", "feedEntries"),
                Service.ASSESSMENT, List.of("unitEvents", "projectEvents", "feedEntries", "dealEvents",
                        "periodEvents"));
        Map<Service, List<String>> topics = Map.of(
                Service.INVESTMENT_STATISTICS, List.of(Topics.REGISTRY_UNIT_EVENTS, Topics.REGISTRY_PROJECT_EVENTS,
                        Topics.STATISTICS_FEED),
                Service.ASSESSMENT, List.of(Topics.REGISTRY_UNIT_EVENTS, Topics.REGISTRY_PROJECT_EVENTS,
                        Topics.STATISTICS_ENTRY_EVENTS, Topics.PROMOTION_DEAL_EVENTS, Topics.STATISTICS_PERIOD_EVENTS));
        Set<String> all = new java.util.TreeSet<>();
        topics.values().forEach(all::addAll);
        long records = 0;
        for (String t : all) {
            records += endOffset(t);
        }
        long r0 = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-raw-replay-" + System.nanoTime())) {
            consumer.subscribe(List.copyOf(all));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double rawRate = read / seconds(r0);
        figures.put("replay: records on the consumed topics", records);
        figures.put("replay: raw consume of the same topics (records/s)", Math.round(rawRate));
        for (Service s : List.of(Service.INVESTMENT_STATISTICS, Service.ASSESSMENT)) {
            String group = "replay-" + s.id + "-" + System.nanoTime();
            StringBuilder opts = new StringBuilder("-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k");
            for (String b : bindings.get(s)) {
                opts.append(" -Dspring.cloud.stream.bindings.").append(b).append("-in-0.group=").append(group);
            }
            long inputs = 0;
            for (String t : topics.get(s)) {
                inputs += endOffset(t);
            }
            long t0 = System.nanoTime();
            ServiceProcess replica = ServiceProcess.start(root, s, Ports.free(), env(s, Map.of(
                    "MONGODB_DATABASE", "replay-" + s.id, "SERVICE_JAVA_OPTS", opts.toString(),
                    "KEYPROJECT_ASSESSMENT_SWEEPATSTART", "false")), dir.resolve("replay-" + s.id + ".log"))
                    .awaitReady(Duration.ofSeconds(180));
            double ready = seconds(t0);
            try {
                long deadline = t0 + TimeUnit.SECONDS.toNanos(REPLAY_SECONDS);
                long left = lag(group, topics.get(s));
                while (left > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(500); // polling the group's progress
                    left = lag(group, topics.get(s));
                }
                // From the process's start: consuming begins before the service reports ready.
                double seconds = seconds(t0);
                long applied = inputs - left;
                double rate = applied / seconds;
                figures.put("replay " + s.id + ": events applied of those on its topics / s (start-up "
                        + round(ready) + " s included)", applied + " of " + inputs + " / " + round(seconds));
                figures.put("replay " + s.id + ": events/s", Math.round(rate));
                figures.put("replay " + s.id + ": as a share of the raw consume rate", ratio(rate / rawRate));
                figures.put("replay " + s.id + ": 1.5 million events would take (min, at this rate)",
                        Math.round(1_500_000 / rate / 60));
            } finally {
                replica.stop();
            }
        }
    }

    /** A 100,000-row statistics file through the feed upload, with the StatisticsBenchmark's file. */
    private void feed() throws Exception {
        ServiceProcess statistics = services.get(Service.INVESTMENT_STATISTICS);
        try (var client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            StatisticsBenchmark.feed(tokens.mint("bench-feed", null, List.of(Role.STATISTICS_FEED),
                            Duration.ofDays(1)), statistics, client.getDatabase("keyproject-statistics"), 2025,
                    figures); // 2025: every month of it is past for the service's clock
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /** Sends every project's June report in batches of BATCH (per unit token), 4 calls in flight; returns reports. */
    private int sendBatches(String url, String tokensFor, int pass) throws Exception {
        Semaphore calls = new Semaphore(4);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        int reports = 0;
        t0Wall = System.currentTimeMillis();
        for (int u = 0; u < UNITS; u++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = u; i < PROJECTS; i += UNITS) {
                items.add(item(i, BigDecimal.valueOf(100L * pass + i % 500)));
                if (items.size() == BATCH || i + UNITS >= PROJECTS) {
                    reports += items.size();
                    calls.acquire();
                    sent.add(send("POST", url, tokensFor == null ? "none" : unitToken(unit(u)),
                            Map.of("reports", items)).whenComplete((r, e) -> calls.release()));
                    items = new ArrayList<>();
                }
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long accepted = 0;
        for (var f : sent) {
            String body = f.join().body();
            check(f.join().statusCode() == 200, "batch answered " + f.join().statusCode() + ": " + body);
            accepted += count(body, "\"status\":\"FILED\"") + count(body, "\"status\":\"CORRECTED\"");
        }
        check(tokensFor == null || accepted == reports, "accepted " + accepted + " of " + reports);
        return reports;
    }

    private static long count(String body, String needle) {
        long n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static Map<String, Object> item(int i, BigDecimal amount) {
        return Map.of("projectCode", project(i), "period", PERIOD.toString(), "investmentCompleted", amount,
                "workUnderWay", true, "imageProgressPercent", 40);
    }

    private String unitToken(String unit) {
        synchronized (unitTokens) {
            return unitTokens.computeIfAbsent(unit, u -> tokens.mint("bench-" + u, u, List.of(Role.UNIT_SYSTEM),
                    Duration.ofDays(1)));
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String url, String token, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .timeout(Duration.ofSeconds(300)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static ProgressReported report(String code, String unit, BigDecimal amount) {
        return new ProgressReported(code, unit, PERIOD, 1, amount, BigDecimal.ZERO, amount, true, "施工中", 50, 0,
                "bench", false, LocalDate.of(2026, 6, 30));
    }

    private static String unit(int u) {
        return "PB-U" + u;
    }

    private static String project(int i) {
        return "PB-U" + (i % UNITS) + "-P" + i;
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private long endOffset(String topic) throws Exception {
        try (Admin admin = admin()) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            description.partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            return admin.listOffsets(specs).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (java.util.concurrent.ExecutionException e) {
            return 0; // not created yet: nothing on it
        }
    }

    /** The timestamp of the newest record on the topic, or null when it is empty. */
    private Instant lastRecordAt(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-peek-" + System.nanoTime())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant last = null;
            for (TopicPartition tp : partitions) {
                if (ends.get(tp) > 0) {
                    consumer.seek(tp, ends.get(tp) - 1);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Instant at = Instant.ofEpochMilli(r.timestamp());
                    last = last == null || at.isAfter(last) ? at : last;
                }
            }
            return last;
        }
    }

    /** Records on {@code topics} not yet consumed by a group (a partition it never committed counts whole). */
    private long lag(String group, List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> specs.put(new TopicPartition(d.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            long lag = 0;
            for (var e : admin.listOffsets(specs).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(e.getKey());
                lag += Math.max(0, e.getValue().offset() - (at == null ? 0 : at.offset()));
            }
            return lag;
        } catch (Exception e) {
            return Long.MAX_VALUE; // a topic not created yet: not caught up
        }
    }

    /** Waits until every live group has consumed everything; returns when each got there (s from the call). */
    private Map<String, Double> awaitNoLag(int maxSeconds) throws Exception {
        long last = System.nanoTime();
        long start = System.nanoTime();
        Map<String, Double> caughtUp = new TreeMap<>();
        while (true) {
            Map<String, Long> lags = new TreeMap<>();
            GROUPS.forEach((g, topics) -> lags.put(g, lag(g, topics)));
            lags.forEach((g, l) -> {
                if (l == 0) {
                    caughtUp.putIfAbsent(g, round(seconds(start)));
                } else {
                    caughtUp.remove(g);
                }
            });
            if (caughtUp.size() == GROUPS.size()) {
                return caughtUp;
            }
            if (seconds(last) > 10) {
                System.out.printf("  … %.0f s, lag %s%n", seconds(start), lags);
                last = System.nanoTime();
            }
            check(seconds(start) < maxSeconds, "lag not 0 within " + maxSeconds + " s: " + lags);
            Thread.sleep(250); // polling a condition, not waiting for time to pass
        }
    }

    private static void awaitSeconds(int maxSeconds, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            check(seconds(start) < maxSeconds, "condition not met within " + maxSeconds + " s");
            Thread.sleep(100);
        }
    }

    private Map<String, Double> prometheus(Service service) {
        Map<String, Double> values = new TreeMap<>();
        String body = new ApiClient(services.get(service).baseUrl()).get("/actuator/prometheus", operator).body();
        for (String line : body.split("\n")) {
            if (!line.startsWith("#") && (line.startsWith("keyproject_") || line.startsWith(STORE_COMMANDS))) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    private double metric(Service service, String name) {
        return prometheus(service).entrySet().stream().filter(e -> e.getKey().startsWith(name))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** Mean, p50, p95, p99 (ms) and count of what a timer recorded between two readings. */
    private static double[] quantiles(Map<String, Double> before, Map<String, Double> after, String timer) {
        double count = sum(after, timer + "_count") - sum(before, timer + "_count");
        double total = sum(after, timer + "_sum") - sum(before, timer + "_sum");
        TreeMap<Double, Double> buckets = new TreeMap<>();
        after.forEach((key, v) -> {
            if (key.startsWith(timer + "_bucket{") && !key.contains("+Inf")) {
                int at = key.indexOf("le=\"") + 4;
                double le = Double.parseDouble(key.substring(at, key.indexOf('"', at)));
                buckets.merge(le, v - before.getOrDefault(key, 0.0), Double::sum);
            }
        });
        return new double[]{count == 0 ? Double.NaN : total / count * 1000, q(buckets, count, 0.50),
                q(buckets, count, 0.95), q(buckets, count, 0.99), count};
    }

    /** A quantile beyond the histogram's last bucket (10 minutes) is shown as such, not as a number. */
    private static String bucket(double ms) {
        return Double.isNaN(ms) ? "> 600000" : Double.toString(round(ms));
    }

    private static double sum(Map<String, Double> values, String prefix) {
        return values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double q(TreeMap<Double, Double> cumulative, double count, double q) {
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= q * count) {
                return b.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    private interface Tool {
        void run() throws Exception;
    }

    /** Runs one of Kafka's tools in this JVM and returns what it printed. */
    private static synchronized String captured(Tool tool) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            tool.run();
        } finally {
            System.setOut(out);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    private static String lastLine(String text, String containing) {
        String found = null;
        for (String line : text.split("\n")) {
            if (line.contains(containing)) {
                found = line.trim();
            }
        }
        check(found != null, "no line with '" + containing + "' in: " + text);
        return found;
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: no figure
        }
        return 0;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A ratio to three significant digits: the small ones are the point. */
    private static double ratio(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
