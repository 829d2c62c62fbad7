package dev.shortener.localservers;

import java.util.function.Supplier;

/**
 * One server per JVM, started on first use and stopped by a shutdown hook. A failed start is remembered,
 * so that a missing Node.js costs one attempt per JVM instead of one per test.
 */
public final class SharedServer<T extends AutoCloseable> {

    private final String name;
    private final Supplier<T> starter;
    private T server;
    private LocalServerException failure;

    public SharedServer(String name, Supplier<T> starter) {
        this.name = name;
        this.starter = starter;
    }

    /**
     * The running server.
     *
     * @throws LocalServerException when it could not be started (now or on an earlier call)
     */
    public synchronized T get() {
        if (server == null && failure == null) {
            try {
                server = starter.get();
                Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + name));
            } catch (LocalServerException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new LocalServerException(failure.getMessage(), failure);
        }
        return server;
    }

    private synchronized void stop() {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Could not stop the test " + name + ": " + e);
        }
    }
}
