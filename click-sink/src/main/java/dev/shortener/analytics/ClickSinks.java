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
import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the Lambda click sink (batched, to Firehose) of an execution environment from its settings. The redirect
 * function's wiring calls {@link #fromEnvironment} once, at init. A missing or malformed variable fails fast with
 * a {@link ConfigException} naming it. The local runner builds its own sink; nothing here writes files.
 */
public final class ClickSinks {

    /** The Firehose delivery stream's name. */
    public static final String STREAM_NAME = "CLICK_STREAM_NAME";
    /** Optional Firehose endpoint override (LocalStack, a test endpoint). */
    public static final String FIREHOSE_ENDPOINT = "FIREHOSE_ENDPOINT";
    /** Set by Lambda. */
    public static final String AWS_REGION = "AWS_REGION";
    /** At least 16 bytes; the daily visitor-id salts derive from it. */
    public static final String VISITOR_SECRET = "CLICK_VISITOR_SECRET";
    /** {@code gzip} (default; the stream must not compress again) or {@code ndjson}. */
    public static final String RECORD_ENCODING = "CLICK_RECORD_ENCODING";
    /** Optional, milliseconds: the oldest a buffered click gets before it is sent (default 1000). */
    public static final String MAX_BUFFER_AGE_MS = "CLICK_MAX_BUFFER_AGE_MS";
    /** Optional, milliseconds: hold clicks across invocations only while they come this often (default 1000). */
    public static final String HOLD_IF_NEXT_WITHIN_MS = "CLICK_HOLD_IF_NEXT_WITHIN_MS";

    /**
     * Optional, milliseconds: how long the Lambda extension holds the environment after a response to deliver a
     * lone invocation's clicks (default 1000; billed, never waited for by the caller; always cut at the timeout).
     */
    public static final String AFTER_RESPONSE_BUDGET_MS = "CLICK_AFTER_RESPONSE_BUDGET_MS";

    static final long DEFAULT_AFTER_RESPONSE_BUDGET_MS = 1000;

    /** Both millisecond tunables stay within a minute, so a buffered click is never held longer than that. */
    static final long MAX_MILLIS = 60_000;

    private ClickSinks() {}

    /**
     * The Firehose sink, its flusher started and its shutdown flush installed.
     *
     * @param log     the function's log, for undelivered clicks and the shutdown flush
     * @param metrics the function's metric writer, for the delivery counters
     *
     * @throws ConfigException naming the variable that is missing or malformed
     */
    public static ClickSink fromEnvironment(Environment env, StructuredLog log, EmfMetrics metrics) {
        String stream = env.required(STREAM_NAME, "the name of the Firehose delivery stream that clicks go to");
        ClickEvents events = events(env);
        Region region = Region.of(env.required(AWS_REGION, "the AWS region (Lambda sets it; set it elsewhere)"));
        var endpoint = env.url(FIREHOSE_ENDPOINT, Set.of("http", "https"), "http://127.0.0.1:4566");
        SinkSettings settings = settings(env);
        var delivery = new DeliveryMetrics(
                metrics, System.out, settings.metricsInterval().toMillis());
        var sender = new FirehoseRecordSender(FirehoseClients.forFunction(region, endpoint.orElse(null)), stream);
        var sink = new BatchingClickSink(events, sender, settings, delivery, new UndeliveredLog(log));
        ShutdownFlush.install(
                sink,
                env.optional(LambdaExtension.RUNTIME_API_ENV).orElse(null),
                env.millis(AFTER_RESPONSE_BUDGET_MS, DEFAULT_AFTER_RESPONSE_BUDGET_MS, 0, MAX_MILLIS),
                log);
        return sink;
    }

    /** The batching tunables, over {@link SinkSettings#defaults()}. */
    static SinkSettings settings(Environment env) {
        SinkSettings defaults = SinkSettings.defaults();
        return defaults.withEncoding(env.choice(RECORD_ENCODING, RecordEncoding.class, defaults.encoding()))
                .withMaxBufferAge(
                        env.millis(MAX_BUFFER_AGE_MS, defaults.maxBufferAge().toMillis(), 0, MAX_MILLIS))
                .withHoldIfNextWithin(env.millis(
                        HOLD_IF_NEXT_WITHIN_MS, defaults.holdIfNextWithin().toMillis(), 0, MAX_MILLIS));
    }

    private static ClickEvents events(Environment env) {
        String secret = env.required(VISITOR_SECRET, "a secret of at least 16 bytes for the daily visitor-id salts");
        try {
            return new ClickEvents(secret.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException tooShort) {
            throw Environment.invalid(VISITOR_SECRET, "is too short: " + tooShort.getMessage() + ".");
        }
    }
}
