package dev.shortener.http;

import com.amazonaws.services.lambda.runtime.Context;
import dev.shortener.config.Environment;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JSON log lines in the shape of Powertools' Lambda JSON layout: {@code level}, {@code message},
 * {@code timestamp}, {@code service}, {@code function_request_id}, {@code cold_start}, then the event's own
 * fields. One line per event, so CloudWatch Logs Insights and metric filters can query every field.
 *
 * <p>Callers never pass raw IP addresses or secrets: fields are logged as given.
 */
public final class StructuredLog {

    public enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR;

        /**
         * The level Lambda filters application logs at ({@code AWS_LAMBDA_LOG_LEVEL}, set from the function's
         * {@code ApplicationLogLevel}); DEBUG (everything) when unset.
         */
        static Level fromLambda(String value) {
            if (value == null) {
                return DEBUG;
            }
            return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "INFO" -> INFO;
                case "WARN" -> WARN;
                case "ERROR", "FATAL" -> ERROR;
                default -> DEBUG;
            };
        }
    }

    /** Set by Lambda from the function's {@code ApplicationLogLevel}. */
    public static final String LAMBDA_LOG_LEVEL = "AWS_LAMBDA_LOG_LEVEL";

    private final String service;
    private final PrintStream out;
    private final Level minimum;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    /** Writes every line: what a test captures. */
    public StructuredLog(String service, PrintStream out) {
        this(service, out, Level.DEBUG);
    }

    /**
     * @param minimum lines below it are not even built: Lambda would drop them anyway, after the function paid
     *                for their serialisation
     */
    public StructuredLog(String service, PrintStream out, Level minimum) {
        this.service = Objects.requireNonNull(service, "service");
        this.out = Objects.requireNonNull(out, "out");
        this.minimum = Objects.requireNonNull(minimum, "minimum");
    }

    /** To standard output, at the level Lambda keeps ({@value #LAMBDA_LOG_LEVEL}, which Lambda sets). */
    public StructuredLog(String service) {
        this(
                service,
                System.out,
                Level.fromLambda(Environment.system().optional(LAMBDA_LOG_LEVEL).orElse(null)));
    }

    public boolean enabled(Level level) {
        return level.compareTo(minimum) >= 0;
    }

    /**
     * Marks the start of an invocation.
     *
     * @return true for the first invocation of this execution environment
     */
    public boolean startInvocation() {
        return coldStart.getAndSet(false);
    }

    public void info(String message, Context context, boolean cold, Map<String, ?> fields) {
        write(Level.INFO, message, context, cold, fields);
    }

    public void error(String message, Context context, boolean cold, Map<String, ?> fields) {
        write(Level.ERROR, message, context, cold, fields);
    }

    /** A line outside any invocation (init, shutdown). */
    public void outsideInvocation(Level level, String message, Map<String, ?> fields) {
        write(level, message, null, false, fields);
    }

    public void write(Level level, String message, Context context, boolean cold, Map<String, ?> fields) {
        if (!enabled(level)) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level.name());
        line.put("message", message);
        line.put("timestamp", Instant.now().toString());
        line.put("service", service);
        if (context != null) {
            line.put("function_request_id", context.getAwsRequestId());
            line.put("cold_start", cold);
        }
        line.putAll(fields);
        out.println(Json.write(line));
    }
}
