package dev.shortener.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.RecordEncoding;
import dev.shortener.analytics.firehose.StoredEvents;
import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickSinksTest {

    static final String SECRET = "a-visitor-secret-of-enough-length";

    @Test
    void aStream_isRequired() {
        var none = assertThrows(ConfigException.class, () -> build(env(Map.of())));
        assertEquals("CLICK_STREAM_NAME", none.variable());
    }

    @Test
    void aStream_needsTheSecretAndARegion() {
        var secret = assertThrows(
                ConfigException.class, () -> build(env(Map.of("CLICK_STREAM_NAME", "s", "AWS_REGION", "us-east-1"))));
        assertEquals("CLICK_VISITOR_SECRET", secret.variable());
        var shortSecret = assertThrows(
                ConfigException.class,
                () -> build(env(
                        Map.of("CLICK_STREAM_NAME", "s", "AWS_REGION", "us-east-1", "CLICK_VISITOR_SECRET", "short"))));
        assertEquals("CLICK_VISITOR_SECRET", shortSecret.variable());
        assertTrue(shortSecret.getMessage().contains("16 bytes"), shortSecret.getMessage());
        var region = assertThrows(
                ConfigException.class,
                () -> build(env(Map.of("CLICK_STREAM_NAME", "s", "CLICK_VISITOR_SECRET", SECRET))));
        assertEquals("AWS_REGION", region.variable());
    }

    @Test
    void aMalformedEndpoint_failsWithItsName() {
        var endpoint = assertThrows(
                ConfigException.class,
                () -> build(env(Map.of(
                        "CLICK_STREAM_NAME",
                        "s",
                        "CLICK_VISITOR_SECRET",
                        SECRET,
                        "AWS_REGION",
                        "us-east-1",
                        "FIREHOSE_ENDPOINT",
                        "127.0.0.1:4566"))));
        assertEquals("FIREHOSE_ENDPOINT", endpoint.variable());
    }

    @Test
    void malformedTunables_failWithTheirName() {
        var encoding = assertThrows(
                ConfigException.class, () -> ClickSinks.settings(env(Map.of("CLICK_RECORD_ENCODING", "zstd"))));
        assertEquals("CLICK_RECORD_ENCODING", encoding.variable());
        var age = assertThrows(
                ConfigException.class, () -> ClickSinks.settings(env(Map.of("CLICK_MAX_BUFFER_AGE_MS", "soon"))));
        assertEquals("CLICK_MAX_BUFFER_AGE_MS", age.variable());
        var settings = ClickSinks.settings(env(Map.of(
                "CLICK_RECORD_ENCODING",
                "ndjson",
                "CLICK_MAX_BUFFER_AGE_MS",
                "500",
                "CLICK_HOLD_IF_NEXT_WITHIN_MS",
                "250")));
        assertEquals(RecordEncoding.NDJSON, settings.encoding());
        assertEquals(Duration.ofMillis(500), settings.maxBufferAge());
        assertEquals(Duration.ofMillis(250), settings.holdIfNextWithin());
    }

    @Test
    void aStream_givesTheBatchingFirehoseSink_onTheEndpointOverride() throws Exception {
        System.setProperty("aws.accessKeyId", "test"); // the default chain, as in Lambda, finds these
        System.setProperty("aws.secretAccessKey", "test");
        try (var firehose = new FirehoseStandIn()) {
            ClickSink sink = build(env(Map.of(
                    "CLICK_STREAM_NAME",
                    "clicks-stream",
                    "CLICK_VISITOR_SECRET",
                    SECRET,
                    "AWS_REGION",
                    "eu-west-1",
                    "FIREHOSE_ENDPOINT",
                    firehose.endpoint().toString())));
            assertInstanceOf(BatchingClickSink.class, sink);

            sink.record(TestClicks.click("fh"));
            sink.beforeFreeze(Duration.ofSeconds(5)); // a cold SDK's first call

            assertEquals("clicks-stream", firehose.calls().get(0).stream());
            assertEquals(1, StoredEvents.lines(firehose.storedRecords()).size());
            ((BatchingClickSink) sink).shutdown(Duration.ofMillis(100));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    /** The sink as the redirect function's wiring builds it, with a log and metrics of the test's own. */
    private static ClickSink build(Environment env) {
        return ClickSinks.fromEnvironment(
                env,
                new StructuredLog("redirect", System.out),
                new EmfMetrics("UrlShortener", "redirect", InstantSource.system()));
    }

    private static Environment env(Map<String, String> variables) {
        return Environment.of(variables);
    }
}
