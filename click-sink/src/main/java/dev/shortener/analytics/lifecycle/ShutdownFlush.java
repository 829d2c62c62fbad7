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

    /** Installs the hook, and registers the extension when {@code runtimeApi} says this is Lambda. */
    public static void install(BatchingClickSink sink, String runtimeApi, StructuredLog log) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sink.shutdown(BUDGET), "click-shutdown-flush"));
        try {
            LambdaExtension.registerIfInLambda(runtimeApi);
        } catch (IOException | RuntimeException e) {
            // Not fatal: clicks are still flushed before freezes; only the flush at shutdown is lost.
            log.outsideInvocation(
                    StructuredLog.Level.WARN,
                    "click_extension_not_registered",
                    Map.of("error", e.getClass().getSimpleName(), "detail", String.valueOf(e.getMessage())));
        }
    }
}
