package dev.shortener.localservers.lambda;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BiFunction;

/**
 * What the Java runtime interface client does with a handler: {@code GET /runtime/invocation/next}, call the
 * handler with the event and a context built from the invocation's headers (request id, deadline, function), {@code
 * POST} the response (or, when the handler throws, an invocation error); again, until the Runtime API goes away.
 * The handler maps event JSON to response JSON.
 */
public final class RuntimeLoop implements Runnable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String runtimeApi;
    private final BiFunction<String, InvocationContext, String> handler;

    public RuntimeLoop(String runtimeApi, BiFunction<String, InvocationContext, String> handler) {
        this.runtimeApi = runtimeApi;
        this.handler = handler;
    }

    /** Starts the loop on a daemon thread named like the runtime's main thread. */
    public static Thread start(String runtimeApi, BiFunction<String, InvocationContext, String> handler) {
        Thread thread = new Thread(new RuntimeLoop(runtimeApi, handler), "lambda-runtime");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        String base = "http://" + runtimeApi + "/2020-01-01/runtime/invocation/";
        try {
            while (!Thread.currentThread().isInterrupted()) {
                HttpResponse<String> next = http.send(
                        HttpRequest.newBuilder(URI.create(base + "next")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (next.statusCode() != 200) {
                    return;
                }
                String requestId = next.headers()
                        .firstValue("Lambda-Runtime-Aws-Request-Id")
                        .orElseThrow();
                var context = new InvocationContext(
                        functionName(next.headers()
                                .firstValue("Lambda-Runtime-Invoked-Function-Arn")
                                .orElse("")),
                        requestId,
                        next.headers()
                                .firstValue("Lambda-Runtime-Deadline-Ms")
                                .map(Long::parseLong)
                                .orElseThrow());
                String outcome;
                String body;
                try {
                    body = handler.apply(next.body(), context);
                    outcome = "/response";
                } catch (RuntimeException e) {
                    body = "{\"errorType\":\"" + e.getClass().getSimpleName() + "\"}";
                    outcome = "/error";
                }
                http.send(
                        HttpRequest.newBuilder(URI.create(base + requestId + outcome))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            // The Runtime API is gone: the environment has ended.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code arn:aws:lambda:region:account:function:NAME[:qualifier]} to NAME. */
    private static String functionName(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 6 ? parts[6] : arn;
    }
}
