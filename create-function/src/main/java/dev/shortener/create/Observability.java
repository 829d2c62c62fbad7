package dev.shortener.create;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Log lines and metrics. A metric is a field of a JSON log line in CloudWatch's Embedded Metric Format, so one line
 * both tells what happened and counts it (alarms on the metric, Logs Insights on the line), with no extra call.
 * No raw IP address or API key is ever written.
 */
final class Observability implements OperationalEvents {

    private final StructuredLog log;
    private final EmfMetrics metrics;

    Observability(StructuredLog log, EmfMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void rateLimiterFailedOpen(String scope, boolean breakerOpened) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("scope", scope);
        about.put("breaker_opened", breakerOpened);
        counted(
                breakerOpened ? StructuredLog.Level.WARN : StructuredLog.Level.INFO,
                "RateLimiterFailedOpen",
                "rate limiter unreachable: request let through (failing open)",
                about);
    }

    @Override
    public void cacheInvalidationFailed(String code) {
        counted(
                StructuredLog.Level.ERROR,
                "CacheInvalidationFailed",
                "redirect cache entry not deleted after a change; it expires by its TTL",
                Map.of("code", code));
    }

    @Override
    public void idempotencyCompletionFailed(String code) {
        counted(
                StructuredLog.Level.WARN,
                "IdempotencyCompletionFailed",
                "link created but its idempotency record not completed",
                Map.of("code", code));
    }

    /**
     * A line that counts one of {@code name} and says what happened. The domain reports these events from deep
     * inside a request, where no Lambda context is at hand, so the line carries none.
     */
    private void counted(StructuredLog.Level level, String name, String message, Map<String, ?> about) {
        Map<String, Object> fields = metric(name);
        fields.putAll(about);
        log.outsideInvocation(level, message, fields);
    }

    void request(Context context, boolean cold, String method, String path, int status, long millis) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("path", path.length() > 200 ? path.substring(0, 200) : path);
        fields.put("status", status);
        fields.put("duration_ms", millis);
        log.info("request", context, cold, fields);
    }

    void unexpected(Context context, boolean cold, Throwable failure, boolean outage) {
        Map<String, Object> fields = metric(outage ? "DependencyFailure" : "UnexpectedError");
        fields.put("error", failure.getClass().getName());
        // Internal only: SDK and Jedis messages name the operation and status, never credentials.
        fields.put("error_message", String.valueOf(failure.getMessage()));
        log.error(outage ? "dependency failed" : "unexpected error", context, cold, fields);
    }

    void lifecycle(String message, Map<String, ?> fields) {
        log.outsideInvocation(StructuredLog.Level.INFO, message, fields);
    }

    void lifecycleProblem(String message, Throwable failure) {
        log.outsideInvocation(
                StructuredLog.Level.WARN,
                message,
                Map.of("error", failure.getClass().getName(), "error_message", String.valueOf(failure.getMessage())));
    }

    /** The fields that make a log line count one of {@code name} in CloudWatch. */
    private Map<String, Object> metric(String name) {
        return new LinkedHashMap<>(metrics.count(name));
    }
}
