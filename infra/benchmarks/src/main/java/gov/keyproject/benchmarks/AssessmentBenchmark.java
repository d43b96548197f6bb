package gov.keyproject.benchmarks;

import com.mongodb.client.MongoClients;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.MongoWireServer;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.platform.security.Role;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;

/**
 * The cost of one ranking update in assessment (a project's contribution put into its unit's tally and the
 * sequence re-ranked and published) at 200, 2,000 and 20,000 projects, over the same 30 units. For each size a fresh
 * service and database load the projects and their reports from the topics; then a stream of report corrections
 * is applied (after 2,000 unmeasured ones) and the service's own histograms ({@code keyproject.assessment.ranking.update} and
 * {@code keyproject.assessment.project.update}) are read before and after, so only the corrections count.
 * Run: {@code infra/benchmarks/run.sh assessment}. Figures go to infra/benchmarks/target/results/assessment.*.
 */
public final class AssessmentBenchmark {

    private static final int UNITS = Integer.getInteger("units", 30);
    private static final int CORRECTIONS = Integer.getInteger("corrections", 1000);
    /** Unmeasured corrections before the measured ones, whatever the size (the JIT and the store's caches settle). */
    private static final int WARMUP = Integer.getInteger("warmup", 2000);
    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("sizes", "200,2000,20000")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();
    private static final String TODAY = "2026-07-10";
    private static final YearMonth PERIOD = YearMonth.of(2026, 6);

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Figures figures = new Figures("assessment benchmark: the cost of one ranking update");
        TestServers servers = TestServers.get();
        Path logs = Files.createTempDirectory("assessment-bench-");
        int mongoPort = Ports.free();
        Process mongo = MongoWireServer.startProcess("memory", mongoPort, "4g", logs.resolve("mongo.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::destroyForcibly));
        String operator = servers.token("bench-operator", null, Role.OPERATOR);
        for (int size : SIZES) {
            run(root, servers, mongoPort, logs, operator, size, figures);
        }
        figures.note(UNITS + " units in three sequences; each size is a fresh service and database. A ranking update "
                + "is one project's contribution put into its unit's tally (one conditional write) and the "
                + "sequence re-ranked from the units' tallies and published through the outbox; it reads no "
                + "other project. A project update adds reading and writing the project's own record with its "
                + "colour and notices. Percentiles come from the service's histogram buckets (upper bounds).");
        figures.write(root.resolve("infra/benchmarks/target/results"), "assessment");
        mongo.destroy();
        System.exit(0);
    }

    private static void run(Path root, TestServers servers, int mongoPort, Path logs, String operator, int size,
                            Figures figures) throws Exception {
        String run = "B" + size + "-" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
        String database = "bench-assessment-" + run;
        Map<String, String> spring = servers.springProperties(database);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap());
        // Throughput is the point here, not the per-client limit (it is tested in the reliability suite).
        env.put("KEYPROJECT_RATELIMIT_ENABLED", "false");
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("MONGODB_DATABASE", database);
        env.put("JWT_PUBLIC_KEY_LOCATION", spring.get("spring.security.oauth2.resourceserver.jwt.public-key-location"));
        env.put("KEYPROJECT_TODAY", TODAY);
        env.put("KEYPROJECT_ASSESSMENT_SWEEPATSTART", "false");
        env.put("SERVICE_JAVA_OPTS", "-Xmx1500m -XX:+UseParallelGC " + System.getProperty("serviceOpts", ""));
        ServiceProcess assessment = ServiceProcess.start(root, ServiceProcess.Service.ASSESSMENT, Ports.free(), env,
                logs.resolve("assessment-" + size + ".log")).awaitReady(Duration.ofSeconds(180));
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var projects = client.getDatabase(database).getCollection("projects");
            long t0 = System.nanoTime();
            produce(servers.kafkaBootstrap(), run, size);
            await(assessment, () -> projects.countDocuments(new Document("lastSequence", 2L)) >= size, 3600);
            double load = (System.nanoTime() - t0) / 1e9;
            figures.put(size + " projects: load (registration + report each), s", round(load));
            figures.put(size + " projects: load, events/s", Math.round(2.0 * size / load));

            // Warm-up: WARMUP corrections in rounds, not measured.
            long sequence = 2;
            int warmed = 0;
            while (warmed < WARMUP) {
                warmed += correct(servers.kafkaBootstrap(), run, size, ++sequence, assessment, operator);
            }
            ApiClient api = new ApiClient(assessment.baseUrl());
            Map<String, double[]> before = histograms(api, operator);
            long c0 = System.nanoTime();
            int corrected = 0;
            while (corrected < CORRECTIONS) {
                corrected += correct(servers.kafkaBootstrap(), run, size, ++sequence, assessment, operator);
            }
            double seconds = (System.nanoTime() - c0) / 1e9;
            Map<String, double[]> after = histograms(api, operator);
            for (String timer : List.of("keyproject_assessment_ranking_update_seconds",
                    "keyproject_assessment_project_update_seconds")) {
                String label = timer.contains("ranking") ? "ranking update" : "project update";
                double[] stats = delta(before, after, timer);
                figures.put(size + " projects: " + label + " mean (ms)", round(stats[0]));
                figures.put(size + " projects: " + label + " p50 / p95 / p99 (ms, ≤)",
                        round(stats[1]) + " / " + round(stats[2]) + " / " + round(stats[3]));
            }
            figures.put(size + " projects: corrections measured / s", corrected + " / " + round(seconds));
        } finally {
            assessment.stop();
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(ServiceProcess service, Condition condition, int maxSeconds) throws Exception {
        long start = System.nanoTime();
        while (!condition.met()) {
            if ((System.nanoTime() - start) / 1e9 > maxSeconds || !service.isAlive()) {
                throw new IllegalStateException("not reached within " + maxSeconds + " s; see " + service.log());
            }
            service.process().waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Units, then for each project its registration (sequence 1) and its June report (sequence 2). */
    private static void produce(String bootstrap, String run, int size) throws Exception {
        List<DomainEvent> units = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            units.add(new UnitRegistered(unit(run, u), "基准单位" + u, UnitKind.values()[u % 3]));
        }
        send(bootstrap, units, 1);
        List<DomainEvent> registrations = new ArrayList<>();
        List<DomainEvent> reports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String code = run + "-P" + i;
            ConstructionType type = i % 3 == 0 ? ConstructionType.CONTINUED : ConstructionType.NEW;
            LocalDate plannedStart = LocalDate.of(2026, 1 + i % 10, 1 + i % 28);
            boolean started = i % 2 == 0;
            ProjectSnapshot s = new ProjectSnapshot(code, "基准项目" + i, ProjectCategory.values()[i % 7],
                    ProjectLevel.COUNTY, type, new BigDecimal("10000.00"), Map.of(2026, new BigDecimal("6000.00")),
                    plannedStart, plannedStart.plusYears(2), "城关镇", unit(run, i % UNITS), "李副县长", "业主单位", null,
                    started ? ProjectPhase.UNDER_CONSTRUCTION : ProjectPhase.READY, LocalDate.of(2026, 1, 5),
                    started ? plannedStart : null, null,
                    List.of(new ProjectSnapshot.MilestoneState(MilestoneKind.PLANNING_PERMIT,
                            plannedStart.minusDays(20), i % 4 == 0 ? plannedStart.minusDays(25) : null)), List.of());
            registrations.add(new ProjectRegistered(s));
            reports.add(report(code, unit(run, i % UNITS), 1, new BigDecimal(300 + i % 700)));
        }
        send(bootstrap, registrations, 1);
        send(bootstrap, reports, 2);
    }

    /**
     * One round: a correction (at {@code sequence}) of each of up to CORRECTIONS projects, in random order; returns
     * once the service has applied them all.
     */
    private static int correct(String bootstrap, String run, int size, long sequence, ServiceProcess service,
                               String token) throws Exception {
        Random random = new Random(size * 31L + sequence);
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            picked.add(i);
        }
        java.util.Collections.shuffle(picked, random);
        List<DomainEvent> events = new ArrayList<>();
        for (int i : picked.subList(0, Math.min(CORRECTIONS, size))) {
            events.add(report(run + "-P" + i, unit(run, i % UNITS), (int) sequence - 1,
                    new BigDecimal(200 + random.nextInt(3000))));
        }
        // Done when the service's own project-update count has moved by the round's size: reading the count from
        // its metrics costs the store nothing (a count over the projects collection would hold the store's lock).
        ApiClient api = new ApiClient(service.baseUrl());
        double before = updates(api, token);
        send(bootstrap, events, sequence);
        await(service, () -> updates(api, token) >= before + events.size(), 3600);
        return events.size();
    }

