package dev.shortener.localservers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A redis-server on a loopback port, run by this JVM. It can be stopped and restarted on the same port,
 * so tests can take Redis away in the middle of a run and bring it back.
 *
 * <p>redis-server does not watch its stdin, so it runs under a small {@code sh} watchdog whose stdin is
 * a pipe held only by this JVM: when the pipe closes (by {@link #stop()}, or because the JVM died, even
 * by SIGKILL) the watchdog kills redis-server and exits.
 */
public final class RedisProcess implements AutoCloseable {

    /**
     * {@code $0} is redis-server and {@code "$@"} its arguments. The JVM's pipe is kept as fd 3 because
     * a non-interactive sh gives background jobs /dev/null as stdin, which would end {@code cat} at once.
     */
    private static final String WATCHDOG = "exec 3<&0\n"
            + "\"$0\" \"$@\" 0</dev/null 3<&- &\n"
            + "r=$!\n"
            + "(cat <&3 >/dev/null; kill $r 2>/dev/null) &\n"
            + "exec 3<&-\n"
            + "wait $r\n";

    private static final String READY_LINE = "Ready to accept connections";
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path binary;
    private final int port;
    private Process process;
    private boolean closed;

    private RedisProcess(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /**
     * Starts redis-server on a free loopback port, without persistence.
     *
     * @throws LocalServerException when no redis-server can be found or started
     */
    public static RedisProcess start() {
        Path binary = RedisBinary.locate();
        List<String> failures = new ArrayList<>();
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            RedisProcess redis = new RedisProcess(binary, freePort());
            try {
                redis.launch();
                return redis;
            } catch (PortTakenException e) {
                failures.add(e.getMessage()); // another process took the port between choosing and binding
            }
        }
        throw new LocalServerException(
                "redis-server found no free port in " + PORT_ATTEMPTS + " attempts: " + failures);
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops the server and waits until it is gone; the port is kept for {@link #restart()}. */
    public synchronized void stop() {
        if (process != null) {
            Process running = process;
            process = null;
            ChildProcesses.stop(running, STOP_GRACE);
        }
    }

    /**
     * Starts the server again on the same port (stopping it first if it runs). The data is gone, as with
     * a real Redis restarted without persistence.
     *
     * @throws LocalServerException when the port has been taken by another process meanwhile
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("This RedisProcess is closed; start a new one.");
        }
        stop();
        launch();
    }

    /** Stops the server for good. Safe to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    /** The watchdog shell, or null when stopped; tests check it and its descendants are gone. */
    synchronized ProcessHandle processHandle() {
        return process == null ? null : process.toHandle();
    }

    private void launch() {
        List<String> command = List.of(
                "sh",
                "-c",
                WATCHDOG,
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--protected-mode",
                "yes",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no");
        Process started;
        try {
            started = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new LocalServerException(
                    "Could not run 'sh' to start redis-server " + binary + ": " + e
                            + ". A POSIX shell is needed; or set REDIS_URL.",
                    e);
        }
        // Both: the log line proves that our server bound the port (not some other process on it), and
        // the PING that it serves requests.
        AtomicBoolean bound = new AtomicBoolean();
        OutputTail output = OutputTail.drain(started.getInputStream(), "redis-server-output", line -> {
            if (line.contains(READY_LINE)) {
                bound.set(true);
            }
        });
        try {
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && started.isAlive()) {
                if (bound.get() && RedisPing.answers(port, 500)) {
                    process = started;
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process != started) {
                ChildProcesses.stop(started, Duration.ofSeconds(2));
            }
        }
        String text = output.finalText();
        if (text.contains("Address already in use")) {
            throw new PortTakenException(
                    "redis-server could not bind 127.0.0.1:" + port + ": another process uses that port");
        }
        throw new LocalServerException("redis-server " + binary + " exited, or did not answer PING on port "
                + port + " within " + STARTUP_TIMEOUT.toSeconds() + " s. Its output:\n" + text
                + "\n(Set " + RedisBinary.ENV_VARIABLE + " to another redis-server, or set REDIS_URL.)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalServerException("No free loopback port for redis-server: " + e, e);
        }
    }

    private static final class PortTakenException extends LocalServerException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
