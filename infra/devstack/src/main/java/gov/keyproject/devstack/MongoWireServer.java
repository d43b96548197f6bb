package gov.keyproject.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server on the JVM (mongo-java-server), reached over TCP through the official driver,
 * for machines without a MongoDB server. Persistent (H2 file) for the local stack, in memory for tests.
 * It has no multi-document transactions: nothing in the services relies on them.
 */
public final class MongoWireServer {

    private final MongoServer server;
    private final String uri;

    private MongoWireServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.uri = "mongodb://127.0.0.1:" + address.getPort();
    }

    public static MongoWireServer inMemory(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, server.getLocalAddress());
    }

    public static MongoWireServer persistent(Path file, int port) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MongoServer server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, server.getLocalAddress());
    }

    /** Starts a server in a child JVM (its own heap and GC, away from a load generator) and waits until it answers. */
    public static Process startProcess(String file, int port, String heap, Path log) throws java.io.IOException {
        Process process = new ProcessBuilder(KafkaBroker.javaExecutable(), "-Xms" + heap, "-Xmx" + heap,
                "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), MongoWireServer.class.getName(),
                file, Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (java.time.Instant.now().isBefore(deadline) && process.isAlive()) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (java.io.IOException e) {
                KafkaBroker.waitBriefly(process);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("MongoDB-protocol server did not start on port " + port + "; see " + log);
    }

    public String uri() {
        return uri;
    }

    public void stop() {
        server.shutdownNow();
    }

    /** Child-JVM entry point: {@code file port} (file {@code memory}: in memory). Stops cleanly on SIGTERM. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        MongoWireServer server = "memory".equals(args[0]) ? inMemory(port) : persistent(Path.of(args[0]), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        System.out.println("MongoDB wire-protocol server listening on " + server.uri());
        stopped.await();
    }
}
