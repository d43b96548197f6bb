package gov.keyproject.devstack;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClients;
import gov.keyproject.platform.security.DevTokens;
import gov.keyproject.platform.security.Role;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The README's first command: on one machine, a real Kafka broker (KRaft), a persistent MongoDB wire-protocol server
 * and the four services, each its own process; waits on readiness, prints where everything is, stops everything on
 * Ctrl-C. Data stays under {@code ./data} (or {@code KEYPROJECT_DATA}), so a second start keeps it.
 */
public final class LocalStack {

    private final Path root = Path.of("").toAbsolutePath();
    private final Path data = dataDir();
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private Process mongo;
    private volatile boolean stopping;

    public static void main(String[] args) throws Exception {
        new LocalStack().run();
    }

    static Path dataDir() {
        return Path.of(env("KEYPROJECT_DATA", "data")).toAbsolutePath();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int port(String variable, int fallback) {
        return Integer.parseInt(env(variable, Integer.toString(fallback)));
    }

    void run() throws Exception {
        long start = System.nanoTime();
        int kafkaPort = port("KAFKA_PORT", 9092);
        int controllerPort = port("KAFKA_CONTROLLER_PORT", 9093);
        int mongoPort = port("MONGODB_PORT", 27017);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("KAFKA_PORT|Kafka broker", kafkaPort);
        wanted.put("KAFKA_CONTROLLER_PORT|Kafka controller", controllerPort);
        wanted.put("MONGODB_PORT|MongoDB wire-protocol server", mongoPort);
        for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
            wanted.put(s.portVariable + "|" + s.id, port(s.portVariable, s.defaultPort));
        }
        checkPorts(wanted);

        Path logs = data.resolve("logs");
        Files.createDirectories(logs);
        DevTokens tokens = DevTokens.inDirectory(data.resolve("keys"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "local-stack-stop"));

        say("启动 Kafka (KRaft) 与 MongoDB 协议服务器 …  starting Kafka (KRaft) and the MongoDB-protocol server");
        CompletableFuture<KafkaBroker> kafkaUp = CompletableFuture.supplyAsync(() -> {
            try {
                return KafkaBroker.start(data.resolve("kafka"), kafkaPort, controllerPort, logs.resolve("kafka.log"),
                        Duration.ofSeconds(120));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        mongo = new ProcessBuilder(KafkaBroker.javaExecutable(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), MongoWireServer.class.getName(),
                data.resolve("mongo").resolve("keyproject.mv").toString(), Integer.toString(mongoPort))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("mongo.log")
                        .toFile())).start();
        String mongoUri = "mongodb://127.0.0.1:" + mongoPort;
        awaitMongo(mongoUri, Duration.ofSeconds(60));
        kafka = kafkaUp.join();

        say("启动四个服务与监控台 …  starting the four services and the console");
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongoUri,
                "JWT_PUBLIC_KEY_LOCATION", DevTokens.publicKey(data.resolve("keys")).toUri().toString()));
        // The console reaches the services where they listen and calls them as an operator (its service account).
        env.put("REGISTRY_URL", url(ServiceProcess.Service.PROJECT_REGISTRY));
        env.put("STATISTICS_URL", url(ServiceProcess.Service.INVESTMENT_STATISTICS));
        env.put("PROMOTION_URL", url(ServiceProcess.Service.INVESTMENT_PROMOTION));
        env.put("ASSESSMENT_URL", url(ServiceProcess.Service.ASSESSMENT));
        env.put("CONSOLE_SERVICE_TOKEN", tokens.mint("console", null, List.of(Role.OPERATOR), Duration.ofDays(365)));
        for (ServiceProcess.Service s : ServiceProcess.Service.values()) {
            services.add(ServiceProcess.start(root, s, port(s.portVariable, s.defaultPort), env,
                    logs.resolve(s.id + ".log")));
        }
        for (ServiceProcess s : services) {
            s.awaitReady(Duration.ofSeconds(180));
            say("  ✔ %-22s %s".formatted(s.service().id, s.baseUrl()));
        }
        printWhereEverythingIs(tokens, mongoUri, (System.nanoTime() - start) / 1_000_000_000.0);
        watch();
    }

    private static String url(ServiceProcess.Service service) {
        return "http://127.0.0.1:" + port(service.portVariable, service.defaultPort);
    }

    private void checkPorts(Map<String, Integer> wanted) {
        List<String> taken = new ArrayList<>();
        wanted.forEach((what, port) -> {
            if (!Ports.isFree(port)) {
                String[] parts = what.split("\\|");
                taken.add("端口 %d 已被占用 (%s)。改用其他端口: %s=<port>   (port %d is taken; set %s to change it)"
                        .formatted(port, parts[1], parts[0], port, parts[0]));
            }
        });
        if (!taken.isEmpty()) {
            taken.forEach(System.err::println);
            System.exit(2);
        }
    }

    private static void awaitMongo(String uri, Duration timeout) {
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(1, TimeUnit.SECONDS)).build();
        Instant deadline = Instant.now().plus(timeout);
        try (var client = MongoClients.create(settings)) {
            while (true) {
                try {
                    client.getDatabase("admin").runCommand(new Document("ping", 1));
                    return;
                } catch (RuntimeException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("MongoDB-protocol server not ready at " + uri, e);
                    }
                }
            }
        }
    }

    private void printWhereEverythingIs(DevTokens tokens, String mongoUri, double seconds) throws IOException {
        Map<String, String> demo = new LinkedHashMap<>();
        demo.put("operator (发改委/督查考核办)", tokens.mint("demo-operator", null, List.of(Role.OPERATOR), Duration.ofDays(30)));
        demo.put("viewer (只读)", tokens.mint("demo-viewer", null, List.of(Role.VIEWER), Duration.ofDays(30)));
        demo.put("statistics feed (统计局)", tokens.mint("demo-feed", null, List.of(Role.STATISTICS_FEED), Duration.ofDays(30)));
        StringBuilder file = new StringBuilder();
        demo.forEach((who, token) -> file.append("# ").append(who).append('\n').append(token).append("\n\n"));
        Path tokenFile = data.resolve("tokens.txt");
        Files.writeString(tokenFile, file);

        StringBuilder out = new StringBuilder("\n==== 重点项目建设管理 本地环境已就绪 (ready in %.1f s) ====\n".formatted(seconds));
        out.append("Kafka broker          ").append(kafka.bootstrapServers()).append('\n');
        out.append("MongoDB (wire)        ").append(mongoUri).append("   data: ").append(data.resolve("mongo")).append('\n');
        ServiceProcess consoleProcess = null;
        for (ServiceProcess s : services) {
            if (s.service() == ServiceProcess.Service.CONSOLE) {
                consoleProcess = s;
                continue;
            }
            out.append("%-22s%s   API docs: %s/swagger-ui.html   health: %s/actuator/health%n".formatted(
                    s.service().id, s.baseUrl(), s.baseUrl(), s.baseUrl()));
        }
        out.append("logs                  ").append(data.resolve("logs")).append('\n');
        out.append("demo tokens           ").append(tokenFile).append("  (operator, viewer, statistics feed)\n");
        out.append("more tokens           java -cp infra/devstack/target/devstack.jar gov.keyproject.devstack.Tokens "
                + "<subject> <UNIT_SYSTEM|OPERATOR|VIEWER|STATISTICS_FEED|PROMOTION_STAFF> [unit]\n");
        out.append("watch a topic         kcat -b ").append(kafka.bootstrapServers())
                .append(" -C -t registry.unit-events.v1 -f '%k %s\\n'\n");
        out.append("按 Ctrl-C 停止全部 (Ctrl-C stops everything; data is kept)\n");
        if (consoleProcess != null) {
            out.append("\n>>> 运行监控台 (console): ").append(consoleProcess.baseUrl()).append("/ <<<\n");
        }
        System.out.println(out);
    }

    /** Blocks while everything runs; reports a process that dies on its own. */
    private void watch() throws InterruptedException {
        while (!stopping) {
            for (ServiceProcess s : services) {
                if (!stopping && !s.isAlive()) {
                    System.err.println(s.service().id + " 已退出 (exited); see " + s.log());
                    System.exit(1);
                }
            }
            if (!stopping && (!kafka.process().isAlive() || !mongo.isAlive())) {
                System.err.println("Kafka 或 MongoDB 已退出 (broker or store exited); see " + data.resolve("logs"));
                System.exit(1);
            }
            kafka.process().waitFor(2, TimeUnit.SECONDS);
        }
    }

    private void shutdown() {
        stopping = true;
        System.out.println("\n正在停止 … stopping services, broker and store");
        services.forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.destroy();
            try {
                mongo.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.println("已停止 (stopped). Data kept in " + data);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
