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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
        new LocalStack().run(args);
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

    /** {@code --empty} (or {@code KEYPROJECT_DEMO=off}) starts without the demo county. */
    void run(String[] args) throws Exception {
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
        String demoOff = DemoCounty.disabledBy(args, System.getenv());
        LocalDate today = today();
        // Only a fresh store (the file appears when the store starts) lets the registry start in the past, below.
        boolean backdate = demoOff == null && !Files.exists(data.resolve("mongo").resolve("keyproject.mv"));

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
            Map<String, String> serviceEnv = env;
            if (backdate && s == ServiceProcess.Service.PROJECT_REGISTRY) {
                // The demo county's projects count in this month's assessment only if registered within last month
                // (DOMAIN §3): the registry runs on that month's last day until the county is loaded.
                serviceEnv = new HashMap<>(env);
                serviceEnv.put("KEYPROJECT_TODAY", DemoCounty.registrationDay(today).toString());
            }
            services.add(ServiceProcess.start(root, s, port(s.portVariable, s.defaultPort), serviceEnv,
                    logs.resolve(s.id + ".log")));
        }
        for (ServiceProcess s : services) {
            s.awaitReady(Duration.ofSeconds(180));
            say("  ✔ %-22s %s".formatted(s.service().id, s.baseUrl()));
        }
        if (demoOff != null) {
            say("不加载演示县 (demo county off: " + demoOff + ")");
        } else {
            loadDemoCounty(today, tokens, backdate ? env : null);
        }
        printWhereEverythingIs(tokens, mongoUri, (System.nanoTime() - start) / 1_000_000_000.0);
        watch();
    }

    private static String url(ServiceProcess.Service service) {
        return "http://127.0.0.1:" + port(service.portVariable, service.defaultPort);
    }

    /** "Today" as the services see it: KEYPROJECT_TODAY when set (they inherit it), else the date in their zone. */
    private static LocalDate today() {
        String fixed = System.getenv("KEYPROJECT_TODAY");
        return fixed == null || fixed.isBlank() ? LocalDate.now(DemoCounty.ZONE) : LocalDate.parse(fixed.strip());
    }

    /**
     * A first start gets a demo county to look at (only while the registry has no units). A failed load is reported
     * loudly but leaves the stack running: the services themselves are fine. {@code registryEnv} non-null: the
     * registry runs in the past for the load and is restarted on the real clock afterwards.
     */
    private void loadDemoCounty(LocalDate today, DevTokens tokens, Map<String, String> registryEnv)
            throws IOException {
        try {
            DemoCounty.Summary summary = new DemoCounty(baseUrl(ServiceProcess.Service.PROJECT_REGISTRY),
                    baseUrl(ServiceProcess.Service.INVESTMENT_STATISTICS),
                    baseUrl(ServiceProcess.Service.INVESTMENT_PROMOTION), tokens, today, System.out::println).load();
            if (!summary.skipped() && registryEnv == null) {
                say("  注意：项目今天才登记，不计入 %s 的考核；下月起显示预警与排名 (registered today: counted from next "
                        .formatted(DemoCounty.registrationDay(today).toString().substring(0, 7))
                        + "month's assessment on; start on an empty data directory to see it now)");
            }
        } catch (RuntimeException e) {
            System.err.println("演示县加载失败 (the demo county failed to load): " + e.getMessage());
            System.err.println("  服务仍在运行；删除 " + data + " 后重新启动可重新加载，或用 --empty 跳过 "
                    + "(the services keep running; delete the data directory and start again to retry)");
        } finally {
            if (registryEnv != null) {
                restartRegistry(registryEnv);
            }
        }
    }

    /** Back to the real clock (or the user's KEYPROJECT_TODAY) after the load. */
    private void restartRegistry(Map<String, String> env) throws IOException {
        int i = services.indexOf(services.stream()
                .filter(s -> s.service() == ServiceProcess.Service.PROJECT_REGISTRY).findFirst().orElseThrow());
        ServiceProcess old = services.get(i);
        say("  重启 project-registry，恢复当前日期 …  restarting the registry on today's clock");
        old.stop();
        ServiceProcess fresh = ServiceProcess.start(root, old.service(), old.port(), env, old.log());
        services.set(i, fresh);
        fresh.awaitReady(Duration.ofSeconds(180));
    }

    private String baseUrl(ServiceProcess.Service service) {
        return services.stream().filter(s -> s.service() == service).findFirst().orElseThrow().baseUrl();
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
