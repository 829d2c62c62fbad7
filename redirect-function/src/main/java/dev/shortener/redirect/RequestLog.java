package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortener.http.StructuredLog;
import dev.shortener.redirect.cache.CircuitBreaker;
import dev.shortener.redirect.domain.CacheUse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one place an outcome becomes the request's log line: its fields and its level. The names and values here
 * are what dashboards, alarms and the deployment tests read: rename one and they silently change.
 *
 * <p>A plain redirect is logged at DEBUG, which the template's ApplicationLogLevel (INFO) drops, so the line is not
 * even built: one line per redirect would cost more in log ingestion than the function itself. A cold start is
 * INFO, a degraded answer WARN, a failure ERROR; lowering the level to DEBUG shows every request.
 */
final class RequestLog {

    static final String MESSAGE = "request";

    private final StructuredLog log;

    RequestLog(StructuredLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @return true for the first invocation of this execution environment */
    boolean startInvocation() {
        return log.startInvocation();
    }

    void write(
            Context context, boolean cold, RedirectOutcome outcome, CircuitBreaker.State breaker, long latencyMicros) {
        StructuredLog.Level level = level(outcome, cold);
        if (log.enabled(level)) {
            log.write(level, MESSAGE, context, cold, fields(outcome, breaker, latencyMicros));
        }
    }

    static StructuredLog.Level level(RedirectOutcome outcome, boolean cold) {
        if (outcome.answer() == RedirectOutcome.Answer.ERROR) {
            return StructuredLog.Level.ERROR;
        }
        if (outcome.degraded()) {
            return StructuredLog.Level.WARN;
        }
        return cold ? StructuredLog.Level.INFO : StructuredLog.Level.DEBUG;
    }

    static Map<String, Object> fields(RedirectOutcome outcome, CircuitBreaker.State breaker, long latencyMicros) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPresent(fields, "method", outcome.method());
        fields.put("outcome", outcomeName(outcome));
        if (outcome.code() != null) {
            fields.put("code", outcome.code());
            fields.put("preview", outcome.preview());
        }
        if (outcome.query() != null) {
            fields.put("query", outcome.query().name().toLowerCase(Locale.ROOT));
        }
        if (outcome.cache() != null) {
            fields.put("cache", outcome.cache().name().toLowerCase(Locale.ROOT));
        }
        putIfPresent(fields, "cache_error", outcome.cacheError());
        putIfPresent(fields, "dynamodb_error", outcome.storeError());
        switch (outcome.click()) {
            case RECORDED -> fields.put("click", true);
            case REFUSED -> {
                fields.put("click", false);
                fields.put("click_error", outcome.clickError());
            }
            case NONE -> {
                // not a click: no field
            }
        }
        if (outcome.error() != null) {
            fields.put("error_type", outcome.error().getClass().getName());
            fields.put("stack_trace", stackTrace(outcome.error()));
        }
        putIfPresent(fields, "click_flush_error", outcome.clickFlushError());
        fields.put("status", outcome.status());
        fields.put("breaker", breaker.name().toLowerCase(Locale.ROOT));
        fields.put("latency_us", latencyMicros);
        return fields;
    }

    /** The log's {@code outcome}: a followed link says whether Redis answered it ("hit") or the table ("miss"). */
    static String outcomeName(RedirectOutcome outcome) {
        boolean fromCache = outcome.cache() == CacheUse.HIT;
        return switch (outcome.answer()) {
            case REDIRECT, PREVIEW -> fromCache ? "hit" : "miss";
            case NOT_FOUND -> fromCache ? "negative" : "not_found";
            case GONE -> "gone";
            case UNAVAILABLE -> "unavailable";
            case ROOT_REDIRECT -> "root_redirect";
            case ROOT_PAGE -> "root_page";
            case ROBOTS_TXT -> "robots_txt";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case INVALID_CODE -> "invalid_code";
            case ERROR -> "error";
        };
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
