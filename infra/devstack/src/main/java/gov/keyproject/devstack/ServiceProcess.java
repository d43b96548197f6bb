package gov.keyproject.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service as its own OS process (java -jar its exec jar), with readiness from its actuator endpoint. */
public final class ServiceProcess {

    /** The services in start order, with the variable that sets each one's port and its default port. */
    public enum Service {
        PROJECT_REGISTRY("project-registry", "REGISTRY_PORT", 8081),
        INVESTMENT_STATISTICS("investment-statistics", "STATISTICS_PORT", 8082),
        INVESTMENT_PROMOTION("investment-promotion", "PROMOTION_PORT", 8083),
        ASSESSMENT("assessment", "ASSESSMENT_PORT", 8084),
        CONSOLE("console", "CONSOLE_PORT", 8080);

        public final String id;
        public final String portVariable;
        public final int defaultPort;

        Service(String id, String portVariable, int defaultPort) {
            this.id = id;
            this.portVariable = portVariable;
            this.defaultPort = defaultPort;
        }

        public Path jar(Path root) {
            return root.resolve("services").resolve(id).resolve("target").resolve(id + "-exec.jar");
        }
    }

    private final Service service;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Service service, Process process, int port, Path log) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service's jar with {@code env} added to this process's environment; does not wait. */
    public static ServiceProcess start(Path root, Service service, int port, Map<String, String> env, Path log)
            throws IOException {
        Path jar = service.jar(root);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.javaExecutable());
        String opts = env.getOrDefault("SERVICE_JAVA_OPTS", System.getenv().getOrDefault("SERVICE_JAVA_OPTS",
                "-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"));
        command.addAll(List.of(opts.trim().split("\\s+")));
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put(service.portVariable, Integer.toString(port));
        return new ServiceProcess(service, pb.start(), port, log);
    }

    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.id + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            KafkaBroker.waitBriefly(process);
        }
        throw new IllegalStateException(service.id + " not ready within " + timeout + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: the process dies wherever it is, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM: Spring's graceful shutdown runs. */
    public void stop() {
        process.destroy();
        if (!waitFor(30)) {
            process.destroyForcibly();
            waitFor(10);
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
