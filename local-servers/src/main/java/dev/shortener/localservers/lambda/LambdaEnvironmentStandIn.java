package dev.shortener.localservers.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lambda execution environment's Runtime API and Extensions API on loopback, over real HTTP: extensions
 * register during init, the runtime and each extension long-poll their {@code next}, the runtime posts each
 * response. As in Lambda, an invocation is delivered to the runtime and to every extension at once, the caller
 * gets the response as soon as the runtime posts it, and the environment freezes (and may get the next
 * invocation) only once the runtime and every extension have called {@code next} again. Registration is refused
 * once the runtime has asked for its first invocation (init is over), as Lambda refuses it.
 *
 * <p>Per invocation it records when the caller got its response and when the environment could freeze, on
 * {@link System#nanoTime()}, so a test can put them in order with what other servers saw.
 */
public final class LambdaEnvironmentStandIn implements AutoCloseable {

    private static final String RUNTIME = "/2020-01-01/runtime/invocation/";
    private static final String EXTENSION = "/2020-01-01/extension/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Duration timeout;
    private final List<Participant> extensions = new ArrayList<>();
    private final Participant runtime = new Participant("runtime");
    private final List<Invocation> invocations = new ArrayList<>();
    private boolean initDone;
    private boolean refuseRegistration;
    private boolean closed;

    /** @param timeout the function timeout: each INVOKE's deadline is this far after its delivery */
    public LambdaEnvironmentStandIn(Duration timeout) {
        this.timeout = timeout;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext(RUNTIME, this::runtimeApi);
        server.createContext(EXTENSION, this::extensionApi);
        server.start();
    }

    /** The value Lambda puts in {@code AWS_LAMBDA_RUNTIME_API}. */
    public String runtimeApi() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, registration answers 403 (an environment where no extension may register). */
    public synchronized void refuseRegistration() {
        refuseRegistration = true;
    }

    /** Extensions registered so far. */
    public synchronized int extensionCount() {
        return extensions.size();
    }

    /**
     * Waits until the environment is idle (init done, or the previous invocation frozen), then delivers {@code
     * event}. The returned invocation's {@link Invocation#response()} completes when the runtime posts.
     */
    public Invocation invoke(String event) throws InterruptedException, TimeoutException {
        synchronized (this) {
            long until = System.nanoTime() + timeout.toNanos() * 4;
            while (!closed && !(initDone && allWaiting())) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the environment did not become idle: " + state());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            var invocation = new Invocation(
                    "req-" + (invocations.size() + 1), event, System.currentTimeMillis() + timeout.toMillis());
            invocations.add(invocation);
            notifyAll();
            return invocation;
        }
    }

    /**
     * {@link #invoke}s {@code event} and waits until the environment could freeze after it (the function timeout
     * and ten seconds at the most, for each of the response and the freeze).
     */
    public Invocation serve(String event) throws InterruptedException, TimeoutException, ExecutionException {
        Invocation invocation = invoke(event);
        long bound = timeout.toMillis() + 10_000;
        invocation.response().get(bound, TimeUnit.MILLISECONDS);
        invocation.frozen().get(bound, TimeUnit.MILLISECONDS);
        return invocation;
    }

    /** Every invocation so far, oldest first. */
    public synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    private boolean allWaiting() {
        if (!runtime.waiting) {
            return false;
        }
        for (Participant extension : extensions) {
            if (!extension.waiting) {
                return false;
            }
        }
        return true;
    }

    private String state() {
        StringBuilder s = new StringBuilder("init done " + initDone + ", runtime waiting " + runtime.waiting);
        for (Participant extension : extensions) {
            s.append(", ").append(extension.name).append(" waiting ").append(extension.waiting);
        }
        return s.toString();
    }

    /** A participant asked for its next event: maybe the environment now freezes; then waits for the next one. */
    private Invocation next(Participant who) throws InterruptedException {
        synchronized (this) {
            who.waiting = true;
            if (who == runtime) {
                initDone = true;
            }
            if (!invocations.isEmpty() && allWaiting()) {
                invocations.get(invocations.size() - 1).frozen.complete(System.nanoTime());
            }
            notifyAll();
            while (!closed && who.seen >= invocations.size()) {
                wait();
            }
            who.waiting = false;
            if (closed) {
                return null;
            }
            return invocations.get(who.seen++);
        }
    }

    private void runtimeApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(RUNTIME.length());
        try {
            if (path.equals("next") && "GET".equals(exchange.getRequestMethod())) {
                Invocation invocation = next(runtime);
                if (invocation == null) {
                    answer(exchange, 500, "{\"errorType\":\"Shutdown\"}");
                    return;
                }
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs));
                exchange.getResponseHeaders()
                        .set(
                                "Lambda-Runtime-Invoked-Function-Arn",
                                "arn:aws:lambda:us-east-1:000000000000:function:stand-in");
                answer(exchange, 200, invocation.event);
                return;
            }
            String[] parts = path.split("/");
            if (parts.length == 2 && (parts[1].equals("response") || parts[1].equals("error"))) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Invocation invocation = byId(parts[0]);
                answer(exchange, invocation == null ? 400 : 202, "{\"status\":\"OK\"}");
                if (invocation != null) {
                    invocation.respondedAt = System.nanoTime();
                    invocation.response.complete(parts[1].equals("error") ? "ERROR " + body : body);
                }
                return;
            }
            answer(exchange, 404, "{}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, "{}");
        }
    }

    private void extensionApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(EXTENSION.length());
        try {
            if (path.equals("register") && "POST".equals(exchange.getRequestMethod())) {
                String events = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String name = exchange.getRequestHeaders().getFirst("Lambda-Extension-Name");
                Participant registered = register(name, events);
                if (registered == null) {
                    answer(exchange, 403, "{\"errorType\":\"Extension.RegistrationRefused\"}");
                    return;
                }
                exchange.getResponseHeaders().set("Lambda-Extension-Identifier", registered.name);
                answer(exchange, 200, "{\"functionName\":\"stand-in\",\"functionVersion\":\"$LATEST\"}");
                return;
            }
            if (path.equals("event/next") && "GET".equals(exchange.getRequestMethod())) {
                Participant who = extension(exchange.getRequestHeaders().getFirst("Lambda-Extension-Identifier"));
                if (who == null) {
                    answer(exchange, 403, "{\"errorType\":\"Extension.InvalidExtensionIdentifier\"}");
                    return;
                }
                Invocation invocation = next(who);
                if (invocation == null) {
                    answer(exchange, 200, "{\"eventType\":\"SHUTDOWN\",\"shutdownReason\":\"spindown\"}");
                    return;
                }
                answer(
                        exchange,
                        200,
                        "{\"eventType\":\"INVOKE\",\"deadlineMs\":" + invocation.deadlineMs + ",\"requestId\":\""
                                + invocation.requestId + "\"}");
                return;
            }
            answer(exchange, 404, "{}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, "{}");
        }
    }

    private synchronized Participant register(String name, String events) {
        // Lambda refuses registration after init, and SHUTDOWN for an internal extension; this stand-in treats
        // every extension as internal (it runs in the function's process).
        if (initDone || refuseRegistration || name == null || events.contains("SHUTDOWN")) {
            return null;
        }
        var participant = new Participant(name + "-" + (extensions.size() + 1));
        extensions.add(participant);
        return participant;
    }

    private synchronized Participant extension(String id) {
        for (Participant extension : extensions) {
            if (extension.name.equals(id)) {
                return extension;
            }
        }
        return null;
    }

    private synchronized Invocation byId(String requestId) {
        for (Invocation invocation : invocations) {
            if (invocation.requestId.equals(requestId)) {
                return invocation;
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }

    private static final class Participant {
        final String name;
        boolean waiting;
        int seen;

        Participant(String name) {
            this.name = name;
        }
    }

    /** One invocation: what the caller got and when, and when the environment could freeze after it. */
    public static final class Invocation {
        final String requestId;
        final String event;
        final long deadlineMs;
        final CompletableFuture<String> response = new CompletableFuture<>();
        final CompletableFuture<Long> frozen = new CompletableFuture<>();
        volatile long respondedAt;

        Invocation(String requestId, String event, long deadlineMs) {
            this.requestId = requestId;
            this.event = event;
            this.deadlineMs = deadlineMs;
        }

        public String requestId() {
            return requestId;
        }

        /** Completes with the body the runtime posted (prefixed {@code ERROR } for an invocation error). */
        public CompletableFuture<String> response() {
            return response;
        }

        /** {@link System#nanoTime()} when the runtime posted the response (the caller got it). */
        public long respondedAtNanos() {
            return respondedAt;
        }

        /** Completes with the {@link System#nanoTime()} at which the runtime and every extension were in next. */
        public CompletableFuture<Long> frozen() {
            return frozen;
        }
    }
}
