package dev.shortener.analytics.lifecycle;

import dev.shortener.analytics.delivery.BatchingClickSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An internal Lambda extension (a thread of the runtime process) that flushes clicks after the response. Lambda's
 * Extensions API: an extension subscribed to INVOKE gets each invocation's event and the environment is frozen only
 * once the runtime <em>and</em> every extension have called {@code event/next} again; the caller has the response
 * as soon as the runtime posted it, and the time after is billed as {@code PostRuntimeExtensionsDuration}. So the
 * handler no longer waits for Firehose: this thread waits for the handler to end, has the sink deliver (or give up)
 * what it holds, and only then asks for the next event.
 *
 * <p>From the Extensions API reference: an extension registers with {@code POST /2020-01-01/extension/register},
 * header {@code Lambda-Extension-Name}, body {@code {"events":[...]}}, and sends the {@code
 * Lambda-Extension-Identifier} it gets back on every {@code event/next}; an internal one must register before the
 * runtime's first {@code /runtime/invocation/next} (init ends then). Internal extensions may subscribe to INVOKE but
 * not to SHUTDOWN ({@code ShutdownEventNotSupportedForInternalExtension}); a registered extension still makes
 * Lambda send SIGTERM before shutdown, which runs {@link ShutdownFlush}'s hook. The INVOKE event carries {@code
 * deadlineMs}, the function timeout as epoch milliseconds: the flush ends before it, whatever its budget.
 */
public final class LambdaExtension {

    public static final String RUNTIME_API_ENV = "AWS_LAMBDA_RUNTIME_API";
    static final String NAME = "click-flush";
    private static final String API = "/2020-01-01/extension";
    /** Leaves the runtime this much of the invocation's time after the flush. */
    static final long DEADLINE_MARGIN_MS = 50;

    private static final Pattern EVENT_TYPE = Pattern.compile("\"eventType\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern DEADLINE = Pattern.compile("\"deadlineMs\"\\s*:\\s*(\\d+)");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String runtimeApi;
    private final BatchingClickSink sink;
    private final Duration budget;

    LambdaExtension(String runtimeApi, BatchingClickSink sink, Duration budget) {
        this.runtimeApi = runtimeApi;
        this.sink = sink;
        this.budget = budget;
    }

    /**
     * Registers when running in Lambda and switches the sink to flushing after the response. Returns the extension
     * id, or empty outside Lambda ({@code runtimeApi} unset); throws when Lambda refused (the sink then keeps
     * flushing inside the invocation; the caller logs it).
     */
    public static Optional<String> registerIfInLambda(String runtimeApi, BatchingClickSink sink, Duration budget)
            throws IOException {
        if (runtimeApi == null || runtimeApi.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new LambdaExtension(runtimeApi.trim(), sink, budget).register());
    }

    String register() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + runtimeApi + API + "/register"))
                .header("Lambda-Extension-Name", NAME)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[\"INVOKE\"]}"))
                .build();
        HttpResponse<String> response = send(request);
        String id = response.headers().firstValue("Lambda-Extension-Identifier").orElse(null);
        if (response.statusCode() != 200 || id == null) {
            throw new IOException("extension registration answered " + response.statusCode() + ": " + response.body());
        }
        // Before the thread starts: the first invocation may end before this thread sees its event.
        sink.flushAfterResponse();
        Thread loop = new Thread(() -> run(id), "lambda-extension-" + NAME);
        loop.setDaemon(true);
        loop.start();
        return id;
    }

    private void run(String id) {
        HttpRequest next = HttpRequest.newBuilder(URI.create("http://" + runtimeApi + API + "/event/next"))
                .header("Lambda-Extension-Identifier", id)
                .GET()
                .build();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                HttpResponse<String> event = send(next);
                if (event.statusCode() != 200 || !"INVOKE".equals(field(EVENT_TYPE, event.body()))) {
                    return; // SHUTDOWN (never sent to an internal extension) or an error: the environment ends
                }
                afterInvocation(event.body());
            }
        } catch (IOException e) {
            // The runtime API is gone: the environment is ending. The shutdown hook does the rest.
        }
    }

    /**
     * The next INVOKE reaches neither this thread nor the runtime before this returns (Lambda delivers it only
     * once both called next), so the sink's post-response work never overlaps the next handler.
     */
    void afterInvocation(String invokeEvent) {
        String deadlineMs = field(DEADLINE, invokeEvent);
        long functionDeadline = deadlineMs == null
                ? Long.MAX_VALUE
                : System.nanoTime()
                        + TimeUnit.MILLISECONDS.toNanos(Math.max(
                                0, Long.parseLong(deadlineMs) - System.currentTimeMillis() - DEADLINE_MARGIN_MS));
        try {
            if (!sink.awaitInvocationEnd(functionDeadline)) {
                // The handler is about to overrun the timeout, after which Lambda resets the environment: what is
                // pending would vanish without a line. A handler that still ends in time leaves at most the clicks
                // it records from now on, which the next invocation's flush takes.
                sink.giveUpPending();
                return;
            }
            // The budget starts when the handler ends, and never runs past the function's timeout.
            sink.settleBeforeNext(Math.min(System.nanoTime() + budget.toNanos(), functionDeadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String field(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        return m.find() ? m.group(1) : null;
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
