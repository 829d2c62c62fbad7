package dev.shortener.analytics;

import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.RecordEncoding;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.analytics.firehose.FirehoseClients;
import dev.shortener.analytics.firehose.FirehoseRecordSender;
import dev.shortener.analytics.lifecycle.LambdaExtension;
import dev.shortener.analytics.lifecycle.ShutdownFlush;
import dev.shortener.analytics.local.LocalClickSink;
import dev.shortener.http.StructuredLog;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the {@link ClickSink} of an execution environment from its environment variables. The redirect
 * function calls {@link #fromEnvironment()} once, at init (its no-arg constructor).
 *
 * <p>Exactly one destination: {@value #STREAM_NAME} (Firehose, batched; in Lambda) or {@value #LOCAL_DIR} (NDJSON
 * files; the local runner). A missing or malformed variable fails fast with its name.
 */
public final class ClickSinks {

    /** The Firehose delivery stream's name. */
    public static final String STREAM_NAME = "CLICK_STREAM_NAME";
    /** A folder for the local sink (the bucket's layout under it). */
    public static final String LOCAL_DIR = "CLICK_LOCAL_DIR";
    /** Optional Firehose endpoint override (LocalStack, a test endpoint). */
    public static final String FIREHOSE_ENDPOINT = "FIREHOSE_ENDPOINT";
    /** Set by Lambda. */
    public static final String AWS_REGION = "AWS_REGION";
    /** At least 16 bytes; the daily visitor-id salts derive from it. Required with a stream. */
    public static final String VISITOR_SECRET = "CLICK_VISITOR_SECRET";
    /** {@code gzip} (default; the stream must not compress again) or {@code ndjson}. */
    public static final String RECORD_ENCODING = "CLICK_RECORD_ENCODING";
    /** Optional, milliseconds: the oldest a buffered click gets before it is sent (default 1000). */
    public static final String MAX_BUFFER_AGE_MS = "CLICK_MAX_BUFFER_AGE_MS";
    /** Optional, milliseconds: hold clicks across invocations only while they come this often (default 1000). */
    public static final String HOLD_IF_NEXT_WITHIN_MS = "CLICK_HOLD_IF_NEXT_WITHIN_MS";
    /** Optional CloudWatch namespace of the delivery metrics (default {@code UrlShortener}). */
    public static final String METRICS_NAMESPACE = "CLICK_METRICS_NAMESPACE";
    /** Optional service name in logs and the metrics' dimension (default {@code redirect}). */
    public static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";

    /** Only for the local runner, where nothing leaves the machine. */
    static final String LOCAL_ONLY_SECRET = "local-development-only-visitor-secret";

    private ClickSinks() {}

    public static ClickSink fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static ClickSink fromEnvironment(Map<String, String> env) {
        String stream = value(env, STREAM_NAME);
        String dir = value(env, LOCAL_DIR);
        if ((stream == null) == (dir == null)) {
            throw new IllegalStateException(
                    "set exactly one of " + STREAM_NAME + " (Firehose) and " + LOCAL_DIR + " (local NDJSON files)");
        }
        if (dir != null) {
            String secret = value(env, VISITOR_SECRET);
            return new LocalClickSink(Path.of(dir), events(secret == null ? LOCAL_ONLY_SECRET : secret));
        }
        String secret = value(env, VISITOR_SECRET);
        if (secret == null) {
            throw new IllegalStateException(VISITOR_SECRET + " is required with " + STREAM_NAME);
        }
        String region = value(env, AWS_REGION);
        if (region == null) {
            throw new IllegalStateException(AWS_REGION + " is not set (Lambda sets it; set it when running elsewhere)");
        }
        String endpoint = value(env, FIREHOSE_ENDPOINT);
        var sender = new FirehoseRecordSender(
                FirehoseClients.forFunction(Region.of(region), endpoint == null ? null : URI.create(endpoint)), stream);
        String service = env.getOrDefault(SERVICE_NAME, "redirect");
        var log = new StructuredLog(service);
        var metrics = new DeliveryMetrics(
                env.getOrDefault(METRICS_NAMESPACE, "UrlShortener"),
                service,
                System.out,
                SinkSettings.defaults().metricsInterval().toMillis());
        var sink = new BatchingClickSink(events(secret), sender, settings(env), metrics, new UndeliveredLog(log));
        ShutdownFlush.install(sink, env.get(LambdaExtension.RUNTIME_API_ENV), log);
        return sink;
    }

    static SinkSettings settings(Map<String, String> env) {
        SinkSettings settings = SinkSettings.defaults();
        String encoding = value(env, RECORD_ENCODING);
        if (encoding != null) {
            try {
                settings = settings.withEncoding(RecordEncoding.valueOf(encoding.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RECORD_ENCODING + " must be gzip or ndjson, not '" + encoding + "'");
            }
        }
        settings = settings.withMaxBufferAge(millis(env, MAX_BUFFER_AGE_MS, settings.maxBufferAge()));
        return settings.withHoldIfNextWithin(millis(env, HOLD_IF_NEXT_WITHIN_MS, settings.holdIfNextWithin()));
    }

    private static ClickEvents events(String secret) {
        try {
            return new ClickEvents(secret.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(VISITOR_SECRET + ": " + e.getMessage());
        }
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(text);
            if (ms < 0 || ms > 60_000) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be milliseconds from 0 to 60000, not '" + text + "'");
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