    private static ProgressReported report(String code, String unit, int revision, BigDecimal amount) {
        return new ProgressReported(code, unit, PERIOD, revision, amount, BigDecimal.ZERO, amount, true, "施工中", 50,
                0, "bench", false, LocalDate.of(2026, 7, 3));
    }

    private static String unit(String run, int u) {
        return run + "-U" + u;
    }

    private static void send(String bootstrap, List<DomainEvent> events, long sequence) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (DomainEvent e : events) {
                byte[] bytes = EventCodec.encode(EventCodec.wrap(e, "/keyproject/benchmark", sequence, Instant.now(),
                        null, Instant.now()));
                sent.add(producer.send(new ProducerRecord<>(e.eventType().topic(), e.aggregateId(), bytes)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
    }

    /** Each timer's histogram buckets (le → cumulative count), plus its count and sum, from /actuator/prometheus. */
    private static Map<String, double[]> histograms(ApiClient api, String token) {
        Map<String, double[]> values = new TreeMap<>();
        for (String line : api.get("/actuator/prometheus", token).body().split("\n")) {
            if (line.startsWith("keyproject_assessment_") && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), new double[]{Double.parseDouble(line.substring(space + 1))});
            }
        }
        return values;
    }

    private static double updates(ApiClient api, String token) {
        return value(histograms(api, token), "keyproject_assessment_project_update_seconds_count");
    }

    /** Mean, p50, p95, p99 in ms of what the timer recorded between the two readings. */
    private static double[] delta(Map<String, double[]> before, Map<String, double[]> after, String timer) {
        double count = value(after, timer + "_count") - value(before, timer + "_count");
        double sum = value(after, timer + "_sum") - value(before, timer + "_sum");
        TreeMap<Double, Double> buckets = new TreeMap<>();
        after.forEach((key, v) -> {
            if (key.startsWith(timer + "_bucket{") && !key.contains("+Inf")) {
                String le = key.substring(key.indexOf("le=\"") + 4, key.indexOf('"', key.indexOf("le=\"") + 4));
                buckets.put(Double.parseDouble(le), v[0] - value(before, key));
            }
        });
        return new double[]{count == 0 ? Double.NaN : sum / count * 1000, quantile(buckets, count, 0.50),
                quantile(buckets, count, 0.95), quantile(buckets, count, 0.99)};
    }

    private static double quantile(TreeMap<Double, Double> cumulative, double count, double q) {
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= q * count) {
                return b.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    private static double value(Map<String, double[]> values, String key) {
        double[] v = values.get(key);
        return v == null ? 0 : v[0];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
