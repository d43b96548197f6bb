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

    public String uri() {
        return uri;
    }

    public void stop() {
        server.shutdownNow();
    }

    /** Child-JVM entry point for the local stack: {@code file port}. Stops cleanly on SIGTERM. */
    public static void main(String[] args) throws Exception {
        MongoWireServer server = persistent(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        System.out.println("MongoDB wire-protocol server listening on " + server.uri());
        stopped.await();
    }
}
