package gov.keyproject.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy in front of the test store that can be frozen: connections stay open and new ones are still accepted
 * (as the kernel of a stalled server would), but no byte is forwarded in either direction until it is thawed. Bytes
 * read while frozen are held and forwarded after the thaw, as a stalled server would process them late. Its
 * daemon threads live until the JVM exits: the application context using it outlives the test class's callbacks.
 */
final class FreezableTcpProxy {

    private final ServerSocket server;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Object lock = new Object();
    private boolean frozen;

    private FreezableTcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop);
    }

    static FreezableTcpProxy to(String host, int port) {
        try {
            return new FreezableTcpProxy(host, port);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    void freeze() {
        synchronized (lock) {
            frozen = true;
        }
    }

    void thaw() {
        synchronized (lock) {
            frozen = false;
            lock.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(upstreamHost, upstreamPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                daemon("proxy-up", () -> pump(client, upstream));
                daemon("proxy-down", () -> pump(upstream, client));
            } catch (IOException e) {
                // one failed connection; keep accepting
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitThawed();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // either side went away: closing both ends (try-with-resources) ends the connection
        }
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (lock) {
            while (frozen) {
                lock.wait();
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }
}
