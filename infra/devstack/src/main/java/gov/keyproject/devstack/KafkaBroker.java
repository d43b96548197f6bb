package gov.keyproject.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run from the
 * {@code kafka_2.13} artifact in its own JVM. Its data stays under {@code dataDir}, so a second start keeps it.
 */
public final class KafkaBroker {

    private final Process process;
    private final String bootstrap;

    private KafkaBroker(Process process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public Process process() {
        return process;
    }

    /** Starts a broker in a child JVM and waits until it answers; its output goes to {@code log}. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path log, Duration timeout)
            throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms256m", "-Xmx768m",
                "-XX:+UseG1GC", "-Dlogback.configurationFile=devstack-logback.xml",
                "-cp", System.getProperty("java.class.path"), KafkaBroker.class.getName(),
                dataDir.toAbsolutePath().toString(), Integer.toString(port), Integer.toString(controllerPort)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String bootstrap = "127.0.0.1:" + port;
        KafkaBroker broker = new KafkaBroker(process, bootstrap);
        broker.awaitReady(timeout);
        return broker;
    }

    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue());
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            waitBriefly(process);
        }
        throw new IllegalStateException("Kafka broker not ready at " + bootstrap + " within " + timeout, last);
    }

    /** Waits on the process itself (returns early if it dies), as the pause between readiness probes. */
    static void waitBriefly(Process process) {
        try {
            process.waitFor(250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the broker like a crash (SIGKILL), for fault tests. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the broker cleanly (SIGTERM: Kafka's own shutdown hook runs). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Child-JVM entry point: {@code dataDir port controllerPort}. Formats the storage once, then runs Kafka. */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDir = dataDir.resolve("kraft-logs");
        Properties props = serverProperties(logDir, port, controllerPort);
        Path propsFile = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(propsFile)) {
            props.store(w, "written by gov.keyproject.devstack.KafkaBroker");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId(dataDir))
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(Set.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        }
        kafka.Kafka.main(new String[]{propsFile.toString()});
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster-id");
        if (!Files.exists(file)) {
            Files.writeString(file, org.apache.kafka.common.Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Event topics keep their history: no time-based deletion.
        p.setProperty("log.retention.hours", "-1");
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.flush.interval.messages", "10000");
        return p;
    }
}
