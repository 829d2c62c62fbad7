package dev.shortener.analytics.lifecycle;

import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.http.StructuredLog;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Flushes a sink's buffer when the environment shuts down: a JVM shutdown hook (which runs on SIGTERM) plus the
 * extension registration that makes Lambda send SIGTERM at all. Lambda allows the runtime ~500 ms after SIGTERM
 * when only internal extensions are registered; the flush gets most of it.
 */
public final class ShutdownFlush {

    /** Leaves ~100 ms of Lambda's 500 ms for the JVM to print and exit. */
    public static final Duration BUDGET = Duration.ofMillis(400);

    private ShutdownFlush() {}

    /**
     * Installs the hook and, when {@code runtimeApi} says this is Lambda, registers the extension that flushes
     * clicks after each response within {@code afterResponseBudget}. Where no extension registers, the handler
     * keeps waiting for the hand-off inside the invocation; that is logged once, here.
     */
    public static void install(
            BatchingClickSink sink, String runtimeApi, Duration afterResponseBudget, StructuredLog log) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sink.shutdown(BUDGET), "click-shutdown-flush"));
        try {
            if (LambdaExtension.registerIfInLambda(runtimeApi, sink, afterResponseBudget)
                    .isEmpty()) {
                log.outsideInvocation(
                        StructuredLog.Level.INFO,
                        "click_flush_in_invocation",
                        Map.of("reason", "no Lambda runtime API (" + LambdaExtension.RUNTIME_API_ENV + " unset)"));
            }
        } catch (IOException | RuntimeException e) {
            // Not fatal: clicks are then flushed inside each invocation, before it returns, as without Lambda.
            log.outsideInvocation(
                    StructuredLog.Level.WARN,
                    "click_flush_in_invocation",
                    Map.of(
                            "reason", "extension not registered",
                            "error", e.getClass().getSimpleName(),
                            "detail", String.valueOf(e.getMessage())));
        }
    }
}
