package dev.shortener.redirect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server that accepts connections and never answers: the worst kind of outage, a dependency that hangs rather
 * than refusing. Only the client's timeouts end a call to it.
 */
final class Blackhole implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private Blackhole(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptForever, "blackhole-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static Blackhole start() {
        try {
            return new Blackhole(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the blackhole", e);
        }
    }

    /** A loopback port nothing listens on: connections to it are refused at once. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort());
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept()); // held open, never read from or written to
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
