package gov.keyproject.benchmarks;

import com.mongodb.client.MongoClients;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.devstack.MongoWireServer;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * investment-statistics rebuilding its read model and figures by replaying {@code registry.project-events.v1} from
 * the start, beside the broker's raw consume rate of the same records in the same run.
 * Run: {@code infra/benchmarks/run.sh statistics}. Figures go to infra/benchmarks/target/results/statistics.*.
 */
public final class StatisticsBenchmark {

    private static final int PROJECTS = Integer.getInteger("projects", 500);
    private static final int FEED_ROWS = Integer.getInteger("feedRows", 100_000);
    private static final int UNITS = Integer.getInteger("units", 40);
    private static final int MONTHS = Integer.getInteger("months", 10);

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Figures figures = new Figures("investment-statistics benchmark");
        TestServers servers = TestServers.get();
        Path logs = Files.createTempDirectory("statistics-bench-");
        int mongoPort = Ports.free();
        Process mongo = MongoWireServer.startProcess("memory", mongoPort, "3g", logs.resolve("mongo.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::destroyForcibly));

        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        long events = produce(servers.kafkaBootstrap(), year, figures);

        // The broker's raw rate for the same records: one consumer, from the start, doing nothing with them.
        long rawStart = System.nanoTime();
        long raw = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REGISTRY_PROJECT_EVENTS));
            while (raw < events) {
                raw += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        figures.put("raw consume of the same records (records/s)", Math.round(events / rawSeconds));

        // The service, new database and consumer group: it replays the topic from the start.
        Map<String, String> spring = servers.springProperties("bench-statistics");
        Map<String, String> env = new HashMap<>();
        String database = "bench-statistics-" + System.nanoTime();
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap());
        // Throughput is the point here, not the per-client limit (it is tested in the reliability suite).
        env.put("KEYPROJECT_RATELIMIT_ENABLED", "false");
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        env.put("MONGODB_DATABASE", database);
        env.put("JWT_PUBLIC_KEY_LOCATION", spring.get("spring.security.oauth2.resourceserver.jwt.public-key-location"));
        env.put("SERVICE_JAVA_OPTS", "-Xmx1g -XX:+UseParallelGC");
        long start = System.nanoTime();
        ServiceProcess statistics = ServiceProcess.start(root, ServiceProcess.Service.INVESTMENT_STATISTICS,
                Ports.free(), env, logs.resolve("statistics.log")).awaitReady(Duration.ofSeconds(120));
        double startup = (System.nanoTime() - start) / 1e9;
        long replayStart = System.nanoTime();
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            var projects = client.getDatabase(database).getCollection("projects");
            long last = MONTHS + 1L;
            while (projects.countDocuments(new Document("lastSequence", last)) < PROJECTS) {
                if ((System.nanoTime() - replayStart) / 1e9 > 1800) {
                    figures.note("replay did not finish within 30 minutes");
                    break;
                }
                Thread.onSpinWait();
                statistics.process().waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
            }
            double replay = (System.nanoTime() - replayStart) / 1e9;
            figures.put("replay: events applied", events);
            figures.put("replay: seconds after ready", round(replay));
            figures.put("replay: events/s", Math.round(events / replay));
            figures.put("replay as a share of the raw consume rate", round((events / replay) / (events / rawSeconds)));
            feed(servers.token("bench-feed", null, gov.keyproject.platform.security.Role.STATISTICS_FEED), statistics,
                    client.getDatabase(database), year, figures);
        } finally {
            statistics.stop();
        }
        figures.put("service start-up to ready (s)", round(startup));
        figures.note(PROJECTS + " projects in " + UNITS + " units, " + MONTHS + " monthly reports each; every applied "
                + "event also writes the project's and its unit's figure events through the outbox.");
        figures.write(root.resolve("infra/benchmarks/target/results"), "statistics");
        mongo.destroy();
        System.exit(0);
    }

    /**
     * A statistics-bureau file of FEED_ROWS rows (10 months of as many projects as needed, known to the read model),
     * uploaded twice: the first import applies every row, the second finds every row unchanged.
     */
    static void feed(String token, ServiceProcess statistics, com.mongodb.client.MongoDatabase db, int year,
                     Figures figures) throws Exception {
        int months = 10;
        int projects = FEED_ROWS / months;
        List<Document> known = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            known.add(new Document("_id", "BF-" + i).append("unitCode", "BFU-" + (i % 40)).append("lastSequence", 1L));
        }
        db.getCollection("projects").insertMany(known);
        StringBuilder csv = new StringBuilder("项目代码,统计期,入库金额(万元)\n");
        for (int i = 0; i < projects; i++) {
            for (int m = 1; m <= months; m++) {
                csv.append("BF-").append(i).append(',').append(YearMonth.of(year, m)).append(',')
                        .append(100 + (i + m) % 500).append(".25\n");
            }
        }
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String pass : List.of("first import", "same file again")) {
            long t0 = System.nanoTime();
            String job = upload(statistics.baseUrl(), token, file);
            var api = new gov.keyproject.devstack.ApiClient(statistics.baseUrl());
            String status = "RUNNING";
            tools.jackson.databind.JsonNode state = null;
            while ("RUNNING".equals(status) && (System.nanoTime() - t0) / 1e9 < 600) {
                statistics.process().waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                state = api.get(job, token).json();
                status = state.get("status").asString();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            figures.put("feed " + pass + ": rows / status", FEED_ROWS + " / " + status + " (applied "
                    + state.get("applied") + ", unchanged " + state.get("unchanged") + ", failed "
                    + state.get("failed") + ")");
            figures.put("feed " + pass + ": rows/s (upload to DONE)", Math.round(FEED_ROWS / seconds));
        }
    }

    private static String upload(String baseUrl, String token, byte[] file) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"feed.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl + "/api/v1/feed/files"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Registers the projects and files their monthly reports, all sent asynchronously. */
    private static long produce(String bootstrap, int year, Figures figures) throws Exception {
        long t0 = System.nanoTime();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PROJECTS; i++) {
                String code = "BS-" + i;
                String unit = "BSU-" + (i % UNITS);
                ProjectSnapshot s = new ProjectSnapshot(code, "基准项目" + i, ProjectCategory.values()[i % 7],
                        ProjectLevel.COUNTY, i % 3 == 0 ? ConstructionType.CONTINUED : ConstructionType.NEW,
                        new BigDecimal("10000.00"), Map.of(year, new BigDecimal("6000.00")), LocalDate.of(year, 3, 1),
                        LocalDate.of(year + 1, 12, 31), "乡镇" + (i % 12), unit, null, null, null,
                        ProjectPhase.UNDER_CONSTRUCTION, LocalDate.of(year, 1, 2), LocalDate.of(year, 3, 1), null,
                        List.of(), List.of());
                long seq = 1;
                sent.add(send(producer, code, new ProjectRegistered(s), seq++));
                for (int m = 1; m <= MONTHS; m++) {
                    BigDecimal amount = new BigDecimal(100 + (i * 7 + m) % 400 + ".50");
                    sent.add(send(producer, code, new ProgressReported(code, unit, YearMonth.of(year, m), 1, amount,
                            null, amount, true, "施工中", m * 8, 0, "bench", false, LocalDate.of(year, m, 28)), seq++));
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        figures.put("records produced (async, acks=all)", sent.size());
        figures.put("produce rate (records/s)", Math.round(sent.size() / seconds));
        return sent.size();
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, byte[]> producer, String key, DomainEvent event,
                                               long sequence) {
        return producer.send(new ProducerRecord<>(Topics.REGISTRY_PROJECT_EVENTS, key, EventCodec.encode(
                EventCodec.wrap(event, "/keyproject/project-registry", sequence, Instant.now(), null, null))));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
