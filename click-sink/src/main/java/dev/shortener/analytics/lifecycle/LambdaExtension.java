package dev.shortener.analytics.lifecycle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Registers an internal Lambda extension through the Extensions API, for one reason: Lambda sends the runtime
 * SIGTERM before shutting an environment down (and gives it ~500 ms) only when an extension is registered.
 * Without one the process is killed outright and a JVM shutdown hook never runs; with one, the hook that flushes
 * the click buffer does.
 *
 * <p>Internal extensions may not subscribe to SHUTDOWN (Lambda answers
 * {@code ShutdownEventNotSupportedForInternalExtension}), so it asks for no events at all, falling back to INVOKE
 * if an empty list is refused. It must register during init, before the runtime asks for its first event, and
 * must then call {@code event/next} (Lambda waits for every extension's first call before init completes); a
 * daemon thread keeps that call open. Outside Lambda ({@code AWS_LAMBDA_RUNTIME_API} unset) it does nothing.
 */
public final class LambdaExtension {

    public static final String RUNTIME_API_ENV = "AWS_LAMBDA_RUNTIME_API";
    static final String NAME = "click-flush";
    private static final String API = "/2020-01-01/extension";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String runtimeApi;

    LambdaExtension(String runtimeApi) {
        this.runtimeApi = runtimeApi;
    }

    /**
     * Registers when running in Lambda. Returns the extension id, or empty outside Lambda or when registration
     * failed (clicks are then flushed only before each freeze; the caller logs it).
     */
    public static Optional<String> registerIfInLambda(String runtimeApi) throws IOException {
        if (runtimeApi == null || runtimeApi.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LambdaExtension(runtimeApi.trim()).register());
    }

    String register() throws IOException {
        HttpResponse<String> response = post("{\"events\":[]}");
        if (response.statusCode() >= 400 && response.statusCode() < 500) {
            response = post("{\"events\":[\"INVOKE\"]}");
        }
        String id = response.headers().firstValue("Lambda-Extension-Identifier").orElse(null);
        if (response.statusCode() != 200 || id == null) {
            throw new IOException("extension registration answered " + response.statusCode() + ": " + response.body());
        }
        Thread waiter = new Thread(() -> awaitEvents(id), "lambda-extension-" + NAME);
        waiter.setDaemon(true);
        waiter.start();
        return id;
    }

    private HttpResponse<String> post(String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + runtimeApi + API + "/register"))
                .header("Lambda-Extension-Name", NAME)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    /** Keeps a next call open; with no events it simply blocks until the environment ends. */
    private void awaitEvents(String id) {
        HttpRequest next = HttpRequest.newBuilder(URI.create("http://" + runtimeApi + API + "/event/next"))
                .header("Lambda-Extension-Identifier", id)
                .GET()
                .build();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                HttpResponse<String> event = send(next);
                if (event.statusCode() != 200 || event.body().contains("\"SHUTDOWN\"")) {
                    return;
                }
            }
        } catch (IOException e) {
            // The runtime API is gone: the environment is ending. The shutdown hook does the rest.
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
